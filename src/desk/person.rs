//! Everything a run's database says of one person: the mentions with their raw text and source,
//! the reconciled values, the decisions with their attestations, the archival checks, the id's
//! history, and the edges that put the mentions together or kept others apart, each with its
//! reasons in words.

use super::DeskError;
use super::rows::{
    AttestationRow, CheckRow, DecisionRow, EdgeRow, IdChangeRow, MentionRow, PersonRow,
};
use super::why::{self, Reason};
use super::words::Phrase;
use crate::emit::edges::EdgeKind;
use rusqlite::{Connection, OptionalExtension};

/// One person as the run left them.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonView {
    /// The reconciled values (`persons`).
    pub person: PersonRow,
    /// The person's mentions, in output order.
    pub mentions: Vec<MentionRow>,
    /// The person's decisions, each with the mentions attesting it.
    pub decisions: Vec<DecisionView>,
    /// What the archival checks found.
    pub checks: Vec<CheckRow>,
    /// The id's history in this run (`id_changes` rows naming it).
    pub history: Vec<IdChangeRow>,
    /// Every stored edge touching the person's mentions, in the order of `edges`.
    pub edges: Vec<EdgeView>,
}

/// A decision with its attestations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionView {
    /// The decision.
    pub decision: DecisionRow,
    /// The mentions of it, as written.
    pub attestations: Vec<AttestationRow>,
}

/// A stored edge read back: both mentions in full, the score and the reasons in words.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeView {
    /// The row as stored.
    pub row: EdgeRow,
    /// What the run did with the pair.
    pub kind: EdgeKind,
    /// The score (log2 odds of one person).
    pub score: f64,
    /// The probability of one person.
    pub probability: f64,
    /// The first mention.
    pub a: MentionRow,
    /// The second mention.
    pub b: MentionRow,
    /// Each contribution in words, in the order the run weighed them.
    pub reasons: Vec<Reason>,
}

impl EdgeView {
    /// What the run did, as a phrase (see [`why::verdict`]).
    pub fn verdict(&self) -> Phrase {
        why::verdict(&self.row.note)
    }

    /// The two mentions split by whether they are the person's: (inside, outside). For an edge
    /// within the person, both are inside and the second is returned as outside.
    pub fn sides(&self, person_id: &str) -> (&MentionRow, &MentionRow) {
        match self.a.person_id == person_id {
            true => (&self.a, &self.b),
            false => (&self.b, &self.a),
        }
    }

    /// Whether the two mentions ended in different persons.
    pub fn apart(&self) -> bool {
        self.row.person_a != self.row.person_b
    }
}

impl PersonView {
    /// The merges that put the person's mentions together, in the order the run accepted them.
    pub fn merges(&self) -> impl Iterator<Item = &EdgeView> {
        self.edges.iter().filter(|e| e.kind == EdgeKind::Merge)
    }

    /// The best-scoring pair between one of the person's mentions and a mention of another
    /// person: the strongest mention kept apart.
    pub fn kept_apart(&self) -> Option<&EdgeView> {
        self.edges
            .iter()
            .filter(|e| e.apart())
            .max_by(|x, y| x.score.total_cmp(&y.score))
    }

    /// The pairs left for an archivist: borderline scores and mentions that fit two persons.
    pub fn doubtful(&self) -> impl Iterator<Item = &EdgeView> {
        self.edges
            .iter()
            .filter(|e| matches!(e.kind, EdgeKind::Review | EdgeKind::Ambiguous))
    }
}

/// Everything about one person; `None` when the run has no person of that id.
pub fn person(conn: &Connection, person_id: &str) -> Result<Option<PersonView>, DeskError> {
    let found = conn
        .query_row(
            &format!("{} WHERE t.person_id = ?1", PersonRow::select()),
            [person_id],
            PersonRow::read,
        )
        .optional()?;
    let Some(person) = found else {
        return Ok(None);
    };
    let mentions = rows(
        conn,
        MentionRow::select(),
        "t.person_id",
        person_id,
        MentionRow::read,
    )?;
    let decisions = rows(
        conn,
        DecisionRow::select(),
        "t.person_id",
        person_id,
        DecisionRow::read,
    )?
    .into_iter()
    .map(|decision| {
        let attestations = rows(
            conn,
            AttestationRow::select(),
            "t.decision_id",
            &decision.decision_id,
            AttestationRow::read,
        )?;
        Ok(DecisionView {
            decision,
            attestations,
        })
    })
    .collect::<Result<_, DeskError>>()?;
    let checks = rows(
        conn,
        CheckRow::select(),
        "t.person_id",
        person_id,
        CheckRow::read,
    )?;
    let history = id_history(conn, person_id)?;
    let edges = edges(conn, person_id, &mentions)?;
    Ok(Some(PersonView {
        person,
        mentions,
        decisions,
        checks,
        history,
        edges,
    }))
}

/// The person an id was merged into by this run, when it is no longer a person's id.
pub fn merged_into(conn: &Connection, person_id: &str) -> Result<Option<String>, DeskError> {
    let sql = format!(
        "{} WHERE t.other_id = ?1 AND t.change = 'merged' ORDER BY t.rowid LIMIT 1",
        IdChangeRow::select()
    );
    let found = conn
        .query_row(&sql, [person_id], IdChangeRow::read)
        .optional()?;
    Ok(found.map(|change| change.person_id))
}

/// The rows of a table whose `column` holds `value`, in table order.
fn rows<T>(
    conn: &Connection,
    select: String,
    column: &str,
    value: &str,
    read: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, DeskError> {
    let sql = format!("{select} WHERE {column} = ?1 ORDER BY t.rowid");
    let mut stmt = conn.prepare_cached(&sql)?;
    let found = stmt.query_map([value], read)?.collect::<Result<_, _>>()?;
    Ok(found)
}

/// The `id_changes` rows naming the id, as the person or as the other id.
fn id_history(conn: &Connection, person_id: &str) -> Result<Vec<IdChangeRow>, DeskError> {
    let sql = format!(
        "{} WHERE t.person_id = ?1 OR t.other_id = ?1 ORDER BY t.rowid",
        IdChangeRow::select()
    );
    let mut stmt = conn.prepare(&sql)?;
    let found = stmt
        .query_map([person_id], IdChangeRow::read)?
        .collect::<Result<_, _>>()?;
    Ok(found)
}

/// The stored edges touching a person, read back with both mentions and the reasons.
pub(crate) fn edges(
    conn: &Connection,
    person_id: &str,
    own: &[MentionRow],
) -> Result<Vec<EdgeView>, DeskError> {
    let sql = format!(
        "{} WHERE t.person_a = ?1 OR t.person_b = ?1 ORDER BY t.rowid",
        EdgeRow::select()
    );
    let mut stmt = conn.prepare(&sql)?;
    let stored: Vec<EdgeRow> = stmt
        .query_map([person_id], EdgeRow::read)?
        .collect::<Result<_, _>>()?;
    stored
        .into_iter()
        .map(|row| edge_view(conn, row, own))
        .collect()
}

/// An edge row with its mentions (from `own` when they are the person's) and reasons.
pub(crate) fn edge_view(
    conn: &Connection,
    row: EdgeRow,
    own: &[MentionRow],
) -> Result<EdgeView, DeskError> {
    let stored = |message: String| DeskError::Stored {
        table: "edges",
        message,
    };
    let kind = EdgeKind::parse(&row.kind).ok_or_else(|| stored(format!("kind {:?}", row.kind)))?;
    let number = |text: &str, what: &str| {
        text.parse::<f64>()
            .map_err(|_| stored(format!("{what} {text:?} is no number")))
    };
    let score = number(&row.score, "score")?;
    let probability = number(&row.probability, "probability")?;
    let a = mention(conn, own, &row.source_a, &row.record_id_a)?;
    let b = mention(conn, own, &row.source_b, &row.record_id_b)?;
    let reasons = why::reasons(&row, &a, &b).map_err(stored)?;
    Ok(EdgeView {
        row,
        kind,
        score,
        probability,
        a,
        b,
        reasons,
    })
}

/// A mention by its key: from `own` when there, else read from the database.
pub(crate) fn mention(
    conn: &Connection,
    own: &[MentionRow],
    source: &str,
    record_id: &str,
) -> Result<MentionRow, DeskError> {
    if let Some(m) = own
        .iter()
        .find(|m| m.source == source && m.record_id == record_id)
    {
        return Ok(m.clone());
    }
    let sql = format!(
        "{} WHERE t.source = ?1 AND t.record_id = ?2",
        MentionRow::select()
    );
    conn.prepare_cached(&sql)?
        .query_row([source, record_id], MentionRow::read)
        .optional()?
        .ok_or_else(|| DeskError::Stored {
            table: "edges",
            message: format!("no mention {source}:{record_id}"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merged_id_leads_to_the_person_it_was_merged_into() {
        let conn = Connection::open_in_memory().unwrap();
        let columns: Vec<String> = IdChangeRow::COLUMNS
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect();
        conn.execute_batch(&format!(
            "CREATE TABLE id_changes ({});
             INSERT INTO id_changes VALUES ('new', 'P000009', NULL, 2);
             INSERT INTO id_changes VALUES ('merged', 'P000004', 'P000007', 6);",
            columns.join(", ")
        ))
        .unwrap();
        assert_eq!(
            merged_into(&conn, "P000007").unwrap().as_deref(),
            Some("P000004")
        );
        assert_eq!(merged_into(&conn, "P000009").unwrap(), None);
        assert_eq!(merged_into(&conn, "P000004").unwrap(), None);
    }
}
