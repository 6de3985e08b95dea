//! The review page: one doubtful pair at a time, why the run scored it so (its reasons in words
//! with their weights, from the stored edge), both mentions in full with their differences
//! marked, and the buttons `same`, `different` and `skip`; progress above.

use super::person::{FIELDS, mentions_side_by_side};
use super::{Ctx, layout, why};
use crate::desk::{EdgeView, MentionRow, why as reasons};
use crate::serve::review::Pair;
use maud::{Markup, html};

/// The pair asked about: its row of `review.csv`, its two mentions and the stored edge.
pub struct Shown<'a> {
    /// The row of `review.csv`.
    pub pair: &'a Pair,
    /// The two mentions, in the pair's order.
    pub mentions: [MentionRow; 2],
    /// The edge the run stored between them, if any.
    pub edge: Option<EdgeView>,
}

/// What the review page shows.
pub struct ReviewView<'a> {
    /// Pairs judged so far.
    pub judged: usize,
    /// Pairs left.
    pub left: usize,
    /// The pair asked about, if any is left at this position.
    pub pair: Option<Shown<'a>>,
    /// How many pairs left were skipped to reach this one.
    pub skip: usize,
    /// The links file, or none when judgements cannot be saved.
    pub links: Option<String>,
    /// The judgement just saved: `(a, b, same|different)`.
    pub saved: Option<(String, String, String)>,
    /// The CSRF secret the form carries.
    pub csrf: &'a str,
}

/// The review page.
pub fn page(ctx: &Ctx, view: &ReviewView<'_>) -> Markup {
    let t = |key| ctx.lang.t(key);
    let (judged, left) = (view.judged.to_string(), view.left.to_string());
    let content = html! {
        p.progress #progress { (ctx.lang.fill("review_progress", &[("judged", &judged), ("left", &left)])) }
        @if let Some((a, b, j)) = &view.saved {
            p.notice #saved { (ctx.lang.fill("review_saved", &[("a", a), ("b", b), ("judgement", verdict(ctx, j))])) }
        }
        @match &view.links {
            Some(file) => p.hint { (t("review_links_file")) ": " code { (file) } },
            None => p.warn { (t("review_no_links")) },
        }
        @match &view.pair {
            None if view.judged + view.left == 0 => p #done { (t("review_none")) },
            None => p #done { (t("review_done")) },
            Some(shown) => (pair_form(ctx, view, shown)),
        }
    };
    layout(ctx, t("review_title"), content)
}

fn pair_form(ctx: &Ctx, view: &ReviewView<'_>, shown: &Shown<'_>) -> Markup {
    let t = |key| ctx.lang.t(key);
    let (pair, mentions) = (shown.pair, &shown.mentions);
    let differs = differences(&mentions[0], &mentions[1]);
    html! {
        p { (t("review_intro")) }
        table #pair-facts {
            tr { th { (t("review_score")) } td #score { (pair.score) } }
            tr { th { (t("review_reason")) } td #note { (reasons::verdict(&pair.note).say(&ctx.lang)) } }
            tr { th { (t("review_person")) } td {
                @for m in mentions {
                    @let id = &m.person_id;
                    a href={ "/person/" (super::search::encode(id)) } { (id) } " "
                }
            } }
        }
        div #why {
            h2 { (t("review_why")) }
            @match &shown.edge {
                Some(edge) => { (why::facts(ctx.lang, edge)) (why::reasons(ctx.lang, edge)) },
                None => p.hint { (t("review_no_edge")) },
            }
        }
        div.actions {
        @if view.links.is_some() {
            form #judge method="post" action="/review" {
                input type="hidden" name="a" value=(pair.a);
                input type="hidden" name="b" value=(pair.b);
                input type="hidden" name="skip" value=(view.skip);
                input type="hidden" name="csrf" value=(view.csrf);
                button #same type="submit" name="judgement" value="same" { (t("review_same")) }
                button #different type="submit" name="judgement" value="different" { (t("review_different")) }
            }
        }
        form #skip-form method="get" action="/review" {
            input type="hidden" name="skip" value=(view.skip + 1);
            button #skip type="submit" { (t("review_skip")) }
        }
        }
        @if !differs.is_empty() {
            p.hint { span.differs { (t("review_differs")) } ": "
                (differs.iter().filter_map(|d| FIELDS.iter().find(|f| f.raw == *d))
                    .map(|f| ctx.lang.t(f.label)).collect::<Vec<_>>().join(", ")) }
        }
        (mentions_side_by_side(ctx.lang, &[&mentions[0], &mentions[1]], &differs))
    }
}

/// The fields whose values both mentions give and that differ once normalised.
pub fn differences(a: &MentionRow, b: &MentionRow) -> Vec<&'static str> {
    FIELDS
        .iter()
        .filter(|f| {
            let (ra, rb) = (a.get(f.raw).trim(), b.get(f.raw).trim());
            if ra.is_empty() || rb.is_empty() {
                return false;
            }
            match f.compare {
                [] => ra.to_lowercase() != rb.to_lowercase(),
                columns => columns.iter().any(|c| {
                    let (ka, kb) = (a.get(c), b.get(c));
                    !ka.is_empty() && !kb.is_empty() && ka != kb
                }),
            }
        })
        .map(|f| f.raw)
        .collect()
}

fn verdict<'a>(ctx: &'a Ctx, word: &str) -> &'a str {
    match word {
        "same" => ctx.lang.t("judgement_same"),
        _ => ctx.lang.t("judgement_different"),
    }
}
