//! Measures name keys on a synthetic set: agreement of one person's renderings in every scheme,
//! key collisions and near collisions between different people, and throughput.
//!
//! Run with `cargo bench --bench names`.

use rehab::normalize::names::compare::keys_close;
use rehab::normalize::names::parse;
use rehab::normalize::translit::{match_key, phonetic_key};
use rehab::synth::data::{Tables, tables};
use rehab::synth::measure::measure;
use rehab::synth::names::{people, renderings};
use rehab::synth::sources::Parts;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let tables = tables().expect("generator tables");
    let set = people(tables, 400, 1937).expect("people");
    let m = measure(tables, &set);
    println!(
        "synthetic set: {} people x {} renderings",
        m.people, m.renderings
    );
    println!(
        "same person, surname_key+given_key agree: {:.4} ({}/{} pairs)",
        m.same_rate(),
        m.same_agree,
        m.same_pairs
    );
    println!(
        "different people, surname_key+given_key equal: {:.5} ({}/{} pairs)",
        m.different_rate(),
        m.different_agree,
        m.different_pairs
    );
    near_collisions(&set);
    throughput(tables, &set);
}

fn near_collisions(set: &[Parts]) {
    let keys: Vec<(String, String)> = set
        .iter()
        .map(|p| {
            let n = parse(&p.plain(), None).unwrap_or_default();
            (n.surname_key.into(), n.given_key.into())
        })
        .collect();
    let (mut pairs, mut close) = (0usize, 0usize);
    for (i, a) in keys.iter().enumerate() {
        for (j, b) in keys.iter().enumerate().skip(i + 1) {
            if (&set[i].surname, &set[i].given) == (&set[j].surname, &set[j].given) {
                continue;
            }
            pairs += 1;
            close += usize::from(keys_close(&a.0, &b.0) && keys_close(&a.1, &b.1));
        }
    }
    println!(
        "different people, both keys close (Jaro-Winkler >= 0.88 or one edit): {:.5} ({close}/{pairs})",
        close as f64 / pairs.max(1) as f64
    );
}

fn throughput(tables: &Tables, set: &[Parts]) {
    let values: Vec<String> = set.iter().flat_map(|p| renderings(tables, p)).collect();
    let rounds = 50;
    let start = Instant::now();
    let mut bytes = 0usize;
    for _ in 0..rounds {
        for v in &values {
            bytes += black_box(match_key(black_box(v))).len();
        }
    }
    let per_sec = (values.len() * rounds) as f64 / start.elapsed().as_secs_f64();
    println!("match_key: {per_sec:.0} full names/s ({bytes} key bytes)");
    let start = Instant::now();
    for _ in 0..rounds {
        for v in &values {
            black_box(phonetic_key(black_box(v)));
        }
    }
    let per_sec = (values.len() * rounds) as f64 / start.elapsed().as_secs_f64();
    println!("phonetic_key: {per_sec:.0} full names/s");
    let start = Instant::now();
    for v in &values {
        black_box(parse(black_box(v), None).ok());
    }
    let per_sec = values.len() as f64 / start.elapsed().as_secs_f64();
    println!("names::parse: {per_sec:.0} full names/s");
}
