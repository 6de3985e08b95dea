//! Two mentions by their `source:record_id` keys, as `review.csv` and the links file name them:
//! each mention in full, and the stored edge between them with its reasons.

use super::DeskError;
use super::EdgeView;
use super::person::edge_view;
use super::rows::{EdgeRow, MentionRow};
use rusqlite::{Connection, OptionalExtension};

/// The mention of a `source:record_id` key; `None` when the run has none. A source or record
/// id may itself hold `:`, so every split is tried, the first that names a mention wins.
pub fn mention(conn: &Connection, key: &str) -> Result<Option<MentionRow>, DeskError> {
    let sql = format!(
        "{} WHERE t.source = ?1 AND t.record_id = ?2",
        MentionRow::select()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    for (at, _) in key.match_indices(':') {
        let (source, record) = (&key[..at], &key[at + 1..]);
        if let Some(found) = stmt
            .query_row([source, record], MentionRow::read)
            .optional()?
        {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The stored edge between the mentions of two keys, in either order, with both mentions and
/// the reasons; a pair left for review or ambiguous before any other kind. `None` when either
/// key names no mention or the run stored no edge between them.
pub fn edge(conn: &Connection, a_key: &str, b_key: &str) -> Result<Option<EdgeView>, DeskError> {
    let (Some(a), Some(b)) = (mention(conn, a_key)?, mention(conn, b_key)?) else {
        return Ok(None);
    };
    let sql = format!(
        "{} WHERE t.person_a = ?1 AND t.source_a = ?2 AND t.record_id_a = ?3 \
         AND t.source_b = ?4 AND t.record_id_b = ?5 \
         ORDER BY t.kind NOT IN ('review', 'ambiguous'), t.rowid LIMIT 1",
        EdgeRow::select()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    for (x, y) in [(&a, &b), (&b, &a)] {
        let params = [
            &x.person_id,
            &x.source,
            &x.record_id,
            &y.source,
            &y.record_id,
        ];
        if let Some(row) = stmt.query_row(params, EdgeRow::read).optional()? {
            let own = [a.clone(), b.clone()];
            return edge_view(conn, row, &own).map(Some);
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database of two mentions and the edge the run stored between them.
    fn database() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        let columns = |names: &[&str]| {
            let quoted: Vec<String> = names.iter().map(|c| format!("\"{c}\"")).collect();
            quoted.join(", ")
        };
        conn.execute_batch(&format!(
            "CREATE TABLE mentions ({}); CREATE TABLE edges ({});",
            columns(MentionRow::COLUMNS),
            columns(EdgeRow::COLUMNS)
        ))
        .unwrap();
        for (source, record, person, surname) in [
            ("a:list.csv", "7", "P1", "Шокаев"),
            ("fr.csv", "12", "P2", "Tchokaïeff"),
        ] {
            conn.execute(
                "INSERT INTO mentions (source, record_id, person_id, surname, script) \
                 VALUES (?1, ?2, ?3, ?4, '')",
                [source, record, person, surname],
            )
            .unwrap();
        }
        conn.execute(
            "INSERT INTO edges (kind, person_a, source_a, record_id_a, person_b, source_b, \
             record_id_b, score, probability, note, contributions) VALUES ('review', 'P1', \
             'a:list.csv', '7', 'P2', 'fr.csv', '12', '3.5', '0.92', \
             'kept apart: score below threshold', '[[\"surname\",\"close\",3.5]]')",
            [],
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_key_with_a_colon_in_its_source_names_its_mention() {
        let conn = database();
        let found = mention(&conn, "a:list.csv:7").unwrap().unwrap();
        assert_eq!(
            (found.source.as_str(), found.record_id.as_str()),
            ("a:list.csv", "7")
        );
        assert!(mention(&conn, "a:list.csv:8").unwrap().is_none());
        assert!(mention(&conn, "no colon").unwrap().is_none());
    }

    #[test]
    fn the_edge_of_a_pair_is_found_in_either_order_with_its_reasons() {
        let conn = database();
        for (x, y) in [("a:list.csv:7", "fr.csv:12"), ("fr.csv:12", "a:list.csv:7")] {
            let edge = edge(&conn, x, y).unwrap().expect("the stored edge");
            assert_eq!((edge.score, edge.a.surname.as_str()), (3.5, "Шокаев"));
            assert_eq!(
                edge.reasons[0].to_string(),
                "surnames spelt closely alike (Шокаев vs Tchokaïeff), +3.5"
            );
        }
        assert!(
            edge(&conn, "a:list.csv:7", "a:list.csv:7")
                .unwrap()
                .is_none()
        );
        assert!(edge(&conn, "a:list.csv:7", "nowhere:1").unwrap().is_none());
    }
}
