//! The search page: a form (a name and birth years in one box, as `rehab find` reads its words;
//! a birth place, a source, a deciding body), then one page of matching persons with links to
//! their pages.

use super::{Ctx, interval, layout};
use crate::desk::{Page, PersonHit, Unknown};
use maud::{Markup, html};

/// The form as typed.
#[derive(Debug, Clone, Default)]
pub struct Form {
    /// Words of a name and birth years.
    pub q: String,
    /// A birth place, historical or modern.
    pub place: String,
    /// A source, its name or part of it.
    pub source: String,
    /// A deciding body, its key or a name.
    pub body: String,
}

impl Form {
    /// The form's fields as a query string (without the page), each percent-encoded.
    fn query_string(&self) -> String {
        let fields = [
            ("q", &self.q),
            ("place", &self.place),
            ("source", &self.source),
            ("body", &self.body),
        ];
        let given: Vec<String> = fields
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        given.join("&")
    }
}

/// The search page for a form; `found` is none when it asks for nothing (the form alone), else
/// a page of persons or the criterion that names nothing known.
pub fn page(ctx: &Ctx, form: &Form, found: Option<&Result<Page<PersonHit>, Unknown>>) -> Markup {
    let t = |key| ctx.lang.t(key);
    let content = html! {
        form.search method="get" action="/" role="search" {
            label for="q" { (t("search_label")) } br;
            input #q type="search" name="q" value=(form.q) autofocus;
            " "
            button #find type="submit" { (t("search_button")) }
            p.hint { (t("search_hint")) }
            div.fields {
                label { (t("search_place")) br; input #place type="text" name="place" value=(form.place); }
                label { (t("search_source")) br; input #source type="text" name="source" value=(form.source); }
                label { (t("search_body")) br; input #body type="text" name="body" value=(form.body); }
            }
        }
        @match found {
            None => {},
            Some(Err(unknown)) => p.warn #unknown { (said(ctx, unknown)) },
            Some(Ok(results)) => (listing(ctx, form, results)),
        }
    };
    layout(ctx, t("nav_search"), content)
}

/// A criterion that names nothing known, in the page's language.
fn said(ctx: &Ctx, unknown: &Unknown) -> String {
    let (key, value) = match unknown {
        Unknown::Years(v) => ("search_unknown_years", v),
        Unknown::Place(v) => ("search_unknown_place", v),
        Unknown::Source(v) => ("search_unknown_source", v),
        Unknown::Body(v) => ("search_unknown_body", v),
    };
    ctx.lang.fill(key, &[("value", value)])
}

fn listing(ctx: &Ctx, form: &Form, results: &Page<PersonHit>) -> Markup {
    let t = |key| ctx.lang.t(key);
    let total = results.total.to_string();
    let (number, pages) = (results.number, results.pages());
    let link = |page: usize| format!("/?{}&page={page}", form.query_string());
    html! {
        p #count { (ctx.lang.fill("results_count", &[("n", &total)])) }
        @if results.items.is_empty() {
            p { (t("no_results")) }
        } @else {
            table #results {
                thead { tr {
                    th { (t("col_person")) } th { (t("col_name")) } th { (t("col_name_latin")) }
                    th { (t("col_birth")) } th { (t("col_birth_place")) }
                    th { (t("col_mentions")) } th { (t("col_sources")) } th { (t("col_decisions")) }
                } }
                tbody {
                    @for p in &results.items {
                        tr.person {
                            td { a href={ "/person/" (encode(&p.person_id)) } { (p.person_id) } }
                            td.name { (p.name) }
                            td { (p.name_latin) }
                            td { (interval(&p.birth_earliest, &p.birth_latest)) }
                            td { (p.birth_place) }
                            td { (p.mentions) }
                            td { (p.sources.replace(';', "; ")) }
                            td { (p.decisions) }
                        }
                        @let others = also_written(p);
                        @if !others.is_empty() {
                            tr.also { td {} td.hint colspan="7" { (t("search_also_written")) ": " (others) } }
                        }
                    }
                }
            }
            p.pager {
                @if number > 1 {
                    a #prev href=(link(number - 1)) { (t("page_prev")) } " "
                }
                (ctx.lang.fill("page_of", &[("page", &number.to_string()), ("pages", &pages.to_string())]))
                @if number < pages {
                    " " a #next href=(link(number + 1)) { (t("page_next")) }
                }
            }
        }
    }
}

/// The other spellings of a person's name in their mentions, ` | ` between them.
fn also_written(hit: &PersonHit) -> String {
    hit.other_names().collect::<Vec<_>>().join(" | ")
}

/// A query string value, percent-encoded.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
