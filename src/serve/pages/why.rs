//! Why a person's mentions are together, on their page: each merge with both mentions and its
//! reasons in words with their weights, the nearest mention of another person kept apart, and
//! the pairs left for review; the reasons of a pair as the review page shows them too.

use super::search::encode;
use crate::desk::{EdgeView, MentionRow, PersonView};
use crate::serve::i18n::Lang;
use maud::{Markup, html};

/// The sections of the person page on the edges touching the person.
pub fn sections(lang: Lang, view: &PersonView) -> Markup {
    let t = |key| lang.t(key);
    let id = view.person.person_id.as_str();
    let doubtful: Vec<&EdgeView> = view.doubtful().collect();
    html! {
        h2 { (t("section_why")) }
        @if view.edges.is_empty() {
            p #why-none { (t("why_none")) }
        } @else if view.merges().next().is_none() {
            p #why-single { (t("why_single")) }
        }
        div #why {
            @for e in view.merges() {
                div.edge.merge {
                    p.pair { (mention(lang, &e.a, None)) " — " (mention(lang, &e.b, None)) }
                    (facts(lang, e))
                    (reasons(lang, e))
                }
            }
        }
        h2 { (t("section_apart")) }
        @match view.kept_apart() {
            None => p #apart-none { (t("apart_none")) },
            Some(e) => {
                @let (inside, outside) = e.sides(id);
                div #apart .edge {
                    p.pair { (mention(lang, inside, None)) " — "
                        (mention(lang, outside, Some(&outside.person_id))) }
                    (facts(lang, e))
                    (reasons(lang, e))
                }
            }
        }
        @if !doubtful.is_empty() {
            h2 { (t("section_doubtful")) }
            div #doubtful {
                @for e in doubtful {
                    @let (inside, outside) = e.sides(id);
                    div.edge {
                        p.pair { (mention(lang, inside, None)) " — "
                            (mention(lang, outside, Some(&outside.person_id)))
                            " · " a.judge href=(review_link(e)) { (t("doubtful_judge")) } }
                        (facts(lang, e))
                        (reasons(lang, e))
                    }
                }
            }
        }
    }
}

/// A mention named by its source and record, with its name as written; with a person id, the
/// link to that person's page.
fn mention(lang: Lang, m: &MentionRow, person: Option<&str>) -> Markup {
    html! {
        span.mention {
            b { (m.source) " · " (m.record_id) } " " span.raw { (m.name_raw) }
            @if let Some(id) = person {
                " (" (lang.t("col_person")) " " a.person href={ "/person/" (encode(id)) } { (id) } ")"
            }
        }
    }
}

/// The review page's address for the pair of an edge.
fn review_link(e: &EdgeView) -> String {
    let key = |m: &MentionRow| encode(&format!("{}:{}", m.source, m.record_id));
    format!("/review?pa={}&pb={}", key(&e.a), key(&e.b))
}

/// What the run did with a pair, with its probability and score.
pub fn facts(lang: Lang, e: &EdgeView) -> Markup {
    let probability = format!("{:.3}", e.probability);
    let score = format!("{:+.1}", e.score);
    html! {
        p.facts {
            span.verdict { (e.verdict().say(&lang)) } ". "
            span.score { (lang.fill("edge_odds", &[("probability", &probability), ("score", &score)])) }
        }
    }
}

/// Each reason of a pair's score in words, with its weight.
pub fn reasons(lang: Lang, e: &EdgeView) -> Markup {
    html! {
        ul.reasons {
            @for r in &e.reasons {
                li.reason {
                    (r.text(&lang)) ", "
                    span.weight.against[r.weight < 0.0] { (r.weight_text()) }
                }
            }
        }
    }
}
