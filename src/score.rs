//! Scores a clustering of mentions against the truth: pairwise and B-cubed precision, recall, F1.
//!
//! Pairs are counted from cluster sizes (a contingency table of truth × predicted clusters), never
//! enumerated, so a million mentions score in a moment. Only keys present on both sides are scored;
//! keys present on one side only are counted and reported.

use std::collections::HashMap;

use serde::Serialize;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Precision.
    pub precision: f64,
    /// Recall.
    pub recall: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    fn new(precision: f64, recall: f64) -> Prf {
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// The result of scoring.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    /// Pairwise scores.
    pub pairwise: Prf,
    /// B-cubed scores.
    pub bcubed: Prf,
    /// Mentions scored (keys on both sides).
    pub scored: u64,
    /// Pairs of mentions of one person in the truth.
    pub true_pairs: u64,
    /// Pairs of mentions put together by the prediction.
    pub predicted_pairs: u64,
    /// Predicted pairs that are true pairs.
    pub correct_pairs: u64,
    /// Truth keys the prediction lacks.
    pub missing_from_predicted: u64,
    /// Predicted keys the truth lacks.
    pub missing_from_truth: u64,
    /// Keys listed more than once on either side (the first label is kept).
    pub duplicate_keys: u64,
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// Dense ids for labels, in order of first appearance.
fn intern<'a>(ids: &mut HashMap<&'a str, u32>, label: &'a str) -> u32 {
    let next = ids.len() as u32;
    *ids.entry(label).or_insert(next)
}

/// Scores `predicted` against `truth`; each is a list of (mention key, cluster label).
pub fn score<K: AsRef<str>, P: AsRef<str>>(truth: &[(K, P)], predicted: &[(K, P)]) -> Scores {
    let mut duplicate_keys = 0;
    let mut truth_labels: HashMap<&str, u32> = HashMap::new();
    let mut truth_of: HashMap<&str, u32> = HashMap::with_capacity(truth.len());
    for (key, person) in truth {
        let id = intern(&mut truth_labels, person.as_ref());
        if truth_of.insert(key.as_ref(), id).is_some() {
            duplicate_keys += 1;
        }
    }
    let mut predicted_labels: HashMap<&str, u32> = HashMap::new();
    let mut seen: HashMap<&str, ()> = HashMap::with_capacity(predicted.len());
    let mut cells: Vec<(u32, u32)> = Vec::with_capacity(predicted.len());
    let mut missing_from_truth = 0;
    for (key, cluster) in predicted {
        if seen.insert(key.as_ref(), ()).is_some() {
            duplicate_keys += 1;
            continue;
        }
        match truth_of.get(key.as_ref()) {
            Some(&t) => cells.push((t, intern(&mut predicted_labels, cluster.as_ref()))),
            None => missing_from_truth += 1,
        }
    }
    let missing_from_predicted = truth_of.keys().filter(|k| !seen.contains_key(*k)).count() as u64;
    let mut scores = from_cells(cells, truth_labels.len(), predicted_labels.len());
    scores.missing_from_predicted = missing_from_predicted;
    scores.missing_from_truth = missing_from_truth;
    scores.duplicate_keys = duplicate_keys;
    scores
}

/// Scores from the (truth id, predicted id) pair of every scored mention.
fn from_cells(mut cells: Vec<(u32, u32)>, truth_count: usize, predicted_count: usize) -> Scores {
    cells.sort_unstable();
    let mut truth_sizes = vec![0u64; truth_count];
    let mut predicted_sizes = vec![0u64; predicted_count];
    for &(t, p) in &cells {
        truth_sizes[t as usize] += 1;
        predicted_sizes[p as usize] += 1;
    }
    let (mut correct_pairs, mut bcubed_p, mut bcubed_r) = (0u64, 0f64, 0f64);
    for run in cells.chunk_by(|a, b| a == b) {
        let (t, p) = run[0];
        let n = run.len() as u64;
        correct_pairs += pairs(n);
        let weight = (n * n) as f64;
        bcubed_p += weight / predicted_sizes[p as usize] as f64;
        bcubed_r += weight / truth_sizes[t as usize] as f64;
    }
    let true_pairs: u64 = truth_sizes.iter().map(|&n| pairs(n)).sum();
    let predicted_pairs: u64 = predicted_sizes.iter().map(|&n| pairs(n)).sum();
    let ratio = |num: u64, den: u64| {
        if den == 0 {
            1.0
        } else {
            num as f64 / den as f64
        }
    };
    let scored = cells.len() as u64;
    let per_mention = |sum: f64| {
        if scored == 0 {
            1.0
        } else {
            sum / scored as f64
        }
    };
    Scores {
        pairwise: Prf::new(
            ratio(correct_pairs, predicted_pairs),
            ratio(correct_pairs, true_pairs),
        ),
        bcubed: Prf::new(per_mention(bcubed_p), per_mention(bcubed_r)),
        scored,
        true_pairs,
        predicted_pairs,
        correct_pairs,
        missing_from_predicted: 0,
        missing_from_truth: 0,
        duplicate_keys: 0,
    }
}

/// A record id as written by different readers: `12.0` from a number cell is `12`.
pub fn canonical_record_id(id: &str) -> &str {
    let id = id.trim();
    match id.strip_suffix(".0") {
        Some(whole) if !whole.is_empty() && whole.bytes().all(|b| b.is_ascii_digit()) => whole,
        _ => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(items: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
        items.to_vec()
    }

    const CLOSE: f64 = 1e-12;

    #[test]
    fn perfect_prediction_scores_one() {
        let truth = rows(&[("a", "1"), ("b", "1"), ("c", "2")]);
        let predicted = rows(&[("a", "x"), ("b", "x"), ("c", "y")]);
        let s = score(&truth, &predicted);
        assert_eq!(
            s.pairwise,
            Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0
            }
        );
        assert_eq!(
            s.bcubed,
            Prf {
                precision: 1.0,
                recall: 1.0,
                f1: 1.0
            }
        );
        assert_eq!(
            (s.true_pairs, s.predicted_pairs, s.correct_pairs),
            (1, 1, 1)
        );
    }

    #[test]
    fn hand_computed_example() {
        // truth: {a,b,c} {d,e}; predicted: {a,b} {c,d,e}.
        let truth = rows(&[("a", "1"), ("b", "1"), ("c", "1"), ("d", "2"), ("e", "2")]);
        let predicted = rows(&[("a", "x"), ("b", "x"), ("c", "y"), ("d", "y"), ("e", "y")]);
        let s = score(&truth, &predicted);
        // true pairs 3 + 1 = 4; predicted pairs 1 + 3 = 4; correct: ab, de = 2.
        assert_eq!(
            (s.true_pairs, s.predicted_pairs, s.correct_pairs),
            (4, 4, 2)
        );
        assert!((s.pairwise.precision - 0.5).abs() < CLOSE);
        assert!((s.pairwise.recall - 0.5).abs() < CLOSE);
        // B-cubed precision: a,b 1; c 1/3; d,e 2/3 → (2 + 1/3 + 4/3) / 5 = 11/15.
        assert!((s.bcubed.precision - 11.0 / 15.0).abs() < CLOSE);
        // B-cubed recall: a,b 2/3; c 1/3; d,e 1 → (4/3 + 1/3 + 2) / 5 = 11/15.
        assert!((s.bcubed.recall - 11.0 / 15.0).abs() < CLOSE);
        assert!((s.bcubed.f1 - 11.0 / 15.0).abs() < CLOSE);
    }

    #[test]
    fn all_singletons_have_full_precision_and_no_pair_recall() {
        let truth = rows(&[("a", "1"), ("b", "1"), ("c", "1")]);
        let predicted = rows(&[("a", "x"), ("b", "y"), ("c", "z")]);
        let s = score(&truth, &predicted);
        assert_eq!(s.pairwise.precision, 1.0);
        assert_eq!(s.pairwise.recall, 0.0);
        assert_eq!(s.pairwise.f1, 0.0);
        assert!((s.bcubed.recall - 1.0 / 3.0).abs() < CLOSE);
        assert_eq!(s.bcubed.precision, 1.0);
    }

    #[test]
    fn one_big_cluster_has_full_recall() {
        let truth = rows(&[("a", "1"), ("b", "1"), ("c", "2"), ("d", "3")]);
        let predicted = rows(&[("a", "x"), ("b", "x"), ("c", "x"), ("d", "x")]);
        let s = score(&truth, &predicted);
        assert_eq!(s.predicted_pairs, 6);
        assert!((s.pairwise.precision - 1.0 / 6.0).abs() < CLOSE);
        assert_eq!(s.pairwise.recall, 1.0);
        // B-cubed precision: a,b 2/4; c,d 1/4 → (1 + 0.5) / 4.
        assert!((s.bcubed.precision - 0.375).abs() < CLOSE);
    }

    #[test]
    fn missing_keys_are_counted_not_scored() {
        let truth = rows(&[("a", "1"), ("b", "1"), ("c", "2")]);
        let predicted = rows(&[("a", "x"), ("b", "x"), ("z", "x"), ("a", "y")]);
        let s = score(&truth, &predicted);
        assert_eq!(s.scored, 2);
        assert_eq!(s.missing_from_predicted, 1);
        assert_eq!(s.missing_from_truth, 1);
        assert_eq!(s.duplicate_keys, 1);
        assert_eq!(s.pairwise.precision, 1.0);
    }

    #[test]
    fn record_ids_from_number_cells() {
        assert_eq!(canonical_record_id("12.0"), "12");
        assert_eq!(canonical_record_id(" 12 "), "12");
        assert_eq!(canonical_record_id("A.0"), "A.0");
    }
}
