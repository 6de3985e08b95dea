//! `rehab normalize date|name|place|note`: one raw value per input line → one CSV row per line
//! (per value read, for notes).

use super::Status;
use rehab::ingest::delimited::MAX_CELL_BYTES;
use rehab::model::{DateValue, Lang, NameParts, Place};
use rehab::normalize::{dates, names, nationality, note, places::Gazetteer, sentence};
use std::io::{self, BufRead};

/// Arguments of `rehab normalize`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  echo 'Tchokaïeff Moustafa' | rehab normalize name")]
pub struct Args {
    /// What to normalise.
    #[command(subcommand)]
    pub command: Command,
    /// Folder of local additions to the built-in tables (`gazetteer.csv`, `months.csv` ...,
    /// same names and header lines as in schemas/).
    #[arg(long = "data-dir", value_name = "DIR", global = true)]
    pub data_dir: Option<std::path::PathBuf>,
}

/// What to normalise.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Dates: `input,earliest,latest,precision,calendar,qualifier,edtf,error`.
    Date(LangArg),
    /// Names: `input,surname,given,patronymic,father,surname_key,given_key,father_key,phonetic_key,gender,script,error`.
    Name(LangArg),
    /// Places: `input,modern,country,key,matched_form,level,unresolved,conflict,error`.
    Place,
    /// Biographical notes, one per line: `line,kind,text,start,end,normalised`, one row per
    /// value read (`start`, `end`: byte offsets into the line).
    Note(LangArg),
}

/// The optional language of the values.
#[derive(Debug, clap::Args)]
pub struct LangArg {
    /// Language of the values (ru, kk, uz, tg, ky, en); guessed from the text when absent.
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::parse(code)
        .ok_or_else(|| format!("unknown language {code:?}: use ru, kk, uz, tg, ky or en"))
}

/// Reads standard input line by line and writes one CSV row per line. A line that is not valid
/// UTF-8 or is longer than [`MAX_CELL_BYTES`] gets a row with only its error (and a message on
/// standard error naming its line number); the lines after it are read as usual.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let data = super::DataDir {
        data_dir: args.data_dir.clone(),
    };
    data.put_in_force(&rehab::ingest::config::Config::default())?;
    let command = &args.command;
    let mut stdin = io::stdin().lock();
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(io::BufWriter::new(io::stdout().lock()));
    if let Command::Note(a) = command {
        return run_notes(&mut stdin, &mut out, a.lang);
    }
    let (header, convert): (&[&str], Converter) = match command {
        Command::Date(a) => (&DATE_HEADER, Box::new(move |t| date_row(t, a.lang))),
        Command::Name(a) => (&NAME_HEADER, Box::new(move |t| name_row(t, a.lang))),
        Command::Place => (&PLACE_HEADER, Box::new(place_row)),
        Command::Note(_) => unreachable!("notes are read by run_notes"),
    };
    out.write_record(header)?;
    let mut number = 0u64;
    let mut buf = Vec::new();
    while let Some(whole) = read_line_capped(&mut stdin, &mut buf)? {
        number += 1;
        let row = match line_text(&buf, whole) {
            Ok(text) => {
                let mut row = vec![text.to_string()];
                row.extend(convert(text));
                row
            }
            Err(problem) => {
                let message = format!("line {number}: {problem}");
                eprintln!("rehab normalize: {message}");
                let mut row = vec![String::new(); header.len()];
                row[header.len() - 1] = message;
                row
            }
        };
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(Status::Success)
}

/// Reads one note per line and writes one row per value read. A line that cannot be read gets a
/// row of kind `error` whose text says why (and a message on standard error).
fn run_notes(
    input: &mut impl BufRead,
    out: &mut csv::Writer<impl io::Write>,
    lang: Option<Lang>,
) -> anyhow::Result<Status> {
    out.write_record(NOTE_HEADER)?;
    let mut number = 0u64;
    let mut buf = Vec::new();
    while let Some(whole) = read_line_capped(input, &mut buf)? {
        number += 1;
        let line = number.to_string();
        match line_text(&buf, whole) {
            Ok(text) => {
                for v in note::read(text, lang) {
                    let (start, end) = (v.start.to_string(), v.end.to_string());
                    let normalised = note_normalised(v.kind, &v.text, lang);
                    out.write_record([&line, v.kind.name(), &v.text, &start, &end, &normalised])?;
                }
            }
            Err(problem) => {
                let message = format!("line {number}: {problem}");
                eprintln!("rehab normalize: {message}");
                out.write_record([line.as_str(), "error", &message, "", "", ""])?;
            }
        }
    }
    out.flush()?;
    Ok(Status::Success)
}

/// A value of a note through the normaliser of its kind: a date as its EDTF, a place as its key,
/// a sentence or a nationality as its key; any other value, or one the normaliser cannot read,
/// as written.
fn note_normalised(kind: note::NoteKind, text: &str, lang: Option<Lang>) -> String {
    let read = if kind.is_date() {
        dates::parse(text, lang)
            .ok()
            .flatten()
            .map(|d| d.edtf.into())
    } else if kind.is_place() {
        Gazetteer::builtin()
            .resolve(text)
            .ok()
            .flatten()
            .map(|p| p.key)
    } else if kind == note::NoteKind::Sentence {
        sentence::sentence_key(text).map(|k| k.to_string())
    } else if kind == note::NoteKind::Nationality {
        nationality::nationality_key(text).map(str::to_string)
    } else {
        None
    };
    read.unwrap_or_else(|| text.to_string())
}

/// The text of one line without its line end, or why it cannot be read.
fn line_text(bytes: &[u8], whole: bool) -> Result<&str, String> {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if !whole || bytes.len() > MAX_CELL_BYTES {
        return Err(format!(
            "longer than {MAX_CELL_BYTES} bytes, the longest value read; the line is skipped"
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (bad byte at offset {}); the line is skipped",
            e.valid_up_to()
        )
    })
}

/// Reads one line into `buf`, keeping at most [`MAX_CELL_BYTES`] (plus the line end) of it:
/// `Some(true)` for a whole line, `Some(false)` for a line cut at the cap (the rest is read and
/// dropped), `None` at the end of the input.
fn read_line_capped(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
    buf.clear();
    let mut whole = true;
    let mut any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(any.then_some(whole));
        }
        any = true;
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = (MAX_CELL_BYTES + 2).saturating_sub(buf.len());
        if take > room {
            whole = false;
        }
        buf.extend_from_slice(&chunk[..take.min(room)]);
        input.consume(take);
        if done {
            return Ok(Some(whole));
        }
    }
}

/// Turns one raw value into the cells after `input`.
type Converter<'a> = Box<dyn Fn(&str) -> Vec<String> + 'a>;

const NOTE_HEADER: [&str; 6] = ["line", "kind", "text", "start", "end", "normalised"];
const DATE_HEADER: [&str; 8] = [
    "input",
    "earliest",
    "latest",
    "precision",
    "calendar",
    "qualifier",
    "edtf",
    "error",
];
const NAME_HEADER: [&str; 12] = [
    "input",
    "surname",
    "given",
    "patronymic",
    "father",
    "surname_key",
    "given_key",
    "father_key",
    "phonetic_key",
    "gender",
    "script",
    "error",
];
const PLACE_HEADER: [&str; 9] = [
    "input",
    "modern",
    "country",
    "key",
    "matched_form",
    "level",
    "unresolved",
    "conflict",
    "error",
];

fn date_row(text: &str, lang: Option<Lang>) -> Vec<String> {
    let fields = |d: &DateValue| d.cells().to_vec();
    with_error(dates::parse(text, lang).map(|d| d.as_ref().map(fields)), 6)
}

fn name_row(text: &str, lang: Option<Lang>) -> Vec<String> {
    if text.trim().is_empty() {
        return vec![String::new(); 11];
    }
    let cells = |n: NameParts| n.cells().to_vec();
    with_error(names::parse(text, lang).map(|n| Some(cells(n))), 10)
}

fn place_row(text: &str) -> Vec<String> {
    let fields = |p: &Place| {
        vec![
            p.modern.clone(),
            p.country.clone(),
            p.key.clone(),
            p.matched_form.clone(),
            p.level.as_str().to_string(),
            p.unresolved.clone(),
            p.conflict.clone(),
        ]
    };
    with_error(
        Gazetteer::builtin()
            .resolve(text)
            .map(|p| p.as_ref().map(fields)),
        7,
    )
}

/// The value cells followed by the error cell; empty cells for an empty value or an error.
fn with_error<E: std::fmt::Display>(
    result: Result<Option<Vec<String>>, E>,
    width: usize,
) -> Vec<String> {
    match result {
        Ok(Some(mut cells)) => {
            cells.push(String::new());
            cells
        }
        Ok(None) => vec![String::new(); width + 1],
        Err(e) => {
            let mut cells = vec![String::new(); width];
            cells.push(e.to_string());
            cells
        }
    }
}
