//! Checks of the name data files: no form may fall into two given-name classes.

use rehab::normalize::translit::match_key;
use std::collections::BTreeMap;

const GIVEN: &str = include_str!("../schemas/given_names.csv");

#[test]
fn no_form_key_belongs_to_two_classes() {
    let mut owner: BTreeMap<String, String> = BTreeMap::new();
    let mut clashes = Vec::new();
    for line in GIVEN.lines().skip(1) {
        let mut cols = line.splitn(3, ',');
        let class = cols.next().unwrap_or("").to_string();
        let forms = cols.nth(1).unwrap_or("");
        for form in forms.split('|') {
            let key = match_key(form);
            match owner.get(&key) {
                Some(other) if *other != class => {
                    clashes.push(format!("{form} ({key}): {other} / {class}"))
                }
                _ => {
                    owner.insert(key, class.clone());
                }
            }
        }
    }
    assert!(
        clashes.is_empty(),
        "{} clashes:\n{}",
        clashes.len(),
        clashes.join("\n")
    );
}

#[test]
fn every_class_has_forms_in_both_scripts() {
    for line in GIVEN.lines().skip(1) {
        let forms = line.splitn(3, ',').nth(2).unwrap_or("");
        let cyr = forms.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        let lat = forms.chars().any(|c| c.is_ascii_alphabetic());
        assert!(cyr && lat, "{line}");
    }
}
