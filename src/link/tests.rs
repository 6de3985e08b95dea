//! Unit tests of comparison levels, clustering rules, judgements and explain.

use super::compare;
use super::features::Features;
use super::fields::{
    ARREST, BIRTH, BirthLevel, DECISION, EventLevel, FATHER, GIVEN, GivenLevel, LevelSet, Levels,
    LinkField, SURNAME, SurnameLevel,
};
use super::testkit::{Born, M};
use super::*;
use crate::model::{Gender, Mention};

fn levels_of(x: M, y: M) -> Levels {
    let feats = Features::build(&[x.build(), y.build()]);
    compare::levels(&feats, 0, 1)
}

fn build(ms: &[M]) -> Vec<Mention> {
    ms.iter().map(M::build).collect()
}

#[test]
fn surname_levels() {
    let lv =
        |a: &str, b: &str| levels_of(M::new("1", a, "ivan"), M::new("2", b, "ivan")).get(SURNAME);
    assert_eq!(lv("shokaev", "shokaev"), Some(SurnameLevel::Exact));
    assert_eq!(lv("shokaev", "shokayev"), Some(SurnameLevel::Close));
    assert_eq!(lv("abdullaev", "abdulaev"), Some(SurnameLevel::Close));
    assert_eq!(lv("shokaev", "petrov"), Some(SurnameLevel::Different));
    assert_eq!(lv("gasanov", "gasparov"), Some(SurnameLevel::Similar));
    assert_eq!(lv("shokaev", ""), None);
}

#[test]
fn given_and_father_levels() {
    let lv =
        |a: &str, b: &str| levels_of(M::new("1", "x", a).father(a), M::new("2", "x", b).father(b));
    assert_eq!(lv("mustafa", "mustafa").get(GIVEN), Some(GivenLevel::Exact));
    assert_eq!(lv("mustafa", "m").get(GIVEN), Some(GivenLevel::Initial));
    assert_eq!(lv("m", "mustafa").get(FATHER), Some(GivenLevel::Initial));
    assert_eq!(lv("mustafa", "mustafo").get(GIVEN), Some(GivenLevel::Close));
    assert_eq!(
        lv("mustafa", "ivan").get(FATHER),
        Some(GivenLevel::Different)
    );
    assert_eq!(lv("mustafa", "").get(FATHER), None);
}

#[test]
fn birth_levels() {
    let lv = |a: Born, b: Born| {
        let levels = levels_of(M::new("1", "x", "y").born(a), M::new("2", "x", "y").born(b));
        levels.get(BIRTH)
    };
    use BirthLevel::{DaysDiffer, Far, Julian, OneYear, Overlap, SameDay, YearSlip};
    assert_eq!(
        lv(Born::Day(1890, 5, 1), Born::Day(1890, 5, 1)),
        Some(SameDay)
    );
    assert_eq!(
        lv(Born::Day(1890, 5, 1), Born::Day(1890, 5, 13)),
        Some(Julian)
    );
    assert_eq!(
        lv(Born::Day(1905, 5, 1), Born::Day(1905, 5, 14)),
        Some(Julian)
    );
    assert_eq!(
        lv(Born::Day(1890, 5, 1), Born::Day(1890, 5, 15)),
        Some(DaysDiffer)
    );
    assert_eq!(lv(Born::Day(1890, 5, 1), Born::Year(1891)), Some(OneYear));
    assert_eq!(
        lv(Born::Day(1890, 5, 1), Born::Day(1891, 5, 1)),
        Some(YearSlip)
    );
    assert_eq!(
        lv(Born::Day(1890, 5, 1), Born::Day(1891, 5, 2)),
        Some(DaysDiffer)
    );
    assert_eq!(lv(Born::Day(1890, 5, 1), Born::Day(1892, 5, 1)), Some(Far));
    assert_eq!(lv(Born::Year(1890), Born::Day(1890, 12, 31)), Some(Overlap));
    assert_eq!(lv(Born::Year(1890), Born::Year(1890)), Some(Overlap));
    assert_eq!(lv(Born::Year(1890), Born::Year(1891)), Some(OneYear));
    assert_eq!(lv(Born::Day(1889, 3, 1), Born::Year(1890)), Some(OneYear));
    assert_eq!(lv(Born::Year(1890), Born::Year(1892)), Some(Far));
    assert_eq!(lv(Born::Year(1890), Born::No), None);
}

#[test]
fn place_nationality_case_gender_levels() {
    use super::fields::{
        Agreement::{Agree, Differ},
        BIRTH_PLACE, CASE_NUMBER, GENDER, NATIONALITY, SOURCE, SourceLevel,
    };
    let agreements =
        |levels: Levels| [BIRTH_PLACE, NATIONALITY, CASE_NUMBER, GENDER].map(|f| levels.get(f));
    let a = M::new("1", "x", "y")
        .place("kyzylorda")
        .nationality("Казах")
        .case("П-123")
        .gender(Gender::Male);
    let same = levels_of(a.clone(), a.clone().nationality("казах ").case("п 123"));
    assert_eq!(agreements(same), [Some(Agree); 4]);
    assert_eq!(same.get(SOURCE), Some(SourceLevel::SameSource));
    let b = M::new("2", "x", "y")
        .place("almaty")
        .nationality("узбек")
        .case("П-9")
        .gender(Gender::Female);
    let differ = levels_of(a.clone(), b);
    assert_eq!(agreements(differ), [Some(Differ); 4]);
    assert_eq!(differ.get(SOURCE), Some(SourceLevel::SameSource));
    let other = levels_of(a, M::new("other:3", "x", "y"));
    assert_eq!(agreements(other), [None; 4]);
    assert_eq!(other.get(SOURCE), Some(SourceLevel::DifferentSources));
}

#[test]
fn event_date_levels() {
    let lv = |a: Born, b: Born| {
        let x = M::new("1", "x", "y").arrested(a).decided(b);
        let y = M::new("2", "x", "y")
            .arrested(Born::Day(1937, 8, 5))
            .decided(Born::Day(1989, 1, 16));
        let levels = levels_of(x, y);
        (levels.get(ARREST), levels.get(DECISION))
    };
    use EventLevel::{Far, Overlap, SameDay, WithinMonth};
    assert_eq!(
        lv(Born::Day(1937, 8, 5), Born::Day(1989, 1, 16)),
        (Some(SameDay), Some(SameDay))
    );
    assert_eq!(
        lv(Born::Year(1937), Born::Year(1989)),
        (Some(Overlap), Some(Overlap))
    );
    assert_eq!(
        lv(Born::Day(1937, 8, 15), Born::Day(1989, 3, 20)),
        (Some(WithinMonth), Some(Far))
    );
    assert_eq!(
        lv(Born::Day(1938, 8, 5), Born::Day(1958, 1, 16)),
        (Some(Far), Some(Far))
    );
    assert_eq!(lv(Born::No, Born::No), (None, None));
}

#[test]
fn shared_arrest_day_weighs_less_when_common() {
    use chrono::Datelike;
    // 400 mentions arrested on one mass-operation night; 3,000 others two by two on other days.
    let night =
        |i: usize| M::new(&format!("n{i}"), &format!("s{i}"), "g").arrested(Born::Day(1937, 8, 5));
    let other = |i: usize| {
        let day = chrono::NaiveDate::from_ymd_opt(1930, 1, 1).expect("date")
            + chrono::Days::new((i / 2) as u64);
        let (y, m, d) = (day.year(), day.month(), day.day());
        M::new(&format!("o{i}"), &format!("t{i}"), "g").arrested(Born::Day(y, m, d))
    };
    let ms: Vec<M> = (0..400).map(night).chain((0..3000).map(other)).collect();
    let mentions: Vec<_> = ms.iter().map(M::build).collect();
    let feats = super::features::Features::build(&mentions);
    let codes: Vec<u64> = (1..mentions.len())
        .map(|b| compare::levels(&feats, 0, b).encode())
        .collect();
    let model = super::train::fit(&feats, &codes);
    let same_day = EventLevel::SameDay.index();
    let night = model.weight(&feats, LinkField::Arrest, same_day, 0, 1);
    let quiet = model.weight(&feats, LinkField::Arrest, same_day, 400, 401);
    assert!(quiet > night + 0.5, "quiet {quiet} night {night}");
}

#[test]
fn empty_input_gives_empty_linkage() {
    let linkage = link(&[], &LinkOptions::default());
    assert!(linkage.clusters.is_empty() && linkage.edges.is_empty());
    assert_eq!(linkage.stats.compared_pairs, 0);
    let one = link(&build(&[M::new("1", "x", "y")]), &LinkOptions::default());
    assert_eq!(one.clusters, vec![vec![0]]);
}

/// A background population of persons with noisy duplicates, so that EM has something to learn.
pub(super) fn background(persons: usize) -> Vec<M> {
    super::tests_synth::generate(persons, 3, 99).mentions
}

fn cluster_of(linkage: &Linkage, i: usize) -> &Vec<usize> {
    linkage
        .clusters
        .iter()
        .find(|c| c.contains(&i))
        .expect("every mention is clustered")
}

#[test]
fn father_and_son_do_not_chain() {
    let mut ms = background(200);
    let base = ms.len();
    ms.push(
        M::new("f:1", "shokaev", "mustafa")
            .father("ibragim")
            .born(Born::Year(1880))
            .place("kyzylorda")
            .gender(Gender::Male),
    );
    ms.push(
        M::new("f:2", "shokaev", "mustafa")
            .father("ibragim")
            .born(Born::Year(1881))
            .place("kyzylorda")
            .gender(Gender::Male),
    );
    ms.push(
        M::new("f:3", "shokaev", "ali")
            .father("mustafa")
            .born(Born::Year(1910))
            .place("kyzylorda")
            .gender(Gender::Male),
    );
    ms.push(
        M::new("f:4", "shokaev", "ali")
            .father("mustafa")
            .born(Born::Day(1910, 3, 2))
            .place("kyzylorda")
            .gender(Gender::Male),
    );
    ms.push(
        M::new("f:5", "shokaev", "")
            .place("kyzylorda")
            .gender(Gender::Male),
    );
    let linkage = link(&build(&ms), &LinkOptions::default());
    assert_eq!(cluster_of(&linkage, base), &vec![base, base + 1]);
    assert!(!cluster_of(&linkage, base + 2).contains(&base));
    assert!(cluster_of(&linkage, base + 2).contains(&(base + 3)));
}

#[test]
fn gender_disagreement_keeps_apart() {
    let mut ms = background(200);
    let base = ms.len();
    ms.push(
        M::new("g:1", "sadykov", "zhanar")
            .born(Born::Year(1900))
            .place("p1")
            .gender(Gender::Male),
    );
    ms.push(
        M::new("g:2", "sadykov", "zhanar")
            .born(Born::Year(1900))
            .place("p1")
            .gender(Gender::Female),
    );
    let opts = LinkOptions {
        review_low: -100.0,
        review_high: 100.0,
        ..LinkOptions::default()
    };
    let linkage = link(&build(&ms), &opts);
    assert_eq!(cluster_of(&linkage, base), &vec![base]);
    let miss = linkage
        .review
        .iter()
        .find(|e| e.a == base && e.b == base + 1);
    let gender = miss.and_then(|e| e.contributions().find(|c| c.0 == "gender"));
    assert!(gender.is_some_and(|g| g.2 < -10.0), "{miss:?}");
}

#[test]
fn judgements_win() {
    let mut ms = background(200);
    let base = ms.len();
    ms.push(
        M::new("j:1", "karimov", "rustam")
            .born(Born::Year(1900))
            .place("p1"),
    );
    ms.push(
        M::new("j:2", "karimov", "rustam")
            .born(Born::Year(1900))
            .place("p1"),
    );
    ms.push(M::new("j:3", "usmonov", "bobur").born(Born::Year(1880)));
    ms.push(M::new("j:4", "qodirov", "sanjar").born(Born::Year(1920)));
    let mentions = build(&ms);
    assert!(cluster_of(&link(&mentions, &LinkOptions::default()), base).contains(&(base + 1)));
    let judge = |a: &str, b: &str, same| Judgement {
        a: a.into(),
        b: b.into(),
        same,
        row: 0,
    };
    let opts = LinkOptions {
        judgements: vec![judge("j:1", "j:2", false), judge("j:3", "j:4", true)],
        ..LinkOptions::default()
    };
    let linkage = link(&mentions, &opts);
    assert_eq!(cluster_of(&linkage, base), &vec![base]);
    assert_eq!(cluster_of(&linkage, base + 2), &vec![base + 2, base + 3]);
    assert!(
        linkage
            .edges
            .iter()
            .any(|e| e.a == base + 2 && e.note.contains("judgement"))
    );
}

#[test]
fn large_blocks_are_windowed() {
    let ms: Vec<M> = (0..600)
        .map(|i| M::new(&format!("w:{i}"), "ivanov", "ivan").born(Born::Year(1900)))
        .collect();
    let opts = LinkOptions {
        max_block: 50,
        window: 10,
        ..LinkOptions::default()
    };
    let linkage = link(&build(&ms), &opts);
    assert!(linkage.stats.capped_blocks > 0);
    assert!(linkage.stats.compared_pairs <= 600 * 9);
    assert_eq!(linkage.clusters.iter().map(Vec::len).sum::<usize>(), 600);
}

#[test]
fn explain_shows_waterfall() {
    let mut ms = background(100);
    let base = ms.len();
    ms.push(
        M::new("e:1", "nazarbaev", "erlan")
            .father("bolat")
            .born(Born::Day(1901, 1, 1))
            .place("p9"),
    );
    ms.push(
        M::new("e:2", "nazarbaev", "erlan")
            .father("bolat")
            .born(Born::Day(1901, 1, 14))
            .place("p9"),
    );
    let mentions = build(&ms);
    let linkage = link(&mentions, &LinkOptions::default());
    let text = explain(&mentions, &linkage, cluster_of(&linkage, base));
    assert!(text.contains("e:1") && text.contains("e:2"), "{text}");
    assert!(
        text.contains("julian offset") && text.contains("surname"),
        "{text}"
    );
}

#[test]
fn links_file_is_read_and_errors_name_row_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("links.csv");
    std::fs::write(&good, "a,b,judgement\ns:1,s:2,same\ns:3, s:4 ,Different\n").expect("write");
    let js = load_judgements(&good).expect("valid file");
    assert_eq!(
        js,
        vec![
            Judgement {
                a: "s:1".into(),
                b: "s:2".into(),
                same: true,
                row: 2,
            },
            Judgement {
                a: "s:3".into(),
                b: "s:4".into(),
                same: false,
                row: 3,
            },
        ]
    );
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "a,b,judgement\ns:1,s:2,same\ns:1,s:3,maybe\n").expect("write");
    let err = load_judgements(&bad)
        .expect_err("bad judgement")
        .to_string();
    assert!(
        err.contains("bad.csv") && err.contains("row 3") && err.contains("column 3"),
        "{err}"
    );
    let missing = dir.path().join("missing.csv");
    std::fs::write(&missing, "a,judgement\ns:1,same\n").expect("write");
    assert!(
        load_judgements(&missing)
            .expect_err("no b")
            .to_string()
            .contains("\"b\"")
    );
}

#[test]
fn swapped_and_single_name_parts_compare_across_positions() {
    let swapped = levels_of(
        M::new("1", "karimov", "ismail"),
        M::new("2", "ismail", "karimov"),
    );
    assert_eq!(swapped.get(SURNAME), Some(SurnameLevel::Exact));
    assert_eq!(swapped.get(GIVEN), Some(GivenLevel::Exact));
    let single = levels_of(
        M::new("1", "ibragimbek", ""),
        M::new("2", "chakabaev", "ibragimbek"),
    );
    assert_eq!(single.get(SURNAME), None);
    assert_eq!(single.get(GIVEN), Some(GivenLevel::Exact));
    assert!(compare::has_name_evidence(&single));
    let other_family = levels_of(
        M::new("1", "abaev", "akhmet"),
        M::new("2", "baitursynov", "akhmet"),
    );
    assert!(!compare::has_name_evidence(&other_family));
}

#[test]
fn a_source_without_duplicates_stays_unmerged() {
    let surnames = [
        "abaev",
        "baitursynov",
        "dulatov",
        "ivanov",
        "karimov",
        "petrov",
    ];
    let givens = ["akhmet", "bolat", "gaziz", "erlan", "omar"];
    let mut ms = Vec::new();
    for (i, s) in surnames.iter().enumerate() {
        for (j, g) in givens.iter().enumerate() {
            for (k, year) in [1850, 1854, 1858].into_iter().enumerate() {
                let id = format!("a:{i}-{j}-{k}");
                ms.push(M::new(&id, s, g).born(Born::Year(year)));
            }
        }
    }
    let linkage = link(&build(&ms), &LinkOptions::default());
    assert_eq!(linkage.clusters.len(), ms.len());
}

#[test]
fn link_parameters_parse_and_bounds_hold() {
    let p = super::params::parse(include_str!("../../schemas/link_params.toml")).expect("parses");
    assert_eq!(p.m_prior.len(), LinkField::COUNT);
    let mut dist = vec![0.5, 0.1, 0.1, 0.3];
    super::params::bound(&mut dist, &[0.0; 4], &[1.0, 0.25, 0.08, 0.02]);
    assert!((dist.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    assert!(dist[3] <= 0.02 + 1e-12 && dist[2] <= 0.08 + 1e-12);
    assert!(super::params::parse("min_expected_matches = 1").is_err());
}

#[test]
fn two_entries_of_one_list_need_to_be_plainly_one_entry() {
    use super::cluster::{Clusters, Verdict};
    let ms = [
        M::new("list:1", "rare", "x").born(Born::Day(1890, 1, 1)),
        M::new("list:2", "rare", "y"),
        M::new("other:1", "rare", "y"),
        M::new("list:3", "rare", "x").born(Born::Day(1890, 1, 1)),
    ];
    let mentions = build(&ms);
    let feats = Features::build(&mentions);
    let codes: Vec<u64> = [(0, 1), (0, 2), (1, 2), (0, 3), (2, 3)]
        .iter()
        .map(|&(a, b)| compare::levels(&feats, a, b).encode())
        .collect();
    let model = train::fit(&feats, &codes);
    let mut clusters = Clusters::new(&feats, &model, 0.0, 40.0, &[]);
    // Different given names in one list: two people, whatever score is offered.
    assert_eq!(clusters.offer(0, 1, 10.0), Verdict::SameSource);
    // The same pair across two lists is left to the score.
    assert_eq!(clusters.offer(0, 2, 10.0), Verdict::Merged);
    // One entry written twice in one list: one person.
    assert_eq!(clusters.offer(0, 3, 10.0), Verdict::Merged);
}

#[test]
fn namesakes_weigh_a_shared_birth_place_and_given_name_less() {
    // Twenty families' names, each of one region and one of two cultures: namesakes (same
    // surname and given name, born years apart) share their birth place, while random pairs
    // rarely do, and one surname's people share a given name twice as often as random pairs.
    let places = [
        "kz-almaty",
        "kz-taraz",
        "uz-andijan",
        "tj-dushanbe",
        "ru-kazan",
    ];
    let ms: Vec<M> = (0..2000)
        .map(|i| {
            let family = i % 20;
            let given = ["Ахмет", "Рахим", "Султан", "Мария"][(family / 10) * 2 + (i / 20) % 2];
            let surname = format!("Фамилия{}ов", ["а", "б", "в", "г", "д"][family % 5]);
            M::new(&format!("{i}"), &format!("{surname}{family}"), given)
                .born(Born::Year(1870 + (i % 50) as i32))
                .place(places[family % 5])
        })
        .collect();
    let mentions: Vec<_> = ms.iter().map(M::build).collect();
    let feats = super::features::Features::build(&mentions);
    let codes: Vec<u64> = (1..200)
        .map(|b| compare::levels(&feats, 0, b).encode())
        .collect();
    let model = super::train::fit(&feats, &codes);
    let place = LinkField::BirthPlace.index();
    let exact = usize::from(super::fields::EXACT);
    let random = model.u_random[place][exact];
    let weight = model.weights[place][exact];
    let from_random = ((model.m[place][exact] + 1e-4) / (random + 1e-4)).log2();
    assert!(
        weight < from_random - 1.0,
        "weight {weight} random {from_random}"
    );
    assert!(model.given_correction > 0.5, "{}", model.given_correction);
}
