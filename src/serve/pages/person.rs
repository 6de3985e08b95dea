//! A person's page, read through [`crate::desk::person()`]: what their mentions say together, why
//! they are together and what was kept apart (see [`super::why`]), the mentions side by side
//! with their raw text and source, the decisions with their attestations, the checks' findings
//! and the id's history.

use super::{Ctx, interval, layout, why};
use crate::desk::{CheckRow, DecisionView, IdChangeRow, MentionRow, PersonRow, PersonView};
use crate::serve::i18n::Lang;
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

/// The page of one person: the values, why the mentions are together, the nearest mention kept
/// apart, the pairs left for review, the mentions side by side, the decisions, the checks and
/// the id's history.
pub fn page(ctx: &Ctx, view: &PersonView) -> Markup {
    let t = |key| ctx.lang.t(key);
    let p = &view.person;
    let title = format!(
        "{} · {}",
        p.name,
        ctx.lang.fill("person_title", &[("id", &p.person_id)])
    );
    let mentions: Vec<&MentionRow> = view.mentions.iter().collect();
    let content = html! {
        h2 { (t("section_values")) }
        (values(ctx.lang, p))
        (why::sections(ctx.lang, view))
        h2 { (t("section_mentions")) }
        (mentions_side_by_side(ctx.lang, &mentions, &[]))
        h2 { (t("section_decisions")) }
        (decisions(ctx.lang, &view.decisions))
        h2 { (t("section_checks")) }
        (checks(ctx.lang, &view.checks))
        h2 { (t("section_history")) }
        (history(ctx.lang, &view.history))
    };
    layout(ctx, &title, content)
}

/// The reconciled values of a person.
fn values(lang: Lang, p: &PersonRow) -> Markup {
    let rows: [(&'static str, String); 10] = [
        ("col_name", p.name.clone()),
        ("col_name_latin", p.name_latin.clone()),
        ("field_gender", gender(lang, &p.gender).to_string()),
        ("col_birth", interval(&p.birth_earliest, &p.birth_latest)),
        ("col_birth_place", p.birth_place.clone()),
        (
            "field_arrest",
            interval(&p.arrest_earliest, &p.arrest_latest),
        ),
        ("field_sentence_key", p.sentence_key.clone()),
        ("field_death", interval(&p.death_earliest, &p.death_latest)),
        ("field_timeline", p.timeline.clone()),
        ("col_sources", p.sources.replace(';', "; ")),
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

/// A mention's field as shown: the text as written, a gender code in words.
fn shown(lang: Lang, m: &MentionRow, column: &str) -> String {
    match column {
        "gender" => gender(lang, &m.gender).to_string(),
        other => m.get(other).to_string(),
    }
}

/// Mentions in columns, a field per row, each cell the text as written; the cells of fields
/// listed in `differs` are marked.
pub fn mentions_side_by_side(lang: Lang, mentions: &[&MentionRow], differs: &[&str]) -> Markup {
    html! {
        table #mentions {
            thead { tr {
                th { (lang.t("field_source")) }
                @for m in mentions {
                    th.mention { (m.source) " · " (m.record_id) br;
                        span.hint { (lang.t("field_row")) " " (m.row) } }
                }
            } }
            tbody {
                @for f in FIELDS {
                    @if mentions.iter().any(|m| !m.get(f.raw).is_empty()) {
                        tr data-field=(f.raw) {
                            th { (lang.t(f.label)) }
                            @for m in mentions {
                                td.raw.differs[differs.contains(&f.raw)] { (shown(lang, m, f.raw)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn decisions(lang: Lang, decisions: &[DecisionView]) -> Markup {
    let t = |key| lang.t(key);
    html! {
        @if decisions.is_empty() { p { (t("none_recorded")) } }
        @for d in decisions {
            table.decision {
                tr { th { (t("decision_date")) }
                     td { (interval(&d.decision.date_earliest, &d.decision.date_latest)) } }
                tr { th { (t("decision_body")) } td { (d.decision.body_name) } }
                tr { th { (t("decision_basis")) } td { (d.decision.basis_name) } }
                tr { th { (t("decision_outcome")) } td { (outcome(lang, &d.decision.outcome)) } }
                tr { th { (t("decision_attestations")) } td { ul {
                    @for a in &d.attestations {
                        li.attestation {
                            b { (a.source) " · " (a.record_id) } ": "
                            span.raw { (joined(&[&a.decision, &a.date_raw,
                                &a.deciding_body, &a.legal_basis])) }
                        }
                    }
                } } }
            }
        }
    }
}

fn checks(lang: Lang, checks: &[CheckRow]) -> Markup {
    let t = |key| lang.t(key);
    html! {
        @if checks.is_empty() { p { (t("none_recorded")) } } @else {
            table #checks {
                tr { th { (t("check_rule")) } th { (t("check_severity")) }
                     th { (t("field_source")) } th { (t("check_message")) } }
                @for c in checks {
                    tr { td title=(c.rule) { (rule(lang, &c.rule)) }
                         td { (severity(lang, &c.severity)) }
                         td { (c.source) " · " (c.record_id) }
                         td { (c.message) } }
                }
            }
        }
    }
}

fn history(lang: Lang, rows: &[IdChangeRow]) -> Markup {
    let t = |key| lang.t(key);
    html! {
        @if rows.is_empty() { p { (t("none_recorded")) } } @else {
            table #history {
                tr { th { (t("history_change")) } th { (t("col_person")) }
                     th { (t("history_other")) } th { (t("history_mentions")) } }
                @for r in rows {
                    tr { td { (change(lang, &r.change)) } td { (r.person_id) }
                         td { (r.other_id) } td { (r.mentions) } }
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

/// A gender as the outputs write it (`male`, `female`) in words; as written when unknown.
fn gender(lang: Lang, code: &str) -> &str {
    match code.is_empty() {
        true => code,
        false => lang.find(&format!("gender_{code}")).unwrap_or(code),
    }
}

/// A check's rule by its name in words, its id when the catalogue has none.
fn rule(lang: Lang, id: &str) -> &str {
    lang.find(&format!("rule_{id}")).unwrap_or(id)
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
