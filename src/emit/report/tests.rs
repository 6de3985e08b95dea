use super::*;
use crate::ingest::config::Config;
use crate::pipeline;

fn outcome() -> (tempfile::TempDir, Outcome) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("a.csv"),
        "№,ФИО,Год рождения,Место рождения\n1,Иванов Иван Иванович,1900,Верный\n\
         2,Петров <b>Пётр</b>,1901,\n3,,1902,\n",
    )
    .unwrap();
    std::fs::write(
        input.join("b.csv"),
        "№,ФИО,Год рождения\n1,Иванов Иван Иванович,1900\n2,=Сидоров Сидор,1890\n",
    )
    .unwrap();
    let out = pipeline::process(&input, &Config::default()).unwrap();
    (tmp, out)
}

#[test]
fn the_page_shows_counts_escapes_text_and_needs_no_network() {
    let (_tmp, outcome) = outcome();
    let page = render(&outcome);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        page.contains("<tr><th>persons</th><td class=\"n\">3</td></tr>"),
        "{page}"
    );
    assert!(page.contains("<tr><th>rejected rows</th><td class=\"n\">1</td></tr>"));
    assert!(page.contains("<tr><td>a.csv</td><td class=\"n\">3</td><td class=\"n\">2</td>"));
    assert!(page.contains("Петров &lt;b&gt;Пётр&lt;/b&gt;"));
    assert!(!page.contains("<b>"));
    assert!(page.contains("<svg class=\"chart\""));
    for external in ["http://", "https://", "src=", "href=", "@import", "url("] {
        assert!(!page.contains(external), "{external}");
    }
    assert_eq!(page, render(&outcome));
}

#[test]
fn a_big_table_is_capped_and_says_so() {
    let (_tmp, outcome) = outcome();
    let page = html::page(&data::gather(&outcome, 1));
    assert!(page.contains("This table holds the first 1 of 3 persons"));
    assert_eq!(page.matches("<tr data-q=").count(), 1);
}

#[test]
fn escaping_covers_markup_and_quotes() {
    assert_eq!(
        escape("<a href=\"x\">'&'</a>"),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}
