//! A remark that some part is unknown, written after a date: `1938, число не установлено`,
//! `май 1938 (день неизвестен)`, `1938, место неизвестно`. The remark is a last clause (after a
//! comma or semicolon, or in closing parentheses) with letters and no digits, whose last words
//! are a marker of the unknown (`schemas/unknown_markers.csv`). It is dropped before the date is
//! read, so the known parts are kept; a cell that holds only a marker is no date at all.

use crate::model::is_unknown_marker;
use crate::normalize::text;

/// The most words of a marker looked for at the end of a clause (`нет сведений`, `маълумот йўқ`).
const MARKER_WORDS: usize = 3;

/// The text without a last clause that says something is unknown; the text as given otherwise.
pub fn without_unknown_remark(text: &str) -> &str {
    if text.len() > super::MAX_DATE_BYTES {
        return text;
    }
    let trimmed = text.trim_end();
    if let Some(inner) = trimmed.strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && is_remark(&inner[open + 1..])
        && has_date(&trimmed[..open])
    {
        return &trimmed[..open];
    }
    if let Some(at) = trimmed.rfind([',', ';'])
        && is_remark(&trimmed[at + 1..])
        && has_date(&trimmed[..at])
    {
        return &trimmed[..at];
    }
    text
}

fn has_date(head: &str) -> bool {
    head.chars().any(|c| c.is_ascii_digit())
}

/// Whether a clause is words only, the last of them a marker of the unknown.
fn is_remark(clause: &str) -> bool {
    if clause.chars().any(|c| c.is_ascii_digit()) || !clause.chars().any(text::is_letter) {
        return false;
    }
    let words: Vec<&str> = clause.split_whitespace().collect();
    (1..=MARKER_WORDS.min(words.len())).any(|n| {
        let tail = words[words.len() - n..].join(" ");
        is_unknown_marker(&tail)
    })
}
