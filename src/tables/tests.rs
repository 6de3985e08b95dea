use super::overlay::{Overlay, TablesError, check_keys_once, merge, read_lines};
use super::specs::Table;
use std::path::Path;

fn lines(table: Table, text: &str) -> Result<Vec<super::overlay::LocalLine>, TablesError> {
    let path = Path::new("local/x.csv");
    let lines = read_lines(table, path, text.as_bytes())?;
    check_keys_once(path, &lines)?;
    Ok(lines)
}

fn line_error(table: Table, text: &str) -> (usize, String) {
    match lines(table, text) {
        Err(TablesError::Line { line, message, .. }) => (line, message),
        other => panic!("expected a line error, got {other:?}"),
    }
}

#[test]
fn every_builtin_line_follows_its_tables_rule() {
    for table in Table::ALL {
        let read = read_lines(
            table,
            Path::new(table.file()),
            table.spec().builtin.as_bytes(),
        );
        assert!(read.is_ok(), "{}: {:?}", table.file(), read.err());
    }
}

#[test]
fn a_local_line_replaces_the_builtin_line_of_its_key_and_others_are_added() {
    let local = lines(
        Table::Headers,
        "field,header,lang\n# a comment\n\nnotes,ФИО,ru\nfull_name,Аты-жөні толық,kk\n",
    )
    .unwrap();
    assert_eq!(local.len(), 2);
    let merged = merge(Table::Headers.spec(), &local);
    let rows: Vec<&str> = merged.lines().filter(|l| l.contains(",ФИО,")).collect();
    assert_eq!(rows, ["notes,ФИО,ru"]);
    assert!(merged.ends_with("full_name,Аты-жөні толық,kk\n"));
    assert!(merged.starts_with("field,header,lang\n"));
    assert!(
        !merged.contains(",Ф.И.О.,"),
        "`Ф.И.О.` is `ФИО` as headers are matched"
    );
    let builtin_rows = Table::Headers.spec().builtin.lines().count();
    assert_eq!(merged.lines().count(), builtin_rows - 2 + 2);
}

#[test]
fn keys_are_compared_the_way_the_loader_folds_them() {
    let local = lines(Table::Headers, "field,header,lang\nnotes,ф. и. о.,ru\n").unwrap();
    let merged = merge(Table::Headers.spec(), &local);
    assert!(
        !merged.lines().any(|l| l.starts_with("full_name,ФИО,")),
        "{merged}"
    );
}

#[test]
fn a_merged_gazetteer_knows_the_local_place() {
    let local = lines(
        Table::Gazetteer,
        "key,country,kind,modern,form,lang,from,to,historic\n\
         kz-test-aul,KZ,village,Testaul,Тестаул,ru,,,no\n",
    )
    .unwrap();
    let merged = merge(Table::Gazetteer.spec(), &local);
    let g = crate::normalize::places::Gazetteer::from_csv(&merged).unwrap();
    let builtin = crate::normalize::places::Gazetteer::from_csv(Table::Gazetteer.spec().builtin);
    assert_eq!(g.place_count(), builtin.unwrap().place_count() + 1);
}

#[test]
fn a_wrong_header_line_names_the_line_and_the_header_expected() {
    let (line, message) = line_error(Table::Gazetteer, "# notes\nkey,country,kind\n");
    assert_eq!(line, 2);
    assert!(
        message.contains("key,country,kind,modern,form,lang,from,to,historic"),
        "{message}"
    );
}

#[test]
fn a_wrong_column_count_names_the_line() {
    let (line, message) = line_error(Table::Headers, "field,header,lang\nfull_name,ФИО\n");
    assert_eq!(line, 2);
    assert!(message.contains("2 columns"), "{message}");
}

#[test]
fn an_unknown_field_or_language_names_the_line() {
    let (line, message) = line_error(
        Table::Headers,
        "field,header,lang\nfull_name,ФИО,ru\nfull_nam,Имя,ru\n",
    );
    assert_eq!(line, 3);
    assert!(message.contains("full_nam"), "{message}");
    let (line, message) = line_error(Table::Headers, "field,header,lang\nfull_name,ФИО,xx\n");
    assert_eq!(line, 2);
    assert!(message.contains("\"xx\""), "{message}");
}

#[test]
fn a_value_that_does_not_parse_names_the_line() {
    let cases = [
        (
            Table::Gazetteer,
            "key,country,kind,modern,form,lang,from,to,historic\n\
             kz-x,KZ,hamlet,X,Икс,ru,,,no\n",
            "hamlet",
        ),
        (
            Table::Gazetteer,
            "key,country,kind,modern,form,lang,from,to,historic\n\
             kz-x,KZ,village,X,Икс,russian,,,no\n",
            "russian",
        ),
        (
            Table::Months,
            "form,lang,month,kind\nянв,ru,13,abbr\n",
            "month \"13\"",
        ),
        (
            Table::DateWords,
            "phrase,lang,role\nгодъ,ru,fillr\n",
            "role \"fillr\"",
        ),
        (
            Table::SurnameSuffixes,
            "form,gender,min_root,tradition\nенко,,two,uk\n",
            "two",
        ),
        (
            Table::Patronymics,
            "form,kind,gender,tradition\nулы,word,x,kk\n",
            "\"x\"",
        ),
        (
            Table::Translit,
            &format!(
                "{}\nа,middle,a,a,a,a,a,a,a,a\n",
                Table::Translit.header_line()
            ),
            "middle",
        ),
        (Table::SentenceWords, "stem,kind\nкатор,penal\n", "penal"),
        (
            Table::PlaceTerms,
            "term,role,position,lang,meaning\nкыстак,hamlet,prefix,kk,x\n",
            "hamlet",
        ),
        (Table::UnknownMarkers, "marker,lang\n?,zz\n", "zz"),
    ];
    for (table, text, needle) in cases {
        let (line, message) = line_error(table, text);
        assert_eq!(line, 2, "{}", table.file());
        assert!(message.contains(needle), "{}: {message}", table.file());
    }
}

#[test]
fn one_key_twice_in_a_local_file_is_an_error() {
    let (line, message) = line_error(
        Table::Headers,
        "field,header,lang\nfull_name,Ф,ru\nnotes,ф,ru\n",
    );
    assert_eq!(line, 3);
    assert!(message.contains("line 2 again"), "{message}");
}

#[test]
fn a_folder_is_read_with_hashes_and_an_unknown_file_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("headers.csv"),
        "field,header,lang\nfull_name,Кто,ru\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(".hidden"), "x").unwrap();
    let overlay = Overlay::read(dir.path()).unwrap();
    assert_eq!(overlay.tables.len(), 1);
    assert_eq!(overlay.tables[0].file, "headers.csv");
    assert_eq!(overlay.tables[0].lines, 1);
    use sha2::Digest;
    let digest = sha2::Sha256::digest("field,header,lang\nfull_name,Кто,ru\n".as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(overlay.tables[0].sha256, hex);
    std::fs::write(dir.path().join("places.csv"), "a,b\n").unwrap();
    let err = Overlay::read(dir.path()).unwrap_err().to_string();
    assert!(
        err.contains("places.csv") && err.contains("gazetteer.csv"),
        "{err}"
    );
}

#[test]
fn every_table_in_force_passes_the_check_a_run_starts_with() {
    assert_eq!(super::check_all(), Ok(()));
}

#[test]
fn a_broken_line_of_a_table_is_named_by_file_and_line() {
    let broken = format!(
        "{}\n# a comment\nарестован,arrest_date,ru\nприговорен,verdict,ru\n",
        Table::NoteMarkers.header_line()
    );
    let error = super::check::check_text(Table::NoteMarkers, &broken).unwrap_err();
    assert_eq!(
        error.file,
        std::path::PathBuf::from("schemas/note_markers.csv")
    );
    assert_eq!(error.line, Some(4));
    assert!(error.message.contains("verdict"), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("built-in data schemas/note_markers.csv:4: ")
    );
}
