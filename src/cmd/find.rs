//! `rehab find QUERY`: the persons of the last run a name in any spelling, birth years, birth
//! place, source or deciding body point to, read from its `rehab.sqlite`.

use super::explain::counted;
use super::{InputError, Status};
use rehab::desk::{self, DeskError, PersonHit, Query, Years};
use std::path::PathBuf;

/// Arguments of `rehab find`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  rehab find Tchokay                        Шокаев, Шоқай, Chokayev ... all find Mustafa Shokay
  rehab find Tchokay 1885-1895               a name and birth years on one line, as the desk's search box
  rehab find Мустафа -b 1885-1895 -p Перовск  by name, birth years and birth place (any name of it)
  rehab find -s kk_list --body 'Госкомиссия' --page 2

Exit codes: 0 found, 1 nothing found, 2 no database or a criterion that names nothing known")]
pub struct Args {
    /// Words of a name, in any script, order or romanisation; a word that is a year or a span
    /// of years (1890, 1885-1895) gives the birth years, as --birth does.
    pub query: Vec<String>,
    /// The run's output folder (its rehab.sqlite is read).
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// Birth year or span of years: 1890, 1885-1895.
    #[arg(short, long, value_parser = years)]
    pub birth: Option<Years>,
    /// Birth place, historical or modern (Перовск, Ак-Мечеть, Kyzylorda).
    #[arg(short, long)]
    pub place: Option<String>,
    /// Source file (its name or part of it).
    #[arg(short, long)]
    pub source: Option<String>,
    /// Deciding body of a decision: its key or any wording of its name.
    #[arg(short = 'd', long)]
    pub body: Option<String>,
    /// Page of results to show, from 1.
    #[arg(short = 'n', long, default_value_t = 1)]
    pub page: usize,
    /// Local additions folder the run used (name keys follow its tables).
    #[command(flatten)]
    pub data: super::DataDir,
}

fn years(text: &str) -> Result<Years, String> {
    text.parse().map_err(|e: DeskError| e.to_string())
}

/// Prints one page of the persons found.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    args.data
        .put_in_force(&rehab::ingest::config::Config::default())?;
    let conn = desk::open(&args.output).map_err(|e| InputError(e.to_string()))?;
    let typed = Query::from_line(&args.query.join(" "));
    let query = Query {
        birth: args.birth.or(typed.birth),
        place: args.place.clone(),
        source: args.source.clone(),
        body: args.body.clone(),
        ..typed
    };
    let page = match desk::search(&conn, &query, args.page) {
        Err(DeskError::Criterion(why)) => return Err(InputError(why.to_string()).into()),
        other => other?,
    };
    for hit in &page.items {
        print!("{}", describe(hit));
    }
    let persons = counted(&page.total.to_string(), "person");
    println!("page {} of {} ({persons})", page.number, page.pages());
    match page.total {
        0 => Ok(Status::NothingFound),
        _ => Ok(Status::Success),
    }
}

/// A person found: id, name, birth, place, counts, then the other spellings of the mentions.
fn describe(hit: &PersonHit) -> String {
    let birth = match (hit.birth_earliest.as_str(), hit.birth_latest.as_str()) {
        ("", _) => "-".to_string(),
        (a, b) if a == b => a.to_string(),
        (a, b) if a.get(..4) == b.get(..4) && a.ends_with("01-01") && b.ends_with("12-31") => {
            a[..4].to_string()
        }
        (a, b) => format!("{a}..{b}"),
    };
    let place = match hit.birth_place.is_empty() {
        true => "-",
        false => hit.birth_place.as_str(),
    };
    let mut text = format!(
        "{}  {}  born {birth}  {place}  {}, {}\n",
        hit.person_id,
        hit.name,
        counted(&hit.mentions.to_string(), "mention"),
        counted(&hit.decisions.to_string(), "decision")
    );
    let others: Vec<&str> = hit.other_names().collect();
    if !others.is_empty() {
        text.push_str(&format!("          also written {}\n", others.join(" | ")));
    }
    text
}
