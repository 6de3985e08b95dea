//! What an archivist looks at each morning: `report.html`, one self-contained page (inline CSS,
//! inline SVG charts, a small inline search script, no network), and the spreadsheet-facing CSV
//! reports.
//!
//! [`data`] gathers the figures, [`svg`] draws charts, [`html`] lays out the page; [`csv`] holds
//! the rules for CSVs meant for spreadsheet programs; [`xlsx`] writes the same reports as one
//! workbook.

pub mod csv;
pub mod data;
pub mod html;
pub mod svg;
pub mod xlsx;

use crate::model::Outcome;

/// The page's file name in the output folder.
pub const FILE: &str = "report.html";

/// Persons listed in the page's searchable table at most; the page says when it cuts.
pub const PERSON_CAP: usize = 5_000;

/// Renders the report page of a run.
pub fn render(outcome: &Outcome) -> String {
    let _span = tracing::info_span!("report").entered();
    html::page(&data::gather(outcome, PERSON_CAP))
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
