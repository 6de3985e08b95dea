//! The ranking behind the desk's search: the SQL that lists the persons matching a query as
//! narrow rows (the words matched in full, the mentions, the place in the output), read off the
//! key indexes of the mentions, and the page cut from them in the search's order.

use rusqlite::types::Value;
use std::cmp::Reverse;

/// Shortest key a word may begin to match (shorter beginnings match too much).
const MIN_PREFIX: usize = 3;

/// A person found, with what places them among the others: the words matched in full, the
/// number of mentions, the place in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Ranked {
    /// Words of the name matched in full.
    pub(super) exact: usize,
    /// Number of mentions.
    pub(super) mentions: i64,
    /// Place in the output (the persons' rowid).
    pub(super) rowid: i64,
}

impl Ranked {
    /// More words in full first, then more mentions, then output order.
    fn order(&self) -> (Reverse<usize>, Reverse<i64>, i64) {
        (Reverse(self.exact), Reverse(self.mentions), self.rowid)
    }
}

/// The persons from `start` on, `len` of them, in order; only the first `start + len` are
/// sorted.
pub(super) fn page_of(mut found: Vec<Ranked>, start: usize, len: usize) -> Vec<Ranked> {
    let end = start.saturating_add(len).min(found.len());
    if start >= end {
        return Vec::new();
    }
    if end < found.len() {
        found.select_nth_unstable_by_key(end - 1, Ranked::order);
        found.truncate(end);
    }
    found.sort_unstable_by_key(Ranked::order);
    found.drain(start..).collect()
}

/// A query's SQL as it is built: the sets of persons joined, the conditions, their parameters,
/// and at the end the statement.
#[derive(Debug, Default)]
pub(super) struct Sql {
    tables: Vec<String>,
    joins: Vec<String>,
    conditions: Vec<String>,
    /// The parameters, `?1` first.
    pub(super) params: Vec<Value>,
    /// The statement, once finished.
    pub(super) text: String,
}

impl Sql {
    /// The placeholder of a new parameter.
    pub(super) fn bind(&mut self, value: impl Into<Value>) -> String {
        self.params.push(value.into());
        format!("?{}", self.params.len())
    }

    /// Placeholders of new parameters, comma-separated (`NULL` for none: matches nothing).
    pub(super) fn bind_list(&mut self, values: Vec<String>) -> String {
        if values.is_empty() {
            return "NULL".into();
        }
        let marks: Vec<String> = values.into_iter().map(|v| self.bind(v)).collect();
        marks.join(", ")
    }

    pub(super) fn filter(&mut self, condition: String) {
        self.conditions.push(condition);
    }

    /// Only the persons a named set of persons (`SELECT person_id ...`, one row a person) holds.
    pub(super) fn join(&mut self, name: &str, columns: &str, select: &str) {
        self.tables.push(format!("{name}({columns}) AS ({select})"));
        self.joins
            .push(format!(" JOIN {name} ON {name}.person_id = p.person_id"));
    }

    /// The statement: `rowid, mentions, exact` of every person the sets and conditions hold.
    pub(super) fn finish(&mut self, exact: &str) {
        let with = match self.tables.is_empty() {
            true => String::new(),
            false => format!("WITH {} ", self.tables.join(", ")),
        };
        let filter = match self.conditions.is_empty() {
            true => String::new(),
            false => format!(" WHERE {}", self.conditions.join(" AND ")),
        };
        // Persons joined to sets are sought by id in the index that holds their mentions too
        // (the primary key's index would read each one's row for them).
        let persons = match self.joins.is_empty() {
            true => "persons p",
            false => "persons p INDEXED BY persons_person_id_mentions",
        };
        self.text = format!(
            "{with}SELECT p.rowid, p.mentions, {exact} FROM {persons}{}{filter}",
            self.joins.concat()
        );
    }

    /// The persons with a mention carrying one of a word's keys as its surname or given-name
    /// key, or a key one of them begins, as `person_id, exact` (1 when one carries it in full):
    /// a scan of each key and each range of keys along the mentions' key indexes.
    pub(super) fn word_persons(&mut self, keys: &[String]) -> String {
        let list = self.bind_list(keys.to_vec());
        let mut scans = Vec::new();
        for column in ["surname_key", "given_key"] {
            scans.push(format!(
                "SELECT person_id, 1 AS exact FROM mentions WHERE {column} IN ({list})"
            ));
        }
        for key in keys.iter().filter(|k| k.chars().count() >= MIN_PREFIX) {
            let low = self.bind(key.clone());
            let high = self.bind(format!("{key}\u{10FFFF}"));
            for column in ["surname_key", "given_key"] {
                scans.push(format!(
                    "SELECT person_id, 0 AS exact FROM mentions \
                     WHERE {column} > {low} AND {column} < {high}"
                ));
            }
        }
        format!(
            "SELECT person_id, max(exact) FROM ({}) GROUP BY person_id",
            scans.join(" UNION ALL ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(exact: usize, mentions: i64, rowid: i64) -> Ranked {
        Ranked {
            exact,
            mentions,
            rowid,
        }
    }

    #[test]
    fn more_words_in_full_then_more_mentions_then_output_order() {
        let found = vec![
            at(0, 9, 1),
            at(1, 2, 5),
            at(1, 3, 9),
            at(2, 1, 8),
            at(1, 3, 4),
        ];
        let rowids: Vec<i64> = page_of(found, 0, 10).iter().map(|r| r.rowid).collect();
        assert_eq!(rowids, [8, 4, 9, 5, 1]);
    }

    #[test]
    fn a_page_is_cut_from_the_whole_order() {
        let mut x: u64 = 7;
        let found: Vec<Ranked> = (1..=200)
            .rev()
            .map(|rowid| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                at((x >> 62) as usize, ((x >> 40) % 5) as i64, rowid)
            })
            .collect();
        let mut sorted = found.clone();
        sorted.sort_by_key(Ranked::order);
        for (start, len) in [(0, 20), (20, 20), (7, 1), (180, 20), (190, 20), (0, 500)] {
            let want: Vec<Ranked> = sorted.iter().skip(start).take(len).copied().collect();
            assert_eq!(page_of(found.clone(), start, len), want, "{start}+{len}");
        }
        assert!(page_of(found.clone(), 200, 20).is_empty());
        assert!(page_of(found, usize::MAX, 20).is_empty());
    }

    #[test]
    fn a_word_is_scans_of_its_keys_and_of_the_keys_they_begin() {
        let mut sql = Sql::default();
        let select = sql.word_persons(&["xa".to_string(), "xak".to_string()]);
        assert!(!select.contains("LIKE"), "{select}");
        assert_eq!(select.matches("SELECT person_id, 1 AS exact").count(), 2);
        assert_eq!(select.matches("SELECT person_id, 0 AS exact").count(), 2);
        assert!(
            select.contains("surname_key > ?3 AND surname_key < ?4"),
            "{select}"
        );
        let texts: Vec<Value> = ["xa", "xak", "xak", "xak\u{10FFFF}"]
            .into_iter()
            .map(|t| Value::Text(t.to_string()))
            .collect();
        assert_eq!(sql.params, texts);
        sql.join("w0", "person_id, exact", &select);
        sql.filter("p.mentions > 1".into());
        sql.finish("w0.exact");
        assert!(sql.text.starts_with("WITH w0(person_id, exact) AS (SELECT"));
        assert!(sql.text.ends_with(
            "SELECT p.rowid, p.mentions, w0.exact FROM persons p \
             INDEXED BY persons_person_id_mentions JOIN w0 ON w0.person_id = p.person_id WHERE p.mentions > 1"
        ));
    }
}
