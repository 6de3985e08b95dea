//! `rehab explain PERSON_ID`: what the last run decided about a person, read from its
//! `rehab.sqlite` without linking again: the mentions, each merge with its reasons in words, the
//! strongest mention kept apart, the pairs left for review, the decisions and checks.

use super::{InputError, Status};
use rehab::desk::words::English;
use rehab::desk::{self, EdgeView, MentionRow, PersonView};
use std::fmt::Write;
use std::path::PathBuf;

/// Arguments of `rehab explain`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  rehab explain P000004 -o output    why P000004's mentions are one person")]
pub struct Args {
    /// The person id, as in `persons.csv` of the run.
    pub person_id: String,
    /// The run's output folder (its rehab.sqlite is read).
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
}

/// Prints the person's explanation.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let conn = desk::open(&args.output).map_err(|e| InputError(e.to_string()))?;
    let view = desk::person(&conn, &args.person_id)?.ok_or_else(|| {
        InputError(format!(
            "no person {} in {}",
            args.person_id,
            args.output.display()
        ))
    })?;
    print!("{}", render(&view));
    Ok(Status::Success)
}

/// The whole explanation as text.
fn render(view: &PersonView) -> String {
    let mut out = String::new();
    header(&mut out, view);
    let _ = writeln!(out, "\nMentions ({}):", view.mentions.len());
    for m in &view.mentions {
        let _ = writeln!(out, "  {}", describe(m));
    }
    let merges: Vec<&EdgeView> = view.merges().collect();
    if !merges.is_empty() {
        let _ = writeln!(
            out,
            "\nWhy they are one person ({}):",
            counted(&merges.len().to_string(), "merge")
        );
        merges
            .iter()
            .for_each(|e| edge(&mut out, e, &view.person.person_id));
    }
    match view.kept_apart() {
        Some(e) => {
            let _ = writeln!(out, "\nThe nearest mention kept apart:");
            edge(&mut out, e, &view.person.person_id);
        }
        None => {
            let _ = writeln!(out, "\nNo mention of another person came near.");
        }
    }
    let doubtful: Vec<&EdgeView> = view.doubtful().collect();
    if !doubtful.is_empty() {
        let _ = writeln!(
            out,
            "\nLeft for review ({}):",
            counted(&doubtful.len().to_string(), "pair")
        );
        doubtful
            .iter()
            .for_each(|e| edge(&mut out, e, &view.person.person_id));
    }
    decisions(&mut out, view);
    if !view.checks.is_empty() {
        let _ = writeln!(out, "\nChecks:");
        for c in &view.checks {
            let _ = writeln!(out, "  {} {}: {}", c.severity, c.rule, c.message);
        }
    }
    if !view.history.is_empty() {
        let _ = writeln!(out, "\nThe id in this run:");
        for h in &view.history {
            let other = match h.other_id.is_empty() {
                true => String::new(),
                false => format!(" ({})", h.other_id),
            };
            let mentions = counted(&h.mentions, "mention");
            let _ = writeln!(out, "  {} {}{other}, {mentions}", h.change, h.person_id);
        }
    }
    out
}

/// The person's id, names and reconciled values.
fn header(out: &mut String, view: &PersonView) {
    let p = &view.person;
    let latin = match p.name_latin.is_empty() || p.name_latin == p.name {
        true => String::new(),
        false => format!(" ({})", p.name_latin),
    };
    let _ = writeln!(out, "person {}: {}{latin}", p.person_id, p.name);
    let birth = match (p.birth_earliest.as_str(), p.birth_latest.as_str()) {
        ("", _) => "birth unknown".to_string(),
        (a, b) if a == b => format!("born {a}"),
        (a, b) => format!("born between {a} and {b}"),
    };
    let place = match p.birth_place.is_empty() {
        true => String::new(),
        false => format!(" in {}", p.birth_place),
    };
    let _ = writeln!(
        out,
        "{birth}{place}; {} from {}; {}",
        counted(&p.mentions, "mention"),
        p.sources.replace(';', ", "),
        counted(&p.decisions, "decision")
    );
}

/// One line naming a mention: where it is and what it says.
fn describe(m: &MentionRow) -> String {
    let mut text = format!("{} #{}: {}", m.source, m.record_id, m.name_raw);
    if !m.birth_raw.is_empty() {
        let _ = write!(text, ", born {}", m.birth_raw);
    }
    if !m.birth_place_raw.is_empty() {
        let _ = write!(text, ", at {}", m.birth_place_raw);
    }
    if !m.decision_date_raw.is_empty() || !m.decision.is_empty() {
        let said = [m.decision.as_str(), m.decision_date_raw.as_str()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(text, "; decision: {said}");
    }
    text
}

/// An edge: the two mentions, the outcome and each reason on its own line.
fn edge(out: &mut String, e: &EdgeView, person_id: &str) {
    let (inside, outside) = e.sides(person_id);
    let _ = writeln!(
        out,
        "  {} #{} and {} #{}{}: one person with probability {:.3} (score {:+.1}); {}",
        inside.source,
        inside.record_id,
        outside.source,
        outside.record_id,
        match e.apart() {
            true => format!(" ({}, of {})", outside.name_raw, outside.person_id),
            false => String::new(),
        },
        e.probability,
        e.score,
        e.verdict().say(&English)
    );
    for reason in &e.reasons {
        let _ = writeln!(out, "      {reason}");
    }
}

/// The person's decisions with the mentions attesting them.
fn decisions(out: &mut String, view: &PersonView) {
    if view.decisions.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nDecisions:");
    for d in &view.decisions {
        let dec = &d.decision;
        let what = match dec.outcome.as_str() {
            "" => "decision",
            other => other,
        };
        let when = match (dec.date_earliest.as_str(), dec.date_latest.as_str()) {
            ("", _) => "undated".to_string(),
            (a, b) if a == b => a.to_string(),
            (a, b) => format!("{a}..{b}"),
        };
        let by = match dec.body_name.is_empty() {
            true => String::new(),
            false => format!(" by {}", dec.body_name),
        };
        let _ = writeln!(out, "  {what} {when}{by}, attested by:");
        for a in &d.attestations {
            let written = [
                a.decision.as_str(),
                a.date_raw.as_str(),
                a.deciding_body.as_str(),
            ]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
            let _ = writeln!(out, "    {} #{}: {written}", a.source, a.record_id);
        }
    }
}

/// A count with its noun, plural unless it is 1: `1 mention`, `5 mentions`.
pub(crate) fn counted(count: &str, noun: &str) -> String {
    match count {
        "1" => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}
