//! Search over every person of a run, as the pipeline reads names and places: each word of a
//! name goes through the same keys as the mentions' (`Шокай`, `Shokay`, `Tchokay`, `Чокаев`,
//! `Шоқай` are all the surname key `xak`), a birth place through the gazetteer (`Перовск`,
//! `Ак-Мечеть` and `Kyzylorda` are all `kz-kyzylorda`), a deciding body through the catalogue
//! of bodies. Persons whose mentions carry every word's key come first, those where a word
//! only begins a key after them; then the persons with the most mentions.

use super::DeskError;
use super::ranking::{Ranked, Sql, page_of};
use crate::normalize::bodies;
use crate::normalize::names;
use crate::normalize::places::Gazetteer;
use rusqlite::Connection;
use std::collections::BTreeSet;
use std::str::FromStr;

/// Persons on one page of results.
pub const PER_PAGE: usize = 20;

/// What to look for; every criterion given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Words of a name in any script, order and romanisation (`Мустафа Шокай`, `Tchokay`).
    pub name: String,
    /// Birth years the person's birth may fall in.
    pub birth: Option<Years>,
    /// A birth place, historical or modern (`Перовск`, `Kyzylorda`).
    pub place: Option<String>,
    /// A source (file name or part of it, any case).
    pub source: Option<String>,
    /// A deciding body: a key (`kz_state_commission`) or a name in any wording.
    pub body: Option<String>,
}

impl Query {
    /// A query from one line as typed in a search box or after `rehab find`: the words that
    /// read as a year or a span of years (`1890`, `1885-1895`, `1885–1895`) give the birth
    /// years (two or more: the span holding them all), the other words the name.
    pub fn from_line(line: &str) -> Query {
        let mut name = Vec::new();
        let mut birth: Option<Years> = None;
        for word in line.split(|c: char| c.is_whitespace() || c == ',') {
            match word.parse::<Years>() {
                Ok(years) => {
                    birth = Some(match birth {
                        Some(seen) => Years {
                            from: seen.from.min(years.from),
                            to: seen.to.max(years.to),
                        },
                        None => years,
                    })
                }
                Err(_) if !word.is_empty() => name.push(word),
                Err(_) => {}
            }
        }
        Query {
            name: name.join(" "),
            birth,
            ..Query::default()
        }
    }

    /// Whether the query asks for nothing (every person would match).
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.birth.is_none()
            && nonempty(&self.place).is_none()
            && nonempty(&self.source).is_none()
            && nonempty(&self.body).is_none()
    }
}

/// A search criterion that names nothing the run knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unknown {
    /// Text that is no year or span of years.
    #[error("{0:?} is no year (1890) or span of years (1885-1895)")]
    Years(String),
    /// A place the gazetteer does not know.
    #[error("no place {0:?} in the gazetteer")]
    Place(String),
    /// A source the run did not read.
    #[error("no source of this run is named {0:?}")]
    Source(String),
    /// A deciding body no decision of the run names.
    #[error("no deciding body of this run's decisions is named {0:?}")]
    Body(String),
}

/// A span of years, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    /// First year.
    pub from: i32,
    /// Last year.
    pub to: i32,
}

impl FromStr for Years {
    type Err = DeskError;

    /// `1890`, `1885-1895`, `1885–1895` or `1885..1895`.
    fn from_str(text: &str) -> Result<Years, DeskError> {
        let year = |t: &str| {
            t.trim()
                .parse::<i32>()
                .ok()
                .filter(|y| (1..=9999).contains(y))
        };
        let bad = || DeskError::Criterion(Unknown::Years(text.to_string()));
        let (from, to) = match text
            .split_once("..")
            .or_else(|| text.split_once(['-', '–']))
        {
            Some((a, b)) => (year(a).ok_or_else(bad)?, year(b).ok_or_else(bad)?),
            None => {
                let y = year(text).ok_or_else(bad)?;
                (y, y)
            }
        };
        Ok(Years {
            from: from.min(to),
            to: from.max(to),
        })
    }
}

/// One page of results.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The results on this page.
    pub items: Vec<T>,
    /// The page's number, from 1.
    pub number: usize,
    /// Results per page.
    pub per_page: usize,
    /// Results on all pages.
    pub total: usize,
}

impl<T> Page<T> {
    /// The number of pages (at least 1).
    pub fn pages(&self) -> usize {
        self.total.div_ceil(self.per_page.max(1)).max(1)
    }
}

/// A person found.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonHit {
    /// The person's id.
    pub person_id: String,
    /// The preferred name.
    pub name: String,
    /// The preferred name in Latin letters.
    pub name_latin: String,
    /// Earliest birth day (`YYYY-MM-DD`), empty when unknown.
    pub birth_earliest: String,
    /// Latest birth day, empty when unknown.
    pub birth_latest: String,
    /// Today's name of the birth place, empty when unknown.
    pub birth_place: String,
    /// Number of mentions.
    pub mentions: i64,
    /// The sources, `;` between them.
    pub sources: String,
    /// Number of decisions.
    pub decisions: i64,
    /// How many words of the name matched a key in full (the rest only began one).
    pub exact: usize,
    /// The names as the mentions write them, each once, in the order of the mentions.
    pub names: Vec<String>,
}

impl PersonHit {
    /// The names the mentions write other than the preferred one, in the order of the mentions.
    pub fn other_names(&self) -> impl Iterator<Item = &str> {
        self.names
            .iter()
            .map(String::as_str)
            .filter(|n| *n != self.name)
    }
}

/// The first page of persons matching a query ([`PER_PAGE`] a page; `page` counts from 1).
pub fn search(conn: &Connection, query: &Query, page: usize) -> Result<Page<PersonHit>, DeskError> {
    search_page(conn, query, page, PER_PAGE)
}

/// One page of persons matching a query, `per_page` a page (`page` counts from 1; 0 is 1).
pub fn search_page(
    conn: &Connection,
    query: &Query,
    page: usize,
    per_page: usize,
) -> Result<Page<PersonHit>, DeskError> {
    let per_page = per_page.max(1);
    let number = page.max(1);
    let sql = ranking(conn, query)?;
    let mut stmt = conn.prepare(&sql.text)?;
    let ranked = stmt
        .query_map(rusqlite::params_from_iter(&sql.params), |r| {
            Ok(Ranked {
                exact: usize::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                mentions: r.get(1)?,
                rowid: r.get(0)?,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let total = ranked.len();
    let items = page_of(ranked, (number - 1).saturating_mul(per_page), per_page)
        .into_iter()
        .map(|found| read_hit(conn, found))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        number,
        per_page,
        total,
    })
}

/// The SQL that lists every person matching the query as `rowid, mentions, exact`: each word
/// of the name and the birth place are persons read off the key indexes of the mentions (a
/// scan of each key and of each key range a word begins), joined to the persons; the other
/// criteria filter the persons.
fn ranking(conn: &Connection, query: &Query) -> Result<Sql, DeskError> {
    let mut sql = Sql::default();
    let mut exact = Vec::new();
    for (i, keys) in name_words(&query.name).iter().enumerate() {
        let persons = sql.word_persons(keys);
        sql.join(&format!("w{i}"), "person_id, exact", &persons);
        exact.push(format!("w{i}.exact"));
    }
    if let Some(place) = nonempty(&query.place) {
        let key = sql.bind(place_key(place)?);
        sql.join(
            "pl",
            "person_id",
            &format!("SELECT DISTINCT person_id FROM mentions WHERE birth_place_key = {key}"),
        );
    }
    if let Some(years) = query.birth {
        let from = sql.bind(format!("{:04}-01-01", years.from));
        let to = sql.bind(format!("{:04}-12-31", years.to));
        sql.filter(format!(
            "p.birth_latest >= {from} AND p.birth_earliest <= {to}"
        ));
    }
    if let Some(source) = nonempty(&query.source) {
        let list = sql.bind_list(matching_sources(conn, source)?);
        sql.filter(format!(
            "p.person_id IN (SELECT m.person_id FROM mentions m WHERE m.source IN ({list}))"
        ));
    }
    if let Some(body) = nonempty(&query.body) {
        let list = sql.bind_list(matching_bodies(conn, body)?);
        sql.filter(format!(
            "p.person_id IN (SELECT d.person_id FROM decisions d WHERE d.body_key IN ({list}))"
        ));
    }
    let exact = match exact.is_empty() {
        true => "0".to_string(),
        false => exact.join(" + "),
    };
    sql.finish(&exact);
    Ok(sql)
}

/// A criterion given with some text in it.
fn nonempty(text: &Option<String>) -> Option<&str> {
    text.as_deref().map(str::trim).filter(|t| !t.is_empty())
}

/// The keys of each word of a name: as a surname (its root without `-ов`, `-ев`, `-ұлы` ...)
/// and as a given name (its class key), each once; words without letters are dropped.
fn name_words(name: &str) -> Vec<Vec<String>> {
    name.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '(' | ')'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(|word| {
            let keys: BTreeSet<String> =
                [names::surname_root_key(word), names::given_name_key(word)]
                    .into_iter()
                    .filter(|k| !k.is_empty())
                    .collect();
            keys.into_iter().collect()
        })
        .filter(|keys: &Vec<String>| !keys.is_empty())
        .collect()
}

/// The gazetteer key of a place name, historical or modern.
fn place_key(place: &str) -> Result<String, DeskError> {
    let unknown = || DeskError::Criterion(Unknown::Place(place.to_string()));
    match Gazetteer::builtin().resolve(place) {
        Ok(Some(found)) if !found.key.is_empty() => Ok(found.key),
        _ => Err(unknown()),
    }
}

/// Text folded for comparing names of sources and bodies: lower case, `ё` as `е`.
fn fold(text: &str) -> String {
    text.trim().to_lowercase().replace('ё', "е")
}

/// The sources of the run a text names: the one it names in full (any case), else every source
/// whose name holds it.
fn matching_sources(conn: &Connection, text: &str) -> Result<Vec<String>, DeskError> {
    // Each distinct source by a walk along the primary key's index, not a scan of the mentions.
    let mut stmt = conn.prepare(
        "WITH RECURSIVE s(source) AS (
           SELECT min(source) FROM mentions
           UNION ALL
           SELECT (SELECT min(m.source) FROM mentions m WHERE m.source > s.source) FROM s
           WHERE s.source IS NOT NULL)
         SELECT source FROM s WHERE source IS NOT NULL",
    )?;
    let sources = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    let wanted = fold(text);
    let exact: Vec<String> = sources
        .iter()
        .filter(|s| fold(s) == wanted)
        .cloned()
        .collect();
    let found = match exact.is_empty() {
        true => sources
            .into_iter()
            .filter(|s| fold(s).contains(&wanted))
            .collect(),
        false => exact,
    };
    match found.is_empty() {
        true => Err(DeskError::Criterion(Unknown::Source(text.to_string()))),
        false => Ok(found),
    }
}

/// The keys of the deciding bodies a text names: the body the catalogue reads in it, else every
/// body of the run's decisions whose key or name holds it.
fn matching_bodies(conn: &Connection, text: &str) -> Result<Vec<String>, DeskError> {
    if let Some(key) = bodies::body_key(text) {
        return Ok(vec![key.to_string()]);
    }
    let mut stmt = conn
        .prepare("SELECT DISTINCT body_key, body_name FROM decisions WHERE body_key IS NOT NULL")?;
    let known = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let wanted = fold(text);
    let found: BTreeSet<String> = known
        .into_iter()
        .filter(|(key, name)| {
            fold(key).contains(&wanted)
                || name.as_deref().is_some_and(|n| fold(n).contains(&wanted))
        })
        .map(|(key, _)| key)
        .collect();
    match found.is_empty() {
        true => Err(DeskError::Criterion(Unknown::Body(text.to_string()))),
        false => Ok(found.into_iter().collect()),
    }
}

/// The person at a place in the results, with the names of their mentions.
fn read_hit(conn: &Connection, found: Ranked) -> Result<PersonHit, DeskError> {
    let mut stmt = conn.prepare_cached(
        "SELECT person_id, name, name_latin, birth_earliest, birth_latest, birth_place, \
         mentions, sources, decisions FROM persons WHERE rowid = ?1",
    )?;
    let mut hit = stmt.query_row([found.rowid], |r| {
        let text = |i: usize| -> rusqlite::Result<String> {
            Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
        };
        Ok(PersonHit {
            person_id: text(0)?,
            name: text(1)?,
            name_latin: text(2)?,
            birth_earliest: text(3)?,
            birth_latest: text(4)?,
            birth_place: text(5)?,
            mentions: r.get(6)?,
            sources: text(7)?,
            decisions: r.get(8)?,
            exact: found.exact,
            names: Vec::new(),
        })
    })?;
    hit.names = names_of(conn, &hit.person_id)?;
    Ok(hit)
}

/// The distinct raw names of a person's mentions, in mention order.
fn names_of(conn: &Connection, person_id: &str) -> Result<Vec<String>, DeskError> {
    let mut stmt =
        conn.prepare_cached("SELECT name_raw FROM mentions WHERE person_id = ?1 ORDER BY rowid")?;
    let mut names: Vec<String> = Vec::new();
    for name in stmt.query_map([person_id], |r| r.get::<_, String>(0))? {
        let name = name?;
        if !names.contains(&name) {
            names.push(name);
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_read_as_one_year_or_a_span() {
        assert_eq!(
            "1890".parse::<Years>().unwrap(),
            Years {
                from: 1890,
                to: 1890
            }
        );
        assert_eq!(
            "1895-1885".parse::<Years>().unwrap(),
            Years {
                from: 1885,
                to: 1895
            }
        );
        assert_eq!(
            "1885..1895".parse::<Years>().unwrap(),
            Years {
                from: 1885,
                to: 1895
            }
        );
        assert!("189x".parse::<Years>().is_err());
        assert!("".parse::<Years>().is_err());
    }

    #[test]
    fn a_line_gives_the_name_and_the_birth_years() {
        let q = Query::from_line("Tchokay 1885–1890, Мустафа");
        assert_eq!(q.name, "Tchokay Мустафа");
        assert_eq!(
            q.birth,
            Some(Years {
                from: 1885,
                to: 1890
            })
        );
        let q = Query::from_line("1901  1895");
        assert_eq!(
            (q.name.as_str(), q.birth),
            (
                "",
                Some(Years {
                    from: 1895,
                    to: 1901
                })
            )
        );
        assert!(Query::from_line("  ").is_empty());
        assert!(!Query::from_line("1890").is_empty());
        let place = Query {
            place: Some(" Перовск ".into()),
            ..Query::default()
        };
        assert!(!place.is_empty());
    }

    #[test]
    fn every_spelling_of_one_surname_gives_its_key() {
        for spelling in ["Шокай", "Shokay", "Tchokay", "Чокаев", "Шоқай", "Chokayev"]
        {
            let words = name_words(spelling);
            assert_eq!(words.len(), 1, "{spelling}");
            assert!(
                words[0].contains(&"xak".to_string()),
                "{spelling}: {words:?}"
            );
        }
        assert_eq!(name_words("Мустафа, Шокай  1890").len(), 2);
    }

    #[test]
    fn historical_and_modern_place_names_give_one_key() {
        for place in ["Перовск", "Ак-Мечеть", "Kyzylorda", "Кзыл-Орда"] {
            assert_eq!(place_key(place).unwrap(), "kz-kyzylorda", "{place}");
        }
        assert!(place_key("Atlantis-on-Sea").is_err());
    }

    #[test]
    fn pages_count_up() {
        let page = Page::<()> {
            items: Vec::new(),
            number: 1,
            per_page: 20,
            total: 41,
        };
        assert_eq!(page.pages(), 3);
        let empty = Page::<()> { total: 0, ..page };
        assert_eq!(empty.pages(), 1);
    }

    #[test]
    fn the_ranking_reads_persons_off_the_key_indexes() {
        let conn = crate::emit::sqlite::empty_in_memory().unwrap();
        let query = Query {
            name: "Мустафа Шокаев".into(),
            birth: Some(Years {
                from: 1885,
                to: 1895,
            }),
            place: Some("Перовск".into()),
            ..Query::default()
        };
        let sql = ranking(&conn, &query).unwrap();
        let params = rusqlite::params_from_iter(&sql.params);
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {}", sql.text))
            .unwrap();
        let plan: Vec<String> = stmt
            .query_map(params.clone(), |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mentions: Vec<&String> = plan
            .iter()
            .filter(|d| d.split_whitespace().nth(1) == Some("mentions"))
            .collect();
        assert!(mentions.len() >= 9, "{plan:#?}");
        assert!(
            mentions
                .iter()
                .all(|d| d.starts_with("SEARCH mentions USING COVERING INDEX")),
            "{plan:#?}"
        );
        let whole_scan = |d: &&String| d.split_whitespace().take(2).eq(["SCAN", "p"]);
        assert!(!plan.iter().any(|d| whole_scan(&d)), "{plan:#?}");
        assert!(
            plan.iter()
                .any(|d| d.starts_with("SEARCH p USING INDEX persons_person_id_mentions")),
            "{plan:#?}"
        );
        let count = format!("SELECT count(*) FROM ({})", sql.text);
        let rows: i64 = conn.query_row(&count, params, |r| r.get(0)).unwrap();
        assert_eq!(rows, 0);
    }
}
