//! Sources that shrank since the last run: a run that would retire the persons of a source lost
//! for one night is stopped before it writes anything.
//!
//! The registry knows how many accepted rows each source gave last time. A source shrank when it
//! is now missing, unreadable, or gives fewer than half of those rows accepted.

use super::Registry;
use std::collections::BTreeMap;

/// What one source gave in this run, as the shrink check needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount<'a> {
    /// The source's file name.
    pub name: &'a str,
    /// Rows accepted, or `None` when the file could not be read.
    pub accepted: Option<u64>,
}

/// A source that gives much less than in the last run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shrink {
    /// The source's file name.
    pub source: String,
    /// Accepted rows in the last run.
    pub before: u64,
    /// Accepted rows now: `None` when missing or unreadable.
    pub now: Option<u64>,
    /// `missing`, `unreadable` or `shrank`.
    pub what: &'static str,
}

impl std::fmt::Display for Shrink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let now = self.now.map_or("none".to_string(), |n| n.to_string());
        write!(
            f,
            "{}: {} (accepted rows: {} in the last run, {now} now)",
            self.source, self.what, self.before
        )
    }
}

/// The sources of the last run that are now missing, unreadable or below half their accepted
/// rows, in name order.
pub fn shrunk_sources(previous: &Registry, now: &[SourceCount<'_>]) -> Vec<Shrink> {
    let now: BTreeMap<&str, Option<u64>> = now.iter().map(|s| (s.name, s.accepted)).collect();
    let mut shrunk = Vec::new();
    for (source, records) in &previous.entries {
        let before = records.len() as u64;
        let (what, count) = match now.get(source.as_str()) {
            None => ("missing", None),
            Some(None) => ("unreadable", None),
            Some(Some(n)) if n.saturating_mul(2) < before => ("shrank", Some(*n)),
            Some(Some(_)) => continue,
        };
        shrunk.push(Shrink {
            source: source.clone(),
            before,
            now: count,
            what,
        });
    }
    shrunk
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Entry;

    fn registry(counts: &[(&str, u64)]) -> Registry {
        let mut reg = Registry::default();
        for &(source, n) in counts {
            for i in 0..n {
                let entry = Entry {
                    content_hash: i,
                    person_id: "P000001".into(),
                };
                reg.insert(source, &i.to_string(), entry);
            }
        }
        reg
    }

    #[test]
    fn missing_unreadable_and_halved_sources_shrank() {
        let reg = registry(&[("a.csv", 10), ("b.csv", 10), ("c.csv", 10), ("d.csv", 10)]);
        let now = [
            SourceCount {
                name: "b.csv",
                accepted: None,
            },
            SourceCount {
                name: "c.csv",
                accepted: Some(4),
            },
            SourceCount {
                name: "d.csv",
                accepted: Some(5),
            },
            SourceCount {
                name: "e.csv",
                accepted: Some(0),
            },
        ];
        let shrunk = shrunk_sources(&reg, &now);
        let what: Vec<(&str, &str)> = shrunk.iter().map(|s| (s.source.as_str(), s.what)).collect();
        assert_eq!(
            what,
            [
                ("a.csv", "missing"),
                ("b.csv", "unreadable"),
                ("c.csv", "shrank")
            ]
        );
        assert_eq!(
            shrunk[2].to_string(),
            "c.csv: shrank (accepted rows: 10 in the last run, 4 now)"
        );
    }
}
