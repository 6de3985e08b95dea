//! A person's page: what their mentions say together, the mentions side by side with their raw
//! text and source, the decisions with their attestations, the checks' findings and the id's
//! history.

use super::{Ctx, interval, layout};
use crate::serve::i18n::Lang;
use crate::serve::store::{Decision, Record};
use maud::{Markup, html};

/// A field of a mention as the desk shows it: its label's key, the column holding the text as
/// written, and the column whose normalised value tells whether two mentions differ.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// Catalogue key of the label.
    pub label: &'static str,
    /// Column of the raw text.
    pub raw: &'static str,
    /// Columns compared to mark a difference (the raw text when empty).
    pub compare: &'static [&'static str],
}

const fn field(label: &'static str, raw: &'static str, compare: &'static [&'static str]) -> Field {
    Field {
        label,
        raw,
        compare,
    }
}

/// The fields of a mention, in the order shown.
pub const FIELDS: &[Field] = &[
    field("field_name", "name_raw", &["surname_key", "given_key"]),
    field("field_patronymic", "patronymic", &["father_key"]),
    field("field_gender", "gender", &[]),
    field("field_birth", "birth_raw", &["birth_edtf"]),
    field("field_birth_place", "birth_place_raw", &["birth_place_key"]),
    field("field_birth_place_modern", "birth_place_modern", &[]),
    field("field_nationality", "nationality", &["nationality_key"]),
    field("field_arrest", "arrest_raw", &["arrest_edtf"]),
    field("field_charge", "charge", &[]),
    field(
        "field_sentencing_organ",
        "sentencing_organ",
        &["sentencing_organ_key"],
    ),
    field("field_sentence", "sentence", &["sentence_key"]),
    field("field_death", "death_raw", &["death_edtf"]),
    field("field_decision", "decision", &[]),
    field(
        "field_decision_date",
        "decision_date_raw",
        &["decision_date_edtf"],
    ),
    field(
        "field_deciding_body",
        "deciding_body",
        &["deciding_body_key"],
    ),
    field("field_legal_basis", "legal_basis", &["legal_basis_key"]),
    field("field_case_number", "case_number", &[]),
    field("field_extra", "extra", &[]),
    field("field_warnings", "warnings", &[]),
];

/// Everything the person page shows.
pub struct PersonView<'a> {
    /// The row of `persons`.
    pub person: &'a Record,
    /// Their mentions.
    pub mentions: &'a [Record],
    /// Their decisions with attestations.
    pub decisions: &'a [Decision],
    /// The checks' findings.
    pub checks: &'a [Record],
    /// The id's history.
    pub history: &'a [Record],
}

/// The page of one person.
pub fn page(ctx: &Ctx, view: &PersonView<'_>) -> Markup {
    let t = |key| ctx.lang.t(key);
    let id = view.person.get("person_id");
    let title = format!(
        "{} · {}",
        view.person.get("name"),
        ctx.lang.fill("person_title", &[("id", id)])
    );
    let content = html! {
        h2 { (t("section_values")) }
        (values(ctx.lang, view.person))
        h2 { (t("section_mentions")) }
        (mentions_side_by_side(ctx.lang, view.mentions, &[]))
        h2 { (t("section_decisions")) }
        (decisions(ctx.lang, view.decisions))
        h2 { (t("section_checks")) }
        (checks(ctx.lang, view.checks))
        h2 { (t("section_history")) }
        (history(ctx.lang, view.history))
    };
    layout(ctx, &title, content)
}

/// The reconciled values of a person.
fn values(lang: Lang, p: &Record) -> Markup {
    let rows: [(&'static str, String); 9] = [
        ("col_name", p.get("name").to_string()),
        ("col_name_latin", p.get("name_latin").to_string()),
        (
            "col_birth",
            interval(p.get("birth_earliest"), p.get("birth_latest")),
        ),
        ("col_birth_place", p.get("birth_place").to_string()),
        (
            "field_arrest",
            interval(p.get("arrest_earliest"), p.get("arrest_latest")),
        ),
        ("field_sentence_key", p.get("sentence_key").to_string()),
        (
            "field_death",
            interval(p.get("death_earliest"), p.get("death_latest")),
        ),
        ("field_timeline", p.get("timeline").to_string()),
        ("col_sources", p.get("sources").replace(';', "; ")),
    ];
    html! {
        table #values {
            @for (label, value) in &rows {
                @if !value.is_empty() {
                    tr { th { (lang.t(label)) } td { (value) } }
                }
            }
        }
    }
}

/// Mentions in columns, a field per row, each cell the text as written; the cells of fields
/// listed in `differs` are marked.
pub fn mentions_side_by_side(lang: Lang, mentions: &[Record], differs: &[&str]) -> Markup {
    html! {
        table #mentions {
            thead { tr {
                th { (lang.t("field_source")) }
                @for m in mentions {
                    th.mention { (m.get("source")) " · " (m.get("record_id")) br;
                        span.hint { (lang.t("field_row")) " " (m.get("row")) } }
                }
            } }
            tbody {
                @for f in FIELDS {
                    @if mentions.iter().any(|m| !m.get(f.raw).is_empty()) {
                        tr data-field=(f.raw) {
                            th { (lang.t(f.label)) }
                            @for m in mentions {
                                td.raw.differs[differs.contains(&f.raw)] { (m.get(f.raw)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn decisions(lang: Lang, decisions: &[Decision]) -> Markup {
    let t = |key| lang.t(key);
    html! {
        @if decisions.is_empty() { p { (t("none_recorded")) } }
        @for d in decisions {
            table.decision {
                tr { th { (t("decision_date")) }
                     td { (interval(d.decision.get("date_earliest"), d.decision.get("date_latest"))) } }
                tr { th { (t("decision_body")) } td { (d.decision.get("body_name")) } }
                tr { th { (t("decision_basis")) } td { (d.decision.get("basis_name")) } }
                tr { th { (t("decision_outcome")) } td { (outcome(lang, d.decision.get("outcome"))) } }
                tr { th { (t("decision_attestations")) } td { ul {
                    @for a in &d.attestations {
                        li.attestation {
                            b { (a.get("source")) " · " (a.get("record_id")) } ": "
                            span.raw { (joined(&[a.get("decision"), a.get("date_raw"),
                                a.get("deciding_body"), a.get("legal_basis")])) }
                        }
                    }
                } } }
            }
        }
    }
}

fn checks(lang: Lang, checks: &[Record]) -> Markup {
    let t = |key| lang.t(key);
    html! {
        @if checks.is_empty() { p { (t("none_recorded")) } } @else {
            table #checks {
                tr { th { (t("check_rule")) } th { (t("check_severity")) }
                     th { (t("field_source")) } th { (t("check_message")) } }
                @for c in checks {
                    tr { td { (c.get("rule")) } td { (severity(lang, c.get("severity"))) }
                         td { (c.get("source")) " · " (c.get("record_id")) }
                         td { (c.get("message")) } }
                }
            }
        }
    }
}

fn history(lang: Lang, rows: &[Record]) -> Markup {
    let t = |key| lang.t(key);
    html! {
        @if rows.is_empty() { p { (t("none_recorded")) } } @else {
            table #history {
                tr { th { (t("history_change")) } th { (t("col_person")) }
                     th { (t("history_other")) } th { (t("history_mentions")) } }
                @for r in rows {
                    tr { td { (change(lang, r.get("change"))) } td { (r.get("person_id")) }
                         td { (r.get("other_id")) } td { (r.get("mentions")) } }
                }
            }
        }
    }
}

/// The non-empty values, joined by `; `.
fn joined(values: &[&str]) -> String {
    let kept: Vec<&str> = values.iter().copied().filter(|v| !v.is_empty()).collect();
    kept.join("; ")
}

fn outcome(lang: Lang, key: &str) -> String {
    match key {
        "rehabilitated" => lang.t("outcome_rehabilitated").to_string(),
        "recognised_victim" => lang.t("outcome_recognised_victim").to_string(),
        "refused" => lang.t("outcome_refused").to_string(),
        other => other.to_string(),
    }
}

fn severity(lang: Lang, key: &str) -> String {
    match key {
        "error" => lang.t("severity_error").to_string(),
        "warning" => lang.t("severity_warning").to_string(),
        "note" => lang.t("severity_note").to_string(),
        other => other.to_string(),
    }
}

fn change(lang: Lang, key: &str) -> String {
    match key {
        "new" => lang.t("change_new").to_string(),
        "merged" => lang.t("change_merged").to_string(),
        "split" => lang.t("change_split").to_string(),
        "retired" => lang.t("change_retired").to_string(),
        "returned" => lang.t("change_returned").to_string(),
        other => other.to_string(),
    }
}
