//! `rehab serve` driven in headless Chromium through WebDriver: search by four spellings and by
//! any name of a birth place, a person's page with why the mentions are together in the page's
//! language, a judgement clicked in review (with the pair's reasons) and applied by the next
//! run, markup in a name kept as text, and the access token beyond localhost.

use crate::common::desk::{Browser, Process, browser_test, free_port, http, start_desk};
use crate::common::ops::{person_of_mentions, run_cmd, run_expect};
use crate::common::{Workdir, read_table, stderr};
use fantoccini::Locator;
use std::path::{Path, PathBuf};

/// The shipped sample run into `out/` of a new working folder, with Mustafa Shokay's id.
struct Sample {
    wd: Workdir,
    out: PathBuf,
    shokay: String,
}

impl Sample {
    /// Runs the sample.
    fn run() -> Sample {
        let wd = Workdir::new();
        let out = wd.join("out");
        run_expect(run_cmd(&sample_input(), &out, &[]), 0);
        let shokay = shokay(&out);
        Sample { wd, out, shokay }
    }

    /// The desk on the run, on 127.0.0.1 with the arguments: its port and process.
    fn serve(&self, extra: &[&str]) -> (u16, Process) {
        let port = free_port();
        let desk = start_desk(&self.out, "127.0.0.1", port, extra);
        (port, desk)
    }
}

/// The shipped sample's input folder.
fn sample_input() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("input")
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

/// Opens a path of the desk.
async fn open(browser: &Browser, port: u16, path: &str) {
    browser
        .client
        .goto(&format!("http://127.0.0.1:{port}{path}"))
        .await
        .unwrap_or_else(|e| panic!("open {path}: {e}"));
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
    let sample = Sample::run();
    let id = sample.shokay.clone();
    let (port, _desk) = sample.serve(&[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        for spelling in ["Шокай", "Shokay", "Tchokay", "Чокаев"] {
            open(&browser, port, "/?lang=en").await;
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
            assert_eq!(links.first(), Some(&id), "{spelling}: {links:?}");
            let names = texts(&browser, "#results td.name").await;
            assert_eq!(names[0], "Шокаев Мустафа Шокаевич", "{spelling}");
            let count = c.find(Locator::Id("count")).await.expect("count");
            let said = format!("Persons found: {}", links.len());
            assert_eq!(count.text().await.expect("text"), said);
        }
        open(&browser, port, "/?q=Mustafa+Shokay+1890&lang=en").await;
        let links = texts(&browser, "#results tr.person td a").await;
        assert_eq!(
            links,
            std::slice::from_ref(&id),
            "every word and the year must match"
        );
        open(&browser, port, "/?q=Tchokay+1880-1885&lang=kk").await;
        let count = c.find(Locator::Id("count")).await.expect("count");
        assert_eq!(count.text().await.expect("text"), "Табылған адамдар: 0");
        browser.close().await;
    });
}

#[test]
fn search_finds_shokay_by_any_name_of_his_birth_place() {
    let sample = Sample::run();
    let id = sample.shokay.clone();
    let (port, _desk) = sample.serve(&[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        for place in ["Перовск", "Ак-Мечеть", "Kyzylorda"] {
            open(&browser, port, "/?lang=en").await;
            let q = c.find(Locator::Id("q")).await.expect("name field");
            q.send_keys("1885-1895").await.expect("type years");
            let field = c.find(Locator::Id("place")).await.expect("place field");
            field.send_keys(place).await.expect("type place");
            c.find(Locator::Id("find"))
                .await
                .expect("button")
                .click()
                .await
                .expect("click");
            wait_for(&browser, "#count").await;
            let links = texts(&browser, "#results tr.person td a").await;
            assert!(links.contains(&id), "{place}: {links:?}");
            let value = c.find(Locator::Id("place")).await.expect("place field");
            let kept = value.prop("value").await.expect("value");
            assert_eq!(
                kept.as_deref(),
                Some(place),
                "the form keeps what was typed"
            );
        }
        open(
            &browser,
            port,
            "/?q=Шокай&source=KK_LIST&body=Государственная+комиссия",
        )
        .await;
        assert_eq!(
            texts(&browser, "#results tr.person td a").await,
            std::slice::from_ref(&id)
        );
        open(&browser, port, "/?place=Atlantis&lang=ru").await;
        let said = texts(&browser, "#unknown").await;
        assert_eq!(said, ["В справочнике мест нет места Atlantis."]);
        browser.close().await;
    });
}

#[test]
fn shokays_page_shows_five_mentions_and_one_decision() {
    let sample = Sample::run();
    let id = sample.shokay.clone();
    let (port, _desk) = sample.serve(&[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        open(&browser, port, "/?q=Shokay&lang=ru").await;
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

/// Whether a reason ends in its weight: `, +6.1`.
fn weighed(reason: &str) -> bool {
    let Some((_, weight)) = reason.rsplit_once(", ") else {
        return false;
    };
    weight.starts_with(['+', '-']) && weight[1..].parse::<f64>().is_ok() && weight.contains('.')
}

#[test]
fn shokays_page_says_why_his_mentions_are_together_in_the_pages_language() {
    let sample = Sample::run();
    let id = sample.shokay.clone();
    let edges = read_table(&sample.out.join("edges.csv"));
    let near = edges
        .iter()
        .find(|e| e["kind"] == "near_miss")
        .map(|e| e["person_a"].clone())
        .expect("a person of the sample has a mention kept apart");
    let (port, _desk) = sample.serve(&[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        open(&browser, port, &format!("/person/{id}?lang=en")).await;
        let merges = texts(&browser, "#why .edge.merge").await;
        assert_eq!(merges.len(), 4, "{merges:?}");
        let reasons = texts(&browser, "#why li.reason").await;
        assert!(reasons.iter().all(|r| weighed(r)), "{reasons:?}");
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("same surname in two scripts (") && weighed(r)),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.contains("today Kyzylorda")),
            "{reasons:?}"
        );
        let facts = texts(&browser, "#why p.facts").await;
        assert!(
            facts[0].contains("One person with probability"),
            "{facts:?}"
        );
        let none = texts(&browser, "#apart-none").await;
        assert_eq!(none, ["No mention of another person came near."]);
        let headings = texts(&browser, "h2").await;
        for section in [
            "Why these mentions are together",
            "Nearest mention kept apart",
        ] {
            assert!(headings.contains(&section.to_string()), "{headings:?}");
        }
        open(&browser, port, &format!("/person/{id}?lang=ru")).await;
        let reasons = texts(&browser, "#why li.reason").await;
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("та же фамилия в двух алфавитах (") && weighed(r)),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.contains("ныне Kyzylorda")),
            "{reasons:?}"
        );
        let page = texts(&browser, "main").await.concat();
        for raw in ["merged", "kept apart", "same surname", "male"] {
            assert!(!page.contains(raw), "{raw:?} untranslated in {page}");
        }
        assert!(page.contains("Почему эти упоминания вместе"), "{page}");
        assert!(
            page.contains("Ни одно упоминание другого лица не подошло близко."),
            "{page}"
        );
        open(&browser, port, &format!("/person/{near}?lang=en")).await;
        if texts(&browser, "#mentions th.mention").await.len() == 1 {
            let single = texts(&browser, "#why-single").await;
            assert_eq!(single, ["A single mention: nothing was put together."]);
        }
        let other = texts(&browser, "#apart a.person").await;
        assert_eq!(
            other.len(),
            1,
            "the nearest mention kept apart links its person"
        );
        assert_ne!(other[0], near);
        let reasons = texts(&browser, "#apart li.reason").await;
        assert!(
            reasons.iter().any(|r| r.starts_with("same surname")),
            "{reasons:?}"
        );
        let verdict = texts(&browser, "#apart span.verdict").await;
        assert!(verdict[0].starts_with("kept apart: "), "{verdict:?}");
        c.find(Locator::Css("#apart a.person"))
            .await
            .expect("link to the other person")
            .click()
            .await
            .expect("click");
        wait_for(&browser, "#mentions").await;
        let path = c.current_url().await.expect("url").path().to_string();
        assert_eq!(path, format!("/person/{}", other[0]));
        browser.close().await;
    });
}

#[test]
fn a_judgement_clicked_in_review_lands_in_the_links_file_and_changes_the_next_run() {
    let sample = Sample::run();
    let (wd, out) = (&sample.wd, &sample.out);
    let review = read_table(&out.join("review.csv"));
    let first = &review[0];
    let (a, b) = (first["a"].clone(), first["b"].clone());
    let together = first["a_person_id"] == first["b_person_id"];
    let (button, word) = match together {
        true => ("different", "different"),
        false => ("same", "same"),
    };
    let links = wd.join("links.csv");
    let links_arg = links.to_str().expect("path").to_string();
    let (port, desk) = sample.serve(&["--links", &links_arg]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        open(&browser, port, "/review?lang=en").await;
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
        let reasons = texts(&browser, "#why li.reason").await;
        assert!(
            !reasons.is_empty() && reasons.iter().all(|r| weighed(r)),
            "{reasons:?}"
        );
        let facts = texts(&browser, "#why p.facts").await;
        assert!(
            facts[0].contains("One person with probability"),
            "{facts:?}"
        );
        let note = texts(&browser, "#note").await;
        assert!(!note[0].is_empty() && note[0] != first["note"], "{note:?}");
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
    run_expect(run_cmd(&sample_input(), out, &["--links", &links_arg]), 0);
    let person = person_of_mentions(out);
    assert_eq!(person[&a] == person[&b], !together, "{a} {b} after {word}");
}

/// A percent-encoded query value decoded.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_doubtful_pair_on_a_persons_page_opens_in_review() {
    let sample = Sample::run();
    let review = read_table(&sample.out.join("review.csv"));
    let pair = review.last().expect("the sample has pairs to review");
    let (port, _desk) = sample.serve(&[]);
    browser_test(async {
        let browser = Browser::start().await;
        let c = &browser.client;
        open(
            &browser,
            port,
            &format!("/person/{}?lang=uz", pair["a_person_id"]),
        )
        .await;
        let wanted: std::collections::BTreeSet<String> =
            [pair["a"].clone(), pair["b"].clone()].into();
        let mut link = None;
        for a in c
            .find_all(Locator::Css("#doubtful a.judge"))
            .await
            .expect("links")
        {
            let href = a.attr("href").await.expect("href").unwrap_or_default();
            let query = href.split_once('?').map_or("", |(_, q)| q);
            let keys: std::collections::BTreeSet<String> = query
                .split('&')
                .filter_map(|kv| kv.strip_prefix("pa=").or_else(|| kv.strip_prefix("pb=")))
                .map(percent_decoded)
                .collect();
            if keys == wanted {
                link = Some(a);
            }
        }
        link.expect("the pair is linked from its person's page")
            .click()
            .await
            .expect("click");
        wait_for(&browser, "#pair-facts").await;
        let heads = texts(&browser, "#mentions th.mention").await;
        let keys: Vec<String> = [&pair["a"], &pair["b"]]
            .iter()
            .map(|k| k.replacen(':', " · ", 1))
            .collect();
        assert!(
            heads
                .iter()
                .all(|h| keys.iter().any(|k| h.starts_with(k.as_str()))),
            "{heads:?} {keys:?}"
        );
        let title = texts(&browser, "h1").await;
        assert_eq!(title, ["Shubhali juftlar"]);
        browser.close().await;
    });
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
        open(&browser, port, "/?q=1901&lang=en").await;
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
    let sample = Sample::run();
    let out = &sample.out;
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
    let _desk = start_desk(out, "0.0.0.0", port, &["--token", "t0ken-123"]);
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
        open(&browser, port, "/review?lang=en").await;
        let refused = texts(&browser, "h1").await;
        assert_eq!(
            refused,
            ["Access refused: this desk needs its access token."]
        );
        open(&browser, port, "/?token=t0ken-123&lang=en").await;
        assert_eq!(c.current_url().await.expect("url").query(), Some("lang=en"));
        open(&browser, port, "/review").await;
        assert_eq!(texts(&browser, "h1").await, ["Doubtful pairs"]);
        browser.close().await;
    });
}
