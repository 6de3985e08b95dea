//! The outputs form a valid Frictionless Data Package: checked by the Rust-side validator on
//! every run, and by `frictionless validate` (frictionless-py) where it is installed.

use crate::common::{Workdir, stderr};
use std::process::Command;

fn sample(wd: &Workdir) {
    wd.input(
        "list.csv",
        "№,ФИО,Год рождения,Место рождения,Реабилитирован,Дата реабилитации\n\
         1,Шокаев Мустафа Шокаевич,1890,Перовск,реабилитирован,12.05.1989\n\
         2,Чакабаев Ибрагимбек,1889,,реабилитирован,27.08.2021\n\
         3,,1900,,,\n\
         4,Ахметов Ахмет,30.02.1937,Верный,,\n",
    );
}

#[test]
fn the_package_describes_every_table_with_its_schema() {
    let wd = Workdir::new();
    sample(&wd);
    let out = wd.rehab(&["run", "--max-reject-ratio", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let package: serde_json::Value =
        serde_json::from_str(&wd.read("output/datapackage.json")).unwrap();
    let names: Vec<&str> = package["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        vec![
            "mentions",
            "persons",
            "decisions",
            "attestations",
            "checks",
            "edges",
            "rejects",
            "id_changes"
        ]
    );
    for resource in package["resources"].as_array().unwrap() {
        let path = wd.join(&format!("output/{}", resource["path"].as_str().unwrap()));
        let mut rdr = csv::Reader::from_path(&path).unwrap();
        let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        let fields: Vec<String> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(header, fields, "{}", resource["name"]);
    }
}

#[test]
fn frictionless_validates_the_package_where_installed() {
    let installed = Command::new("frictionless")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !installed {
        eprintln!(
            "frictionless is not installed: `python3 -m pip install frictionless` enables this check"
        );
        return;
    }
    let wd = Workdir::new();
    sample(&wd);
    let out = wd.rehab(&["run", "--max-reject-ratio", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let check = Command::new("frictionless")
        .args(["validate", "output/datapackage.json"])
        .current_dir(wd.path())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success(),
        "frictionless says:\n{report}\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
}
