//! A mention that fits two namesakes about equally joins neither, goes to review with both, and
//! no longer draws them together; a mention with one candidate still joins it.

use super::testkit::{Born, M};
use super::tests::background;
use super::*;
use crate::model::{Gender, Mention};

/// Two entries (sources `a`, `b`) of one man born on `day` of 1900 or 1930.
fn person(prefix: [&str; 2], year: i32) -> [M; 2] {
    prefix.map(|id| {
        M::new(id, "tursunkulov", "rustambek")
            .father("akhmadjon")
            .born(Born::Day(year, 3, 14))
            .place("namangan")
            .gender(Gender::Male)
    })
}

/// A list entry with the name and the place only: it fits either namesake.
fn sparse() -> M {
    M::new("e:1", "tursunkulov", "rustambek")
        .father("akhmadjon")
        .place("namangan")
        .gender(Gender::Male)
}

fn linked(ms: &[M]) -> (usize, Linkage) {
    let mut all = background(200);
    let base = all.len();
    all.extend_from_slice(ms);
    let mentions: Vec<Mention> = all.iter().map(M::build).collect();
    (base, link(&mentions, &LinkOptions::default()))
}

fn cluster_of(linkage: &Linkage, i: usize) -> Vec<usize> {
    linkage
        .clusters
        .iter()
        .find(|c| c.contains(&i))
        .cloned()
        .expect("every mention is clustered")
}

#[test]
fn a_mention_that_fits_two_namesakes_joins_neither() {
    let [a, b] = person(["a:1", "b:1"], 1900);
    let [c, d] = person(["c:1", "d:1"], 1930);
    let (base, linkage) = linked(&[a, b, c, d, sparse()]);
    let m = base + 4;
    assert_eq!(
        cluster_of(&linkage, m),
        vec![m],
        "the sparse entry stays alone"
    );
    assert_eq!(cluster_of(&linkage, base), vec![base, base + 1]);
    assert_eq!(cluster_of(&linkage, base + 2), vec![base + 2, base + 3]);
    let contest = linkage
        .ambiguous
        .iter()
        .find(|pairs| pairs.iter().all(|e| e.a == m || e.b == m))
        .expect("the sparse entry is listed as ambiguous");
    let others: Vec<usize> = contest
        .iter()
        .map(|e| if e.a == m { e.b } else { e.a })
        .collect();
    assert!(others.iter().any(|&o| o < base + 2), "{others:?}");
    assert!(others.iter().any(|&o| o >= base + 2), "{others:?}");
    assert!(contest.iter().all(|e| e.note.starts_with("ambiguous")));
}

#[test]
fn a_mention_with_one_candidate_joins_it() {
    let [a, b] = person(["a:1", "b:1"], 1900);
    let (base, linkage) = linked(&[a, b, sparse()]);
    assert_eq!(
        cluster_of(&linkage, base + 2),
        vec![base, base + 1, base + 2]
    );
    assert!(
        linkage
            .ambiguous
            .iter()
            .flatten()
            .all(|e| e.a != base + 2 && e.b != base + 2)
    );
}

#[test]
fn explain_names_the_persons_an_ambiguous_mention_fits() {
    let [a, b] = person(["a:1", "b:1"], 1900);
    let [c, d] = person(["c:1", "d:1"], 1930);
    let ms = [a, b, c, d, sparse()];
    let mut all = background(200);
    let base = all.len();
    all.extend_from_slice(&ms);
    let mentions: Vec<Mention> = all.iter().map(M::build).collect();
    let linkage = link(&mentions, &LinkOptions::default());
    let text = explain(&mentions, &linkage, &[base + 4]);
    assert!(
        text.contains("e:1") && text.contains("fits 2 persons"),
        "{text}"
    );
    assert!(text.contains("a:1") || text.contains("b:1"), "{text}");
    assert!(text.contains("c:1") || text.contains("d:1"), "{text}");
    let of_first = explain(&mentions, &linkage, &[base, base + 1]);
    assert!(
        of_first.contains("ambiguous: [") && of_first.contains("e:1"),
        "{of_first}"
    );
}
