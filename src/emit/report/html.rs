//! The report page: sections of counts, charts and the searchable person table.

use super::data::{CHANGE_CAP, PersonRow, ReportData, SourceRow};
use super::{escape, svg};
use std::fmt::Write;

const STYLE: &str = "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1100px}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:2px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}.chart rect{fill:#4a78a8}.chart text{font-size:12px;fill:#222}
.totals td{font-size:1.1em}.warn{color:#a33}.none{color:#777}ul.m{margin:0;padding-left:1.1em}
#q{font-size:1em;padding:4px;width:24em}";

/// Filters the person table as one types; `report.html#q=TEXT` opens the page filtered.
const SCRIPT: &str = "(function(){var q=document.getElementById('q');
var rows=document.querySelectorAll('#persons tbody tr');var shown=document.getElementById('shown');
function filter(){var t=q.value.trim().toLowerCase();var n=0;
for(var i=0;i<rows.length;i++){var ok=!t||rows[i].getAttribute('data-q').indexOf(t)>=0;
rows[i].style.display=ok?'':'none';if(ok)n++;}shown.textContent=n;}
q.addEventListener('input',filter);var h=location.hash;
if(h.indexOf('#q=')===0){q.value=decodeURIComponent(h.slice(3));filter();}})();";

/// The whole page.
pub fn page(data: &ReportData) -> String {
    let mut body = String::with_capacity(1 << 16);
    body.push_str("<h1>rehab: run report</h1>");
    body.push_str(&totals(data));
    body.push_str(&sources(&data.sources));
    section(
        &mut body,
        "Rejected rows by reason",
        &count_table("reason", &data.rejects),
    );
    let chart = svg::bar_chart("Persons by number of sources", &data.persons_by_sources);
    section(&mut body, "Persons by number of sources", &chart);
    let chart = svg::column_chart("Decisions by year", &data.decisions_by_year);
    section(&mut body, "Decisions by year", &chart);
    let chart = svg::bar_chart("Decisions by deciding body", &data.decisions_by_body);
    section(&mut body, "Decisions by deciding body", &chart);
    let chart = svg::bar_chart("Mentions by sentencing organ", &data.organs);
    section(&mut body, "Mentions by sentencing organ", &chart);
    section(
        &mut body,
        "Checks by rule (checks.csv)",
        &count_table("rule", &data.checks),
    );
    let title = format!(
        "Persons by birth year ({}-year bins)",
        super::data::BIRTH_BIN
    );
    let chart = svg::column_chart(&title, &data.birth_years);
    section(&mut body, &title, &chart);
    section(&mut body, "Changes since the last run", &changes(data));
    section(&mut body, "Persons", &persons(data));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width\">\
         <title>rehab run report</title><style>{STYLE}</style></head>\n<body>\n{body}\n\
         <script>{SCRIPT}</script>\n</body></html>\n"
    )
}

fn section(body: &mut String, title: &str, content: &str) {
    let _ = write!(
        body,
        "\n<section><h2>{}</h2>{content}</section>",
        escape(title)
    );
}

fn totals(data: &ReportData) -> String {
    let mut out = String::from("<table class=\"totals\" id=\"totals\">");
    for (label, n) in &data.totals {
        let _ = write!(
            out,
            "<tr><th>{}</th><td class=\"n\">{n}</td></tr>",
            escape(label)
        );
    }
    out.push_str("</table>");
    out
}

fn sources(sources: &[SourceRow]) -> String {
    let mut out = String::from(
        "\n<section><h2>Sources</h2><table id=\"sources\"><thead><tr><th>file</th>\
         <th class=\"n\">rows</th><th class=\"n\">accepted</th><th class=\"n\">rejected</th>\
         </tr></thead><tbody>",
    );
    for s in sources {
        let _ = match &s.error {
            Some(e) => write!(
                out,
                "<tr><td>{}</td><td class=\"warn\" colspan=\"3\">unreadable: {}</td></tr>",
                escape(&s.name),
                escape(e)
            ),
            None => write!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
                 <td class=\"n\">{}</td></tr>",
                escape(&s.name),
                s.rows,
                s.accepted,
                s.rejected
            ),
        };
    }
    out.push_str("</tbody></table></section>");
    out
}

fn count_table(what: &str, counts: &[(String, u64)]) -> String {
    if counts.is_empty() {
        return "<p class=\"none\">none</p>".into();
    }
    let mut out = format!(
        "<table><thead><tr><th>{}</th><th class=\"n\">count</th></tr></thead><tbody>",
        escape(what)
    );
    for (label, n) in counts {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"n\">{n}</td></tr>",
            escape(label)
        );
    }
    out.push_str("</tbody></table>");
    out
}

fn changes(data: &ReportData) -> String {
    let mut out = String::from("<h3>Input rows</h3>");
    let rows: Vec<(String, u64)> = data
        .row_changes
        .iter()
        .map(|(k, n)| (k.to_string(), *n))
        .collect();
    out.push_str(&count_table("rows", &rows));
    out.push_str("<h3>Person ids</h3>");
    out.push_str(&count_table("change", &data.change_counts));
    if data.changes.is_empty() {
        return out;
    }
    out.push_str(
        "<table id=\"changes\"><thead><tr><th>change</th><th>person id</th><th>other id</th>\
         <th class=\"n\">mentions</th></tr></thead><tbody>",
    );
    for c in &data.changes {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            c.change.code(),
            escape(&c.person_id),
            escape(&c.other_id),
            c.mentions
        );
    }
    out.push_str("</tbody></table>");
    let total: u64 = data.change_counts.iter().map(|c| c.1).sum();
    if total > data.changes.len() as u64 {
        let _ = write!(
            out,
            "<p class=\"none\">The first {CHANGE_CAP} of {total} changes; all are in \
             id_changes.csv.</p>"
        );
    }
    out
}

fn persons(data: &ReportData) -> String {
    let mut out = format!(
        "<p><input id=\"q\" type=\"search\" placeholder=\"Search names, ids, places, sources\" \
         aria-label=\"Search persons\"> <span id=\"shown\">{}</span> of {} persons shown.</p>",
        data.persons.len(),
        data.persons.len()
    );
    if data.person_total > data.persons.len() {
        let _ = write!(
            out,
            "<p class=\"warn\" id=\"cap\">This table holds the first {} of {} persons; all are in \
             persons.csv and rehab.sqlite.</p>",
            data.persons.len(),
            data.person_total
        );
    }
    out.push_str(
        "<table id=\"persons\"><thead><tr><th>id</th><th>name</th><th>born</th>\
         <th>birth place</th><th class=\"n\">decisions</th><th>mentions</th></tr></thead><tbody>\n",
    );
    for p in &data.persons {
        out.push_str(&person_row(p));
    }
    out.push_str("</tbody></table>");
    out
}

fn person_row(p: &PersonRow) -> String {
    let search = format!(
        "{} {} {} {} {}",
        p.id,
        p.name,
        p.birth,
        p.place,
        p.mentions.join(" ")
    );
    let mentions: String = p
        .mentions
        .iter()
        .map(|m| format!("<li>{}</li>", escape(m)))
        .collect();
    format!(
        "<tr data-q=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td>\
         <td><ul class=\"m\">{mentions}</ul></td></tr>\n",
        escape(&search.to_lowercase()),
        escape(&p.id),
        escape(&p.name),
        escape(&p.birth),
        escape(&p.place),
        escape(&p.decisions),
    )
}
