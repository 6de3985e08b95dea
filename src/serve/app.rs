//! The desk's routes, its shared state and the guard every request passes.

use super::auth::{self, Access, Guard, LANG_COOKIE};
use super::i18n::Lang;
use super::links::{LinksFile, Verdict, pair_key};
use super::pages::{self, Ctx};
use super::review::{self, Pair};
use super::store::Store;
use crate::desk::{self, DeskError};
use axum::Router;
use axum::extract::{Form, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use maud::Markup;
use std::sync::Arc;

/// What every request shares: the database, the review list, the links file, the guard.
pub struct Desk {
    /// The run's database.
    pub store: Store,
    /// The run's doubtful pairs, in `review.csv`'s order.
    pub pairs: Vec<Pair>,
    /// Where judgements go, if anywhere.
    pub links: Option<LinksFile>,
    /// The access guard.
    pub guard: Guard,
    /// This process's CSRF secret.
    pub csrf: String,
}

/// The desk's routes behind its guard.
pub fn router(desk: Arc<Desk>) -> Router {
    Router::new()
        .route("/", get(search_page))
        .route("/person/{id}", get(person_page))
        .route("/review", get(review_page).post(judge))
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(desk.clone(), guard))
        .with_state(desk)
}

/// The policy every page is sent with: no script, no frame, no outside resource, forms to the
/// desk only.
const CONTENT_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

async fn guard(State(desk): State<Arc<Desk>>, request: Request, next: Next) -> Response {
    let (method, uri, headers) = (request.method(), request.uri(), request.headers());
    let lang_choice = auth::query_value(uri, "lang").and_then(|c| Lang::from_code(&c));
    let mut response = match desk.guard.check(method, uri, headers) {
        Access::Allow => next.run(request).await,
        Access::SetCookie { location } => {
            let mut response = Redirect::to(&location).into_response();
            if let Some(cookie) = desk.guard.token_cookie() {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        Access::Refuse(status) => {
            let ctx = ctx(uri, headers);
            let key = match status {
                StatusCode::BAD_REQUEST => "error_not_found",
                _ => "error_forbidden",
            };
            let page = pages::message(&ctx, ctx.lang.t(key));
            (status, html(page)).into_response()
        }
    };
    let out = response.headers_mut();
    if let Some(lang) = lang_choice {
        let cookie = format!("{LANG_COOKIE}={}; Path=/; SameSite=Strict", lang.code());
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            out.append(header::SET_COOKIE, value);
        }
    }
    out.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_POLICY),
    );
    out.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    out.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    response
}

/// The page context of a request: its language and path.
fn ctx(uri: &Uri, headers: &HeaderMap) -> Ctx {
    let chosen = auth::query_value(uri, "lang").and_then(|c| Lang::from_code(&c));
    let remembered = || auth::cookie(headers, LANG_COOKIE).and_then(|c| Lang::from_code(&c));
    let browser = || {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::negotiate)
    };
    Ctx {
        lang: chosen
            .or_else(remembered)
            .or_else(browser)
            .unwrap_or(Lang::En),
        path: uri.path().to_string(),
    }
}

fn html(markup: Markup) -> Html<String> {
    Html(markup.into_string())
}

/// A failure shown as a page.
fn failure(ctx: &Ctx, status: StatusCode, message: &str) -> Response {
    (status, html(pages::message(ctx, message))).into_response()
}

/// Runs a database read off the async workers; a failure becomes a 500 page.
async fn read<T: Send + 'static>(
    desk: &Arc<Desk>,
    ctx: &Ctx,
    work: impl FnOnce(&rusqlite::Connection) -> Result<T, DeskError> + Send + 'static,
) -> Result<T, Response> {
    let store = desk.store.clone();
    let done = tokio::task::spawn_blocking(move || work(&store.connect()?)).await;
    let message = match done {
        Ok(Ok(value)) => return Ok(value),
        Ok(Err(e)) => e.to_string(),
        Err(e) => e.to_string(),
    };
    tracing::error!("{message}");
    let text = ctx.lang.fill("error_internal", &[("message", &message)]);
    Err(failure(ctx, StatusCode::INTERNAL_SERVER_ERROR, &text))
}

/// The search form's fields.
#[derive(serde::Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    page: Option<usize>,
}

impl SearchParams {
    /// The query of the form: the free text read as `rehab find` reads its words, and the
    /// fields given.
    fn query(&self) -> desk::Query {
        let given = |text: &str| Some(text.trim().to_string()).filter(|t| !t.is_empty());
        desk::Query {
            place: given(&self.place),
            source: given(&self.source),
            body: given(&self.body),
            ..desk::Query::from_line(&self.q)
        }
    }

    /// The form as typed, for the page to show again.
    fn form(&self) -> pages::search::Form {
        pages::search::Form {
            q: self.q.clone(),
            place: self.place.clone(),
            source: self.source.clone(),
            body: self.body.clone(),
        }
    }
}

async fn search_page(
    State(desk): State<Arc<Desk>>,
    uri: Uri,
    headers: HeaderMap,
    Query(params): Query<SearchParams>,
) -> Response {
    let ctx = ctx(&uri, &headers);
    let form = params.form();
    let query = params.query();
    if query.is_empty() {
        return html(pages::search::page(&ctx, &form, None)).into_response();
    }
    let page = params.page.unwrap_or(1);
    let found = read(&desk, &ctx, move |c| match desk::search(c, &query, page) {
        Err(DeskError::Criterion(unknown)) => Ok(Err(unknown)),
        other => other.map(Ok),
    })
    .await;
    match found {
        Ok(results) => html(pages::search::page(&ctx, &form, Some(&results))).into_response(),
        Err(response) => response,
    }
}

async fn person_page(
    State(desk): State<Arc<Desk>>,
    uri: Uri,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let ctx = ctx(&uri, &headers);
    let wanted = id.clone();
    let found = read(&desk, &ctx, move |c| match desk::person(c, &wanted)? {
        Some(view) => Ok(Ok(view)),
        None => Ok(Err(desk::merged_into(c, &wanted)?)),
    })
    .await;
    match found {
        Ok(Ok(view)) => html(pages::person::page(&ctx, &view)).into_response(),
        Ok(Err(Some(into))) => {
            Redirect::to(&format!("/person/{}", pages::search::encode(&into))).into_response()
        }
        Ok(Err(None)) => {
            let text = ctx.lang.fill("person_unknown", &[("id", &id)]);
            failure(&ctx, StatusCode::NOT_FOUND, &text)
        }
        Err(response) => response,
    }
}

#[derive(serde::Deserialize)]
struct ReviewParams {
    #[serde(default)]
    skip: usize,
    #[serde(default)]
    a: Option<String>,
    #[serde(default)]
    b: Option<String>,
    #[serde(default)]
    j: Option<String>,
    /// A pair to show first, as the person page links it: its first mention's key.
    #[serde(default)]
    pa: Option<String>,
    /// The second mention's key of the pair to show first.
    #[serde(default)]
    pb: Option<String>,
}

async fn review_page(
    State(desk): State<Arc<Desk>>,
    uri: Uri,
    headers: HeaderMap,
    Query(params): Query<ReviewParams>,
) -> Response {
    let ctx = ctx(&uri, &headers);
    let judged = match judged_pairs(&desk) {
        Ok(judged) => judged,
        Err(message) => return failure(&ctx, StatusCode::INTERNAL_SERVER_ERROR, &message),
    };
    let progress = review::progress(&desk.pairs, &judged);
    let left = progress.left.len();
    let asked = match (&params.pa, &params.pb) {
        (Some(a), Some(b)) => {
            let wanted = pair_key(a, b);
            progress
                .left
                .iter()
                .position(|p| pair_key(&p.a, &p.b) == wanted)
        }
        _ => None,
    };
    let skip = asked.unwrap_or(params.skip);
    let current = match left {
        0 => None,
        n => Some(progress.left[skip % n]),
    };
    let pair = match current {
        Some(pair) => {
            let (a, b) = (pair.a.clone(), pair.b.clone());
            let found = read(&desk, &ctx, move |c| {
                let edge = desk::edge(c, &a, &b)?;
                Ok((desk::mention(c, &a)?, desk::mention(c, &b)?, edge))
            })
            .await;
            match found {
                Ok((Some(ma), Some(mb), edge)) => Some(pages::review::Shown {
                    pair,
                    mentions: [ma, mb],
                    edge,
                }),
                Ok(_) => None,
                Err(response) => return response,
            }
        }
        None => None,
    };
    let saved = match (params.a, params.b, params.j) {
        (Some(a), Some(b), Some(j)) if Verdict::from_word(&j).is_some() => Some((a, b, j)),
        _ => None,
    };
    let view = pages::review::ReviewView {
        judged: progress.judged,
        left,
        pair,
        skip,
        links: desk.links.as_ref().map(|l| l.path().display().to_string()),
        saved,
        csrf: &desk.csrf,
    };
    html(pages::review::page(&ctx, &view)).into_response()
}

fn judged_pairs(desk: &Desk) -> Result<std::collections::HashSet<(String, String)>, String> {
    match &desk.links {
        Some(links) => links.judged().map_err(|e| e.to_string()),
        None => Ok(Default::default()),
    }
}

#[derive(serde::Deserialize)]
struct Judgement {
    a: String,
    b: String,
    judgement: String,
    csrf: String,
    #[serde(default)]
    skip: usize,
}

async fn judge(
    State(desk): State<Arc<Desk>>,
    uri: Uri,
    headers: HeaderMap,
    Form(form): Form<Judgement>,
) -> Response {
    let ctx = ctx(&uri, &headers);
    if !auth::same_secret(&form.csrf, &desk.csrf) {
        return failure(&ctx, StatusCode::FORBIDDEN, ctx.lang.t("error_csrf"));
    }
    let (Some(verdict), Some(links)) = (Verdict::from_word(&form.judgement), desk.links.clone())
    else {
        return failure(&ctx, StatusCode::BAD_REQUEST, ctx.lang.t("review_no_links"));
    };
    let asked = pair_key(&form.a, &form.b);
    if !desk.pairs.iter().any(|p| pair_key(&p.a, &p.b) == asked) {
        return failure(&ctx, StatusCode::BAD_REQUEST, ctx.lang.t("error_not_found"));
    }
    let (a, b) = (form.a.clone(), form.b.clone());
    let written = tokio::task::spawn_blocking(move || links.append(&a, &b, verdict)).await;
    let message = match written {
        Ok(Ok(())) => {
            tracing::info!(a = %form.a, b = %form.b, judgement = verdict.word(), "judgement saved");
            let to = format!(
                "/review?skip={}&a={}&b={}&j={}",
                form.skip,
                pages::search::encode(&form.a),
                pages::search::encode(&form.b),
                verdict.word()
            );
            return Redirect::to(&to).into_response();
        }
        Ok(Err(e)) => e.to_string(),
        Err(e) => e.to_string(),
    };
    tracing::error!("{message}");
    let text = ctx.lang.fill("error_internal", &[("message", &message)]);
    failure(&ctx, StatusCode::INTERNAL_SERVER_ERROR, &text)
}

async fn not_found(uri: Uri, headers: HeaderMap) -> Response {
    let ctx = ctx(&uri, &headers);
    failure(&ctx, StatusCode::NOT_FOUND, ctx.lang.t("error_not_found"))
}
