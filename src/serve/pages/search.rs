//! The search page: a form, then one page of matching persons with links to their pages.

use super::{Ctx, interval, layout};
use crate::serve::search::{PAGE_SIZE, Results};
use maud::{Markup, html};

/// The search page for a query (empty: the form alone) and its results on page `page` (from 0).
pub fn page(ctx: &Ctx, query: &str, page: usize, results: &Results) -> Markup {
    let t = |key| ctx.lang.t(key);
    let content = html! {
        form.search method="get" action="/" role="search" {
            label for="q" { (t("search_label")) } br;
            input #q type="search" name="q" value=(query) autofocus;
            " "
            button #find type="submit" { (t("search_button")) }
            p.hint { (t("search_hint")) }
        }
        @if !query.trim().is_empty() {
            (listing(ctx, query, page, results))
        }
    };
    layout(ctx, t("nav_search"), content)
}

fn listing(ctx: &Ctx, query: &str, page: usize, results: &Results) -> Markup {
    let t = |key| ctx.lang.t(key);
    let pages = results.total.div_ceil(PAGE_SIZE).max(1);
    let total = results.total.to_string();
    html! {
        p #count { (ctx.lang.fill("results_count", &[("n", &total)])) }
        @if results.persons.is_empty() {
            p { (t("no_results")) }
        } @else {
            table #results {
                thead { tr {
                    th { (t("col_person")) } th { (t("col_name")) } th { (t("col_name_latin")) }
                    th { (t("col_birth")) } th { (t("col_birth_place")) }
                    th { (t("col_mentions")) } th { (t("col_sources")) } th { (t("col_decisions")) }
                } }
                tbody {
                    @for p in &results.persons {
                        tr.person {
                            td { a href={ "/person/" (p.get("person_id")) } { (p.get("person_id")) } }
                            td.name { (p.get("name")) }
                            td { (p.get("name_latin")) }
                            td { (interval(p.get("birth_earliest"), p.get("birth_latest"))) }
                            td { (p.get("birth_place")) }
                            td { (p.get("mentions")) }
                            td { (p.get("sources").replace(';', "; ")) }
                            td { (p.get("decisions")) }
                        }
                    }
                }
            }
            p.pager {
                @if page > 0 {
                    a #prev href={ "/?q=" (encode(query)) "&page=" (page) } { (t("page_prev")) } " "
                }
                (ctx.lang.fill("page_of", &[("page", &(page + 1).to_string()), ("pages", &pages.to_string())]))
                @if page + 1 < pages {
                    " " a #next href={ "/?q=" (encode(query)) "&page=" (page + 2) } { (t("page_next")) }
                }
            }
        }
    }
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
