use super::*;
use crate::model::Provenance;

fn mention(source: &str, record: &str, name: &str) -> Mention {
    Mention {
        prov: Provenance {
            source: source.into(),
            record_id: record.into(),
            row: 2,
        },
        name_raw: name.into(),
        ..Mention::default()
    }
}

fn run(ms: &[Mention], clusters: &[Vec<usize>], prev: &Registry) -> (Vec<String>, IdReport) {
    assign(ms, clusters, prev)
}

fn kinds(report: &IdReport) -> Vec<(&str, &str, &str, u64)> {
    report
        .changes
        .iter()
        .map(|c| {
            (
                c.change.code(),
                c.person_id.as_str(),
                c.other_id.as_str(),
                c.mentions,
            )
        })
        .collect()
}

#[test]
fn first_run_mints_in_cluster_order_and_rerun_keeps_every_id() {
    let ms = vec![
        mention("a", "1", "X"),
        mention("a", "2", "Y"),
        mention("b", "1", "X"),
    ];
    let clusters = vec![vec![0, 2], vec![1]];
    let (ids, first) = run(&ms, &clusters, &Registry::default());
    assert_eq!(ids, ["P000001", "P000002"]);
    assert_eq!(
        kinds(&first),
        [("new", "P000001", "", 2), ("new", "P000002", "", 1)]
    );
    let (again, second) = run(&ms, &clusters, &first.registry);
    assert_eq!(again, ids);
    assert!(second.changes.is_empty());
    assert_eq!(second.registry, first.registry);
    assert_eq!(second.rows, RowChanges::default());
}

#[test]
fn a_split_keeps_the_old_id_on_the_larger_part() {
    let ms = vec![
        mention("a", "1", "X"),
        mention("a", "2", "X"),
        mention("a", "3", "X"),
    ];
    let (_, first) = run(&ms, &[vec![0, 1, 2]], &Registry::default());
    let (ids, second) = run(&ms, &[vec![0], vec![1, 2]], &first.registry);
    assert_eq!(ids, ["P000002", "P000001"]);
    assert_eq!(kinds(&second), [("split", "P000002", "P000001", 1)]);
}

#[test]
fn a_merge_keeps_the_oldest_id_and_records_the_alias() {
    let ms = vec![mention("a", "1", "X"), mention("b", "1", "X")];
    let (_, first) = run(&ms, &[vec![0], vec![1]], &Registry::default());
    let (ids, second) = run(&ms, &[vec![0, 1]], &first.registry);
    assert_eq!(ids, ["P000001"]);
    assert_eq!(kinds(&second), [("merged", "P000001", "P000002", 1)]);
    assert_eq!(second.registry.resolve("P000002"), "P000001");
    assert_eq!(second.registry.next_id, 3);
}

#[test]
fn removed_and_changed_rows_are_reported_and_lost_ids_retired() {
    let ms = vec![mention("a", "1", "X"), mention("a", "2", "Y")];
    let (_, first) = run(&ms, &[vec![0], vec![1]], &Registry::default());
    let now = vec![mention("a", "1", "X corrected"), mention("a", "3", "Z")];
    let (ids, second) = run(&now, &[vec![0], vec![1]], &first.registry);
    assert_eq!(ids, ["P000001", "P000003"]);
    assert_eq!(second.rows.changed, ["a:1"]);
    assert_eq!(second.rows.removed, ["a:2"]);
    assert_eq!(second.rows.added, 1);
    assert_eq!(
        kinds(&second),
        [("new", "P000003", "", 1), ("retired", "P000002", "", 1)]
    );
}

#[test]
fn the_content_hash_follows_the_raw_values() {
    let a = mention("a", "1", "X");
    let mut b = a.clone();
    b.extra.push(("Примечание".into(), "x".into()));
    assert_ne!(content_hash(&a), content_hash(&b));
    assert_eq!(content_hash(&a), content_hash(&a.clone()));
    let mut c = a.clone();
    c.birth.raw = "1890".into();
    assert_ne!(content_hash(&a), content_hash(&c));
}

#[test]
fn a_retired_id_comes_back_with_its_rows_unless_merged_away() {
    let ms = vec![mention("a", "1", "X"), mention("b", "1", "Y")];
    let (ids, first) = run(&ms, &[vec![0], vec![1]], &Registry::default());
    let (_, gone) = run(&ms[..1], &[vec![0]], &first.registry);
    assert_eq!(kinds(&gone), [("retired", ids[1].as_str(), "", 1)]);
    assert!(gone.registry.get_retired("b", "1").is_some());

    let (back, report) = run(&ms, &[vec![0], vec![1]], &gone.registry);
    assert_eq!(back, ids, "the same person, the same id");
    assert_eq!(kinds(&report), [("returned", ids[1].as_str(), "", 1)]);
    assert!(report.registry.retired.is_empty());
    assert!(report.registry.next_id == first.registry.next_id);

    let changed = vec![ms[0].clone(), mention("b", "1", "Y changed")];
    let (other, report) = run(&changed, &[vec![0], vec![1]], &gone.registry);
    assert_ne!(
        other[1], ids[1],
        "a row that came back changed is a new person"
    );
    assert_eq!(kinds(&report)[0].0, "new");

    let (joined, report) = run(&ms, &[vec![0, 1]], &gone.registry);
    assert_eq!(
        joined,
        [ids[0].clone()],
        "a held id wins over a returned one"
    );
    assert_eq!(
        kinds(&report),
        [("merged", ids[0].as_str(), ids[1].as_str(), 1)]
    );
}
