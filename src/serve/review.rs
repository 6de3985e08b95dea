//! The doubtful pairs the desk asks about: the rows of the run's `review.csv`, already ordered
//! with what a judgement changes most first, less those the links file has judged.

use super::links::pair_key;
use std::collections::HashSet;
use std::path::Path;

/// The review list's file name in the output folder.
pub const FILE: &str = "review.csv";

/// One pair to judge.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The first mention's `source:record_id`.
    pub a: String,
    /// The second mention's `source:record_id`.
    pub b: String,
    /// The pair's score, log2 odds, as the run wrote it.
    pub score: String,
    /// Why the run listed it (`merged`, `apart`, `ambiguous: ...`).
    pub note: String,
}

/// Why the review list could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ReviewError {
    file: String,
    message: String,
}

/// The pairs of an output folder's `review.csv`, in its order; none when the run wrote none.
pub fn load(output: &Path) -> Result<Vec<Pair>, ReviewError> {
    let path = output.join(FILE);
    let fail = |message: String| ReviewError {
        file: path.display().to_string(),
        message,
    };
    if !path.exists() {
        return Ok(Vec::new());
    }
    let mut reader = csv::Reader::from_path(&path).map_err(|e| fail(e.to_string()))?;
    let header = reader.headers().map_err(|e| fail(e.to_string()))?.clone();
    let at = |name: &str| header.iter().position(|h| h == name);
    let (Some(ia), Some(ib)) = (at("a"), at("b")) else {
        return Err(fail("no columns a and b".into()));
    };
    let (is, inote) = (at("score"), at("note"));
    let mut pairs = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| fail(e.to_string()))?;
        let cell = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").to_string();
        pairs.push(Pair {
            a: cell(Some(ia)),
            b: cell(Some(ib)),
            score: cell(is),
            note: cell(inote),
        });
    }
    Ok(pairs)
}

/// Progress through the list: how many pairs are judged and which are left, in order.
pub struct Progress<'a> {
    /// Pairs the links file holds a judgement on.
    pub judged: usize,
    /// Pairs without one, most consequential first.
    pub left: Vec<&'a Pair>,
}

/// Splits the list into judged pairs and pairs left.
pub fn progress<'a>(pairs: &'a [Pair], judged: &HashSet<(String, String)>) -> Progress<'a> {
    let (done, left): (Vec<&Pair>, Vec<&Pair>) = pairs
        .iter()
        .partition(|p| judged.contains(&pair_key(&p.a, &p.b)));
    Progress {
        judged: done.len(),
        left,
    }
}
