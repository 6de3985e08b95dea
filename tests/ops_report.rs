//! `report.html` rendered by headless Chromium (via `tests/browser/render.sh`).

use crate::common::ops::*;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The page's DOM after Chromium ran it, or `None` when Chromium is missing and cannot be
/// installed (the script exits 77).
fn render(page: &Path, fragment: &str) -> Option<String> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/render.sh");
    let out = Command::new("sh")
        .arg(script)
        .arg(page)
        .arg(fragment)
        .output()
        .unwrap();
    if out.status.code() == Some(77) {
        eprintln!(
            "skipping the browser check: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        return None;
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_report_renders_in_a_browser_with_its_counts_and_search() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("a.csv"), &persons(120, 0), 1);
    write_source(&input.join("b.csv"), &persons(60, 100), 2);
    fs::write(
        input.join("c.csv"),
        "№,ФИО,Год рождения\n1,,1900\n2,,1901\n",
    )
    .unwrap();
    run_expect(run_cmd(&input, &output, &[]), 0);
    let page = output.join("report.html");
    let Some(dom) = render(&page, "") else { return };
    assert!(dom.contains("<h1>rehab: run report</h1>"));
    assert!(
        dom.contains("<tr><th>persons</th><td class=\"n\">160</td></tr>"),
        "{dom}"
    );
    assert!(dom.contains("<tr><th>rejected rows</th><td class=\"n\">2</td></tr>"));
    assert!(dom.contains("<tr><td>b.csv</td><td class=\"n\">60</td><td class=\"n\">60</td>"));
    assert!(dom.contains("<td>no_name</td><td class=\"n\">2</td>"));
    assert_eq!(dom.matches("<svg class=\"chart\"").count(), 4);
    assert!(dom.contains("<span id=\"shown\">160</span>"));

    let Some(filtered) = render(&page, "q=Абаев%20Ахмет") else {
        return;
    };
    let hidden = filtered.matches("style=\"display: none;\"").count();
    let visible = filtered.matches("<tr data-q=").count() - hidden;
    assert!(
        visible >= 1 && hidden >= 150,
        "{visible} shown, {hidden} hidden"
    );
    let shown = format!("<span id=\"shown\">{visible}</span>");
    assert!(filtered.contains(&shown), "{shown}");
}
