//! `rehab serve` driven in headless Chromium through WebDriver: search by four spellings, a
//! person's page, a judgement clicked in review and applied by the next run, markup in a name
//! kept as text, and the access token beyond localhost.

use crate::common::desk::{Browser, browser_test, free_port, http, start_desk};
use crate::common::ops::{person_of_mentions, run_cmd, run_expect};
use crate::common::{Workdir, read_table, stderr};
use fantoccini::Locator;
use std::path::{Path, PathBuf};

/// The shipped sample run into `out/` of a new working folder.
fn sample_run() -> (Workdir, PathBuf) {
    let wd = Workdir::new();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let out = wd.join("out");
    run_expect(run_cmd(&input, &out, &[]), 0);
    (wd, out)
}

/// The person id of Mustafa Shokay in a run of the sample.
fn shokay(out: &Path) -> String {
    let persons = read_table(&out.join("persons.csv"));
    let found: Vec<&String> = persons
        .iter()
        .filter(|p| p["name"].starts_with("Шокаев Мустафа"))
        .map(|p| &p["person_id"])
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    found[0].clone()
}

async fn texts(browser: &Browser, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in browser
        .client
        .find_all(Locator::Css(css))
        .await
        .expect("find")
    {
        out.push(element.text().await.expect("text"));
    }
    out
}

/// Waits (up to 20 s) until the page shows an element, as after a click that loads a page.
async fn wait_for(browser: &Browser, css: &str) {
    let found = browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await;
    if found.is_err() {
        let page = browser.client.source().await.unwrap_or_default();
        panic!("no {css} on the page: {page}");
    }
}

#[test]
fn search_finds_shokay_by_four_spellings() {
    let (_wd, out) = sample_run();
    let id = shokay(&out);
    let port = free_port();
    let _desk = start_desk(&out, "127.0.0.1", port, &[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        for spelling in ["Шокай", "Shokay", "Tchokay", "Чокаев"] {
            c.goto(&format!("http://127.0.0.1:{port}/?lang=en"))
                .await
                .expect("open search");
            let field = c.find(Locator::Id("q")).await.expect("search field");
            field.send_keys(spelling).await.expect("type");
            c.find(Locator::Id("find"))
                .await
                .expect("button")
                .click()
                .await
                .expect("click");
            wait_for(&browser, "#count").await;
            let links = texts(&browser, "#results tr.person td a").await;
            assert_eq!(links, std::slice::from_ref(&id), "{spelling}");
            let names = texts(&browser, "#results td.name").await;
            assert_eq!(names, ["Шокаев Мустафа Шокаевич"], "{spelling}");
            let count = c.find(Locator::Id("count")).await.expect("count");
            assert_eq!(count.text().await.expect("text"), "Persons found: 1");
        }
        c.goto(&format!(
            "http://127.0.0.1:{port}/?q=Tchokay+1880-1885&lang=kk"
        ))
        .await
        .expect("search with years");
        let count = c.find(Locator::Id("count")).await.expect("count");
        assert_eq!(count.text().await.expect("text"), "Табылған адамдар: 0");
        browser.close().await;
    });
}

#[test]
fn shokays_page_shows_five_mentions_and_one_decision() {
    let (_wd, out) = sample_run();
    let id = shokay(&out);
    let port = free_port();
    let _desk = start_desk(&out, "127.0.0.1", port, &[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        c.goto(&format!("http://127.0.0.1:{port}/?q=Shokay&lang=ru"))
            .await
            .expect("search");
        c.find(Locator::LinkText(&id))
            .await
            .expect("link to the person")
            .click()
            .await
            .expect("click");
        wait_for(&browser, "#mentions").await;
        assert_eq!(
            c.current_url().await.expect("url").path(),
            format!("/person/{id}")
        );
        let mentions = texts(&browser, "#mentions th.mention").await;
        assert_eq!(mentions.len(), 5, "{mentions:?}");
        assert!(mentions.iter().any(|m| m.starts_with("kk_list.csv · 40")));
        let names = texts(&browser, "#mentions tr[data-field=name_raw] td").await;
        assert!(
            names.contains(&"Tchokaïeff Moustafa".to_string()),
            "{names:?}"
        );
        assert!(names.contains(&"Шоқай Мұстафа".to_string()), "{names:?}");
        assert_eq!(texts(&browser, "table.decision").await.len(), 1);
        let attestations = texts(&browser, "li.attestation").await;
        assert_eq!(attestations.len(), 3, "{attestations:?}");
        let heading = texts(&browser, "h2").await;
        assert!(
            heading.contains(&"Упоминания рядом".to_string()),
            "{heading:?}"
        );
        browser.close().await;
    });
}

#[test]
fn a_judgement_clicked_in_review_lands_in_the_links_file_and_changes_the_next_run() {
    let (wd, out) = sample_run();
    let review = read_table(&out.join("review.csv"));
    let first = &review[0];
    let (a, b) = (first["a"].clone(), first["b"].clone());
    let together = first["a_person_id"] == first["b_person_id"];
    let (button, word) = match together {
        true => ("different", "different"),
        false => ("same", "same"),
    };
    let links = wd.join("links.csv");
    let port = free_port();
    let links_arg = links.to_str().expect("path").to_string();
    let desk = start_desk(&out, "127.0.0.1", port, &["--links", &links_arg]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        c.goto(&format!("http://127.0.0.1:{port}/review?lang=en"))
            .await
            .expect("review");
        let progress = c.find(Locator::Id("progress")).await.expect("progress");
        let total = review.len();
        let before = format!("Judged: 0, left: {total}");
        assert_eq!(progress.text().await.expect("text"), before);
        let heads = texts(&browser, "#mentions th.mention").await;
        assert_eq!(heads.len(), 2);
        assert!(
            heads[0].starts_with(&a.replacen(':', " · ", 1)),
            "{heads:?}"
        );
        c.find(Locator::Id(button))
            .await
            .expect("judgement button")
            .click()
            .await
            .expect("click");
        wait_for(&browser, "#saved").await;
        let progress = c.find(Locator::Id("progress")).await.expect("progress");
        let after = format!("Judged: 1, left: {}", total - 1);
        assert_eq!(progress.text().await.expect("text"), after);
        browser.close().await;
    });
    let written = read_table(&links);
    assert_eq!(written.len(), 1);
    assert_eq!(
        (&written[0]["a"], &written[0]["b"], &written[0]["judgement"]),
        (&a, &b, &word.to_string())
    );
    let forged = "a=x&b=y&judgement=same&csrf=guess&skip=0";
    let head = format!(
        "POST /review HTTP/1.1\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded"
    );
    assert_eq!(http(port, &head, forged).0, 403);
    assert_eq!(read_table(&links).len(), 1);
    drop(desk);
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    run_expect(run_cmd(&input, &out, &["--links", &links_arg]), 0);
    let person = person_of_mentions(&out);
    assert_eq!(person[&a] == person[&b], !together, "{a} {b} after {word}");
}

#[test]
fn a_name_holding_markup_stays_text() {
    let wd = Workdir::new();
    let name = "Иванов<script>document.title='owned'</script> Иван Петрович";
    wd.input(
        "list.csv",
        format!("ФИО,Год рождения,Место рождения\n\"{name}\",1901,Алма-Ата\n"),
    );
    let run = wd.rehab(&["run"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let port = free_port();
    let _desk = start_desk(&wd.join("output"), "127.0.0.1", port, &[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        c.goto(&format!("http://127.0.0.1:{port}/?q=1901&lang=en"))
            .await
            .expect("search by year");
        let names = texts(&browser, "#results td.name").await;
        assert_eq!(names.len(), 1);
        assert!(names[0].contains("<script>"), "{names:?}");
        c.find(Locator::Css("#results td a"))
            .await
            .expect("person link")
            .click()
            .await
            .expect("click");
        wait_for(&browser, "#mentions").await;
        let cells = texts(&browser, "#mentions tr[data-field=name_raw] td").await;
        assert_eq!(cells, [name]);
        let title = c.title().await.expect("title");
        assert!(title.contains("Archivist's desk"), "{title}");
        assert_ne!(title, "owned");
        let scripts = c
            .execute(
                "return document.getElementsByTagName('script').length",
                vec![],
            )
            .await
            .expect("count scripts");
        assert_eq!(scripts, serde_json::json!(0));
        browser.close().await;
    });
}

#[test]
fn beyond_localhost_every_request_needs_the_token() {
    let (_wd, out) = sample_run();
    let refused = Workdir::new().rehab(&[
        "serve",
        "--output",
        out.to_str().expect("path"),
        "--bind",
        "0.0.0.0:0",
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("access token"));
    let port = free_port();
    let _desk = start_desk(&out, "0.0.0.0", port, &["--token", "t0ken-123"]);
    assert_eq!(http(port, "GET /?q=Shokay HTTP/1.1", "").0, 401);
    let wrong = "GET /review HTTP/1.1\r\nAuthorization: Bearer nope";
    assert_eq!(http(port, wrong, "").0, 401);
    let right = "GET /?q=Shokay HTTP/1.1\r\nAuthorization: Bearer t0ken-123";
    let (status, body) = http(port, right, "");
    assert_eq!(status, 200);
    assert!(body.contains("Шокаев Мустафа Шокаевич"));
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        c.goto(&format!("http://127.0.0.1:{port}/review?lang=en"))
            .await
            .expect("open");
        let refused = texts(&browser, "h1").await;
        assert_eq!(
            refused,
            ["Access refused: this desk needs its access token."]
        );
        c.goto(&format!("http://127.0.0.1:{port}/?token=t0ken-123&lang=en"))
            .await
            .expect("open with the token");
        assert_eq!(c.current_url().await.expect("url").query(), Some("lang=en"));
        c.goto(&format!("http://127.0.0.1:{port}/review"))
            .await
            .expect("review");
        assert_eq!(texts(&browser, "h1").await, ["Doubtful pairs"]);
        browser.close().await;
    });
}
