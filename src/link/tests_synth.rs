//! A synthetic population with known truth: persons with several noisy mentions each. Measures
//! pairwise precision and recall, EM convergence and determinism across thread counts.

use super::compare;
use super::features::Features;
use super::fields::{BirthLevel, LevelSet, LinkField};
use super::testkit::{Born, M};
use super::*;
use crate::model::Gender;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

const ROOTS: [&str; 30] = [
    "abdull",
    "karim",
    "usmon",
    "nazar",
    "sadyk",
    "tokt",
    "zhaksyb",
    "kurban",
    "rakhim",
    "yusup",
    "ism",
    "khodzh",
    "baim",
    "turs",
    "nurm",
    "ergash",
    "saidakhmed",
    "mirz",
    "kasym",
    "dzhumab",
    "ormonb",
    "shokai",
    "akhmed",
    "tashm",
    "berdib",
    "kenzh",
    "aliy",
    "ibraim",
    "samat",
    "zhunus",
];
const ENDS: [&str; 8] = [
    "ov", "aev", "bekov", "zoda", "ulin", "anov", "kulov", "baev",
];
const GIVENS: [&str; 40] = [
    "ali",
    "bolat",
    "daniyar",
    "erlan",
    "farid",
    "gani",
    "khasan",
    "murat",
    "nurlan",
    "rustam",
    "timur",
    "yusuf",
    "abdulla",
    "bakhtiyor",
    "dilshod",
    "ergash",
    "fayzulla",
    "gulom",
    "ibragim",
    "jorabek",
    "kamol",
    "latif",
    "mahmud",
    "nasriddin",
    "odil",
    "pulat",
    "qodir",
    "rashid",
    "saidakhmad",
    "tohir",
    "umar",
    "vali",
    "zakir",
    "akmal",
    "botir",
    "sherzod",
    "mustafa",
    "turar",
    "sakhib",
    "ilyas",
];
const PLACES: usize = 25;

/// A mention with its person.
pub(super) struct Synth {
    pub mentions: Vec<M>,
    pub person: Vec<usize>,
}

/// A value index skewed towards the start of a list, so that some values are common.
fn skewed(rng: &mut ChaCha8Rng, len: usize) -> usize {
    let r: f64 = rng.random();
    ((r * r * len as f64) as usize).min(len - 1)
}

/// A one-letter slip: a deleted, doubled or replaced letter.
fn typo(rng: &mut ChaCha8Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() < 4 {
        return s.to_string();
    }
    let at = rng.random_range(1..chars.len());
    match rng.random_range(0..3) {
        0 => {
            chars.remove(at);
        }
        1 => chars.insert(at, chars[at]),
        _ => chars[at] = ['a', 'e', 'i', 'o', 'u', 'y'][rng.random_range(0..6)],
    }
    chars.into_iter().collect()
}

/// `persons` people with `per` mentions each, with realistic slips.
pub(super) fn generate(persons: usize, per: usize, seed: u64) -> Synth {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = Synth {
        mentions: Vec::new(),
        person: Vec::new(),
    };
    for p in 0..persons {
        let surname = format!(
            "{}{}",
            ROOTS[skewed(&mut rng, ROOTS.len())],
            ENDS[skewed(&mut rng, ENDS.len())]
        );
        let given = GIVENS[skewed(&mut rng, GIVENS.len())];
        let father = GIVENS[skewed(&mut rng, GIVENS.len())];
        let (year, month, day) = (
            rng.random_range(1860..1925),
            rng.random_range(1..13u32),
            rng.random_range(1..29u32),
        );
        let place = format!("place{}", skewed(&mut rng, PLACES));
        let nationality =
            ["kazakh", "uzbek", "tajik", "kyrgyz", "russian", "tatar"][skewed(&mut rng, 6)];
        let gender = if rng.random_bool(0.85) {
            Gender::Male
        } else {
            Gender::Female
        };
        for k in 0..per {
            let surname = if rng.random_bool(0.08) {
                typo(&mut rng, &surname)
            } else {
                surname.clone()
            };
            let given = match rng.random_range(0..100) {
                0..5 => given[..1].to_string(),
                5..10 => typo(&mut rng, given),
                _ => given.to_string(),
            };
            let mut m = M::new(&format!("s{k}:{p}"), &surname, &given);
            if rng.random_bool(0.75) {
                m = m.father(&if rng.random_bool(0.05) {
                    typo(&mut rng, father)
                } else {
                    father.to_string()
                });
            }
            m = m.born(noisy_birth(&mut rng, year, month, day));
            if rng.random_bool(0.7) {
                m = m.place(&place);
            }
            if rng.random_bool(0.6) {
                m = m.nationality(nationality);
            }
            if rng.random_bool(0.8) {
                m = m.gender(gender);
            }
            out.mentions.push(m);
            out.person.push(p);
        }
    }
    out
}

/// A birth date as one source might give it.
fn noisy_birth(rng: &mut ChaCha8Rng, year: i32, month: u32, day: u32) -> Born {
    match rng.random_range(0..100) {
        0..15 => Born::No,
        15..45 => Born::Year(year),
        45..55 => Born::Year(year + if rng.random_bool(0.5) { 1 } else { -1 }),
        55..63 if year < 1918 => {
            let shift = if year < 1900 { 12 } else { 13 };
            let date = chrono::NaiveDate::from_ymd_opt(year, month, day)
                .map(|d| d - chrono::Days::new(shift));
            date.map_or(Born::Year(year), |d| {
                use chrono::Datelike;
                Born::Day(d.year(), d.month(), d.day())
            })
        }
        _ => Born::Day(year, month, day),
    }
}

/// Pairwise precision and recall of clusters against the truth.
pub(super) fn precision_recall(linkage: &Linkage, person: &[usize]) -> (f64, f64) {
    let mut predicted = 0u64;
    let mut correct = 0u64;
    for c in &linkage.clusters {
        for (i, &a) in c.iter().enumerate() {
            for &b in &c[i + 1..] {
                predicted += 1;
                correct += u64::from(person[a] == person[b]);
            }
        }
    }
    let mut sizes = std::collections::BTreeMap::new();
    for &p in person {
        *sizes.entry(p).or_insert(0u64) += 1;
    }
    let truth: u64 = sizes.values().map(|k| k * (k - 1) / 2).sum();
    let precision = if predicted == 0 {
        1.0
    } else {
        correct as f64 / predicted as f64
    };
    (precision, correct as f64 / truth.max(1) as f64)
}

fn mentions_of(s: &Synth) -> Vec<Mention> {
    s.mentions.iter().map(M::build).collect()
}

#[test]
fn synthetic_precision_and_recall() {
    let synth = generate(300, 3, 7);
    let mentions = mentions_of(&synth);
    let linkage = link(&mentions, &LinkOptions::default());
    let (precision, recall) = precision_recall(&linkage, &synth.person);
    eprintln!(
        "synthetic 300x3: precision {precision:.4} recall {recall:.4} stats {:?}",
        linkage.stats
    );
    // Measured at the default threshold: precision 1.0000, recall 0.9744.
    assert!(precision >= 0.98, "precision {precision}");
    assert!(recall >= 0.94, "recall {recall}");
    assert_eq!(
        linkage.clusters.iter().map(Vec::len).sum::<usize>(),
        mentions.len()
    );
}

#[test]
fn em_converges_to_sensible_parameters() {
    let synth = generate(300, 3, 11);
    let mentions = mentions_of(&synth);
    let feats = Features::build(&mentions);
    let (pairs, _) = block::candidate_pairs(&feats, 200, 20);
    let codes: Vec<u64> = pairs
        .iter()
        .map(|&p| {
            let (a, b) = block::unpack(p);
            compare::levels(&feats, a, b).encode()
        })
        .collect();
    let model = train::fit(&feats, &codes);
    assert!(model.iterations < 200, "EM did not converge");
    let true_pairs = pairs.iter().filter(|&&p| {
        let (a, b) = block::unpack(p);
        synth.person[a] == synth.person[b]
    });
    let true_count = true_pairs.count() as f64;
    let share = true_count / pairs.len() as f64;
    assert!(
        (model.candidate_lambda - share).abs() < 0.1,
        "candidate lambda {} vs true share {share}",
        model.candidate_lambda
    );
    let n = mentions.len() as f64;
    let expected = model.lambda * n * (n - 1.0) / 2.0;
    assert!(
        expected > 0.5 * true_count && expected < 2.0 * true_count,
        "expected matches {expected} vs {true_count} true candidate pairs"
    );
    for f in [LinkField::Surname, LinkField::Given, LinkField::Birth].map(LinkField::index) {
        assert!(
            model.m[f][0] > model.u[f][0],
            "field {f}: m {:?} u {:?}",
            model.m[f],
            model.u[f]
        );
    }
    let far = usize::from(BirthLevel::Far.index());
    assert!(model.weights[LinkField::Birth.index()][far] < -2.0);
}

#[test]
fn same_result_on_one_and_two_threads() {
    let synth = generate(200, 3, 5);
    let mentions = mentions_of(&synth);
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        pool.install(|| link(&mentions, &LinkOptions::default()))
    };
    let (one, two) = (run(1), run(2));
    assert_eq!(one, two);
    assert!(one.clusters.len() < mentions.len());
}
