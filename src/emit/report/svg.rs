//! Charts as inline SVG: horizontal bars for categories, columns for histograms.

use super::escape;
use std::fmt::Write;

/// Width of every chart, in SVG units.
const WIDTH: u32 = 640;
/// Height of one horizontal bar with its gap.
const ROW: u32 = 22;
/// Width given to category labels.
const LABEL: u32 = 220;
/// Height of a column chart's plot area.
const PLOT: u32 = 160;

/// Horizontal bars, one per `(label, count)`, with the count at the bar's end.
pub fn bar_chart(title: &str, bars: &[(String, u64)]) -> String {
    if bars.is_empty() {
        return empty(title);
    }
    let max = bars.iter().map(|b| b.1).max().unwrap_or(1).max(1);
    let height = ROW * bars.len() as u32 + 8;
    let span = WIDTH - LABEL - 70;
    let mut svg = open(title, height);
    for (i, (label, n)) in bars.iter().enumerate() {
        let y = 4 + ROW * i as u32;
        let w = ((*n as f64 / max as f64) * span as f64).round().max(1.0) as u32;
        let _ = write!(
            svg,
            "<text x=\"{lx}\" y=\"{ty}\" text-anchor=\"end\">{label}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{w}\" height=\"{bh}\"><title>{label}: {n}</title></rect>\
             <text x=\"{nx}\" y=\"{ty}\">{n}</text>",
            lx = LABEL - 6,
            ty = y + 14,
            label = escape(&shorten(label, 34)),
            bh = ROW - 6,
            nx = LABEL + w + 4,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Vertical columns, one per `(label, count)`, labels under the first, middle and last column.
pub fn column_chart(title: &str, columns: &[(String, u64)]) -> String {
    if columns.is_empty() {
        return empty(title);
    }
    let max = columns.iter().map(|c| c.1).max().unwrap_or(1).max(1);
    let height = PLOT + 40;
    let step = (WIDTH - 20) as f64 / columns.len() as f64;
    let mut svg = open(title, height);
    let _ = write!(svg, "<text x=\"10\" y=\"12\">max {max}</text>");
    let marked = [0, columns.len() / 2, columns.len() - 1];
    for (i, (label, n)) in columns.iter().enumerate() {
        let h = ((*n as f64 / max as f64) * PLOT as f64).round() as u32;
        let x = 10.0 + step * i as f64;
        let _ = write!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{h}\"><title>{label}: {n}</title></rect>",
            y = 20 + PLOT - h,
            w = (step - 1.0).max(1.0),
            label = escape(label),
        );
        if marked.contains(&i) {
            let _ = write!(
                svg,
                "<text x=\"{x:.1}\" y=\"{ty}\">{}</text>",
                escape(label),
                ty = PLOT + 36
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn open(title: &str, height: u32) -> String {
    format!(
        "<svg class=\"chart\" role=\"img\" \
         viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\">\
         <title>{}</title>",
        escape(title)
    )
}

fn empty(title: &str) -> String {
    format!("<p class=\"none\">{}: nothing to show.</p>", escape(title))
}

/// Text cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}
