//! The desk's pages, rendered on the server as HTML with `maud` (which escapes every value it
//! inserts), working without JavaScript: the frame every page shares, then one module per page.

pub mod person;
pub mod review;
pub mod search;
pub mod why;

use super::i18n::Lang;
use maud::{DOCTYPE, Markup, html};

/// What every page needs to know about its request.
#[derive(Debug, Clone)]
pub struct Ctx {
    /// The interface language.
    pub lang: Lang,
    /// The request's path, for the language switch.
    pub path: String,
}

/// The style of every page: plain, readable, printable.
const STYLE: &str = "
body{font-family:system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafaf7}
header{background:#2d3e50;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:center;flex-wrap:wrap}
header a{color:#fff;text-decoration:none}header .title{font-weight:bold}
header .langs{margin-left:auto}header .langs a{margin-left:.6em;opacity:.75}
header .langs a.current{opacity:1;text-decoration:underline}
main{padding:1em 1.2em;max-width:1400px}
table{border-collapse:collapse;margin:.5em 0 1.2em}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#eef0f2;font-weight:600}
td.differs{background:#fde2c8}
.raw{font-family:ui-monospace,monospace;white-space:pre-wrap}
form.search input[type=search]{width:32em;max-width:90%;padding:.4em;font-size:1.05em}
button{padding:.45em 1em;font-size:1em;margin-right:.5em;cursor:pointer}
.hint{color:#666;font-size:.9em}
.notice{background:#e7f4e4;padding:.5em .8em;border-left:4px solid #4a8f3c}
.warn{background:#fdf0d8;padding:.5em .8em;border-left:4px solid #c98a1b}
.progress{font-weight:600}
.actions form{display:inline-block;margin:.2em 0 .6em}
span.differs{background:#fde2c8;padding:0 .3em}
.edge{border-left:3px solid #8aa2b8;padding:.1em .8em;margin:.6em 0}
.edge p{margin:.3em 0}.facts{color:#444}
ul.reasons{margin:.2em 0 .4em;padding-left:1.4em}
.weight{font-family:ui-monospace,monospace;color:#2f6b2a}.weight.against{color:#a33}
div.fields{display:flex;gap:1em;flex-wrap:wrap;margin:.4em 0}div.fields input{padding:.3em}
";

/// The frame of a page: title, navigation, language switch, then the content.
pub fn layout(ctx: &Ctx, title: &str, content: Markup) -> Markup {
    let t = |key| ctx.lang.t(key);
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (t("app_title")) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                header {
                    a.title href="/" { (t("app_title")) }
                    a #nav-search href="/" { (t("nav_search")) }
                    a #nav-review href="/review" { (t("nav_review")) }
                    nav.langs {
                        @for lang in Lang::ALL {
                            a.current[lang == ctx.lang] hreflang=(lang.code())
                                href={ (ctx.path) "?lang=" (lang.code()) } { (lang.t("lang_name")) }
                        }
                    }
                }
                main { h1 { (title) } (content) }
            }
        }
    }
}

/// A page that says only one thing (not found, refused, an error).
pub fn message(ctx: &Ctx, text: &str) -> Markup {
    layout(ctx, text, html! {})
}

/// A date interval as one reads it: one day, or `earliest – latest`.
pub fn interval(earliest: &str, latest: &str) -> String {
    match (earliest, latest) {
        ("", "") => String::new(),
        (e, l) if e == l || l.is_empty() => e.to_string(),
        (e, l) => format!("{e} – {l}"),
    }
}
