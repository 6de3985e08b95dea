//! Measurement: renderings of one person in every scheme must share surname_key + given_key.

use rehab::normalize::names::synth::{measure, people};

#[test]
fn renderings_of_one_person_share_keys() {
    let set = people(300, 1937);
    let m = measure(&set);
    println!(
        "people {} x {} renderings: same-person agreement {:.4} ({}/{}), different-person key collisions {:.5} ({}/{})",
        m.people,
        m.renderings,
        m.same_rate(),
        m.same_agree,
        m.same_pairs,
        m.different_rate(),
        m.different_agree,
        m.different_pairs
    );
    assert_eq!(m.renderings, 9);
    assert!(m.same_rate() >= 0.98, "{m:?}");
    assert!(m.different_rate() <= 0.01, "{m:?}");
}
