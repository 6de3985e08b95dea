//! Search over all persons by the pipeline's own name keys: each word of the query is a surname
//! in any script or romanisation (`Шокай`, `Shokay`, `Tchokay` and `Чокаев` have one root key),
//! and a year or a range of years (`1890`, `1885-1890`) narrows to births that may fall in it.

use super::store::{PERSON_COLUMNS, Record, records, select};
use crate::normalize::names;
use rusqlite::Connection;
use rusqlite::types::Value;

/// Persons shown per page.
pub const PAGE_SIZE: usize = 25;

/// One page of results.
#[derive(Debug, Default)]
pub struct Results {
    /// How many persons match in all.
    pub total: usize,
    /// The persons of this page.
    pub persons: Vec<Record>,
}

/// What a query asks for: surname root keys and a range of birth years.
#[derive(Debug, Default, PartialEq, Eq)]
struct Query {
    keys: Vec<String>,
    years: Option<(i32, i32)>,
}

fn parse(text: &str) -> Query {
    let mut query = Query::default();
    for word in text.split(|c: char| c.is_whitespace() || c == ',') {
        if let Some(years) = years_of(word) {
            query.years = Some(years);
            continue;
        }
        let key = names::surname_root_key(word);
        if !key.is_empty() && !query.keys.contains(&key) {
            query.keys.push(key);
        }
    }
    query
}

/// `1890` → (1890, 1890); `1885-1890` or `1885–1890` → (1885, 1890).
fn years_of(word: &str) -> Option<(i32, i32)> {
    let year = |s: &str| {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match word.split_once(['-', '–']) {
        Some((from, to)) => Some((year(from)?, year(to)?)),
        None => year(word).map(|y| (y, y)),
    }
}

/// The persons matching a query, one page of them (pages count from 0), in person-id order.
pub fn search(conn: &Connection, text: &str, page: usize) -> rusqlite::Result<Results> {
    let query = parse(text);
    if query.keys.is_empty() && query.years.is_none() {
        return Ok(Results::default());
    }
    let mut conditions = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if !query.keys.is_empty() {
        let marks = vec!["?"; query.keys.len()].join(", ");
        conditions.push(format!("surname_key IN ({marks})"));
        params.extend(query.keys.iter().cloned().map(Value::Text));
    }
    if let Some((from, to)) = query.years {
        conditions.push("birth_latest >= ? AND birth_earliest <= ?".to_string());
        params.push(Value::Text(format!("{from:04}-01-01")));
        params.push(Value::Text(format!("{to:04}-12-31")));
    }
    let condition = conditions.join(" AND ");
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM persons WHERE {condition}"),
        rusqlite::params_from_iter(&params),
        |row| row.get(0),
    )?;
    let sql = select(
        PERSON_COLUMNS,
        "persons",
        &format!(
            "{condition} ORDER BY person_id LIMIT {PAGE_SIZE} OFFSET {}",
            page * PAGE_SIZE
        ),
    );
    let persons = records(
        conn,
        &sql,
        rusqlite::params_from_iter(&params),
        PERSON_COLUMNS,
    )?;
    Ok(Results {
        total: total as usize,
        persons,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_spellings_give_one_key_and_years_a_range() {
        for spelling in ["Шокай", "Shokay", "Tchokay", "Чокаев"] {
            assert_eq!(parse(spelling).keys, ["xak"], "{spelling}");
        }
        let q = parse("Tchokay 1885-1890");
        assert_eq!(q.years, Some((1885, 1890)));
        assert_eq!(parse("1890").years, Some((1890, 1890)));
    }
}
