//! Stage 5: validated outputs, written into a staging folder and swapped in as a whole.

pub mod atomic;
pub mod datapackage;
pub mod decimal;
pub mod edges;
pub mod inplace;
pub mod owned;
mod pipe;
mod priority;
pub mod report;
pub mod review;
pub mod row;
pub mod runinfo;
pub mod schema;
pub mod sqlite;
pub mod tables;

use crate::model::Outcome;
use schema::Validator;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The bytes a CSV writer gathers before it writes them to its file.
pub(crate) const CSV_BUFFER: usize = 1 << 20;

/// How many validation messages are reported at most.
const MAX_VIOLATIONS: usize = 20;

/// Why outputs could not be written.
#[derive(Debug, thiserror::Error)]
pub enum EmitError {
    /// Writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
    /// The outputs break their own Table Schemas; nothing was replaced.
    #[error(
        "the outputs do not validate against their schemas; the previous outputs are kept:\n{0}"
    )]
    Invalid(String),
    /// The id registry could not be written.
    #[error(transparent)]
    State(#[from] crate::state::StateError),
    /// The SQLite database could not be built.
    #[error(transparent)]
    Sqlite(#[from] sqlite::SqliteError),
}

/// Choices about how outputs are written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmitOptions {
    /// Start the spreadsheet-facing reports with a UTF-8 byte order mark.
    pub excel_bom: bool,
}

/// The data tables and the report CSVs, in the order they are written, checked and loaded into
/// `rehab.sqlite`: a table's foreign keys refer only to tables before it.
pub(crate) fn csv_tables() -> impl Iterator<Item = &'static str> {
    tables::TABLE_ORDER.into_iter().chain(["id_changes"])
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> EmitError + '_ {
    move |source| EmitError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes all outputs into `target` with default options; see [`write_outputs_with`].
pub fn write_outputs(
    outcome: &Outcome,
    target: &Path,
    run: &runinfo::RunInfo,
) -> Result<(), EmitError> {
    write_outputs_with(outcome, target, run, &EmitOptions::default())
}

/// Writes the CSVs, `datapackage.json`, `state/`, `rehab.sqlite`, `report.html`,
/// `persons_report.csv`, `report.xlsx` and `run.json` into a staging folder, and swaps it in for `target` once
/// every table validates against its schema. Nothing of `target` changes on any error.
///
/// The data tables (checked row by row as they are written), the database and the reports are
/// written at the same time, each by its own thread from the same outcome, the reports' thread
/// at a lower priority so that the database, the longest of the three, gets the cores first;
/// the folder is swapped in only after all three have finished and the tables have passed.
pub fn write_outputs_with(
    outcome: &Outcome,
    target: &Path,
    run: &runinfo::RunInfo,
    opts: &EmitOptions,
) -> Result<(), EmitError> {
    let staging = atomic::Staging::new(target).map_err(io_err(target))?;
    let dir = staging.path();
    let _span = tracing::info_span!("write").entered();
    let (rows, mut loaded) = pipe::channel();
    let (tables, database, reports) = std::thread::scope(|s| {
        let database = s.spawn(move || timed(|| write_database(dir, &mut loaded)));
        let reports = s.spawn(|| {
            priority::lower_priority(priority::REPORTS_NICE);
            timed(|| write_reports(dir, outcome, opts))
        });
        let tables = timed(|| write_tables(dir, outcome, opts, rows));
        (tables, joined(database), joined(reports))
    });
    let mut run = run.clone();
    for (stage, took) in [
        ("csv", tables.1),
        ("sqlite", database.1),
        ("report", reports.1),
    ] {
        run.emit_timings.push((stage.into(), took.wall));
        if let Some(cpu) = took.cpu {
            run.emit_cpu.push((stage.into(), cpu));
        }
    }
    run.emit_memory = crate::memory::Resident::read();
    run.emit_process_cpu = crate::memory::process_cpu();
    tables.0?;
    database.0?;
    reports.0?;
    let run_json = dir.join("run.json");
    write_file(&run_json, runinfo::run_json(outcome, &run).as_bytes())
        .map_err(io_err(&run_json))?;
    staging.commit().map_err(io_err(target))
}

/// The wall time a writing step took and the CPU time of its thread, where the system tells it.
#[derive(Debug, Clone, Copy)]
struct Took {
    wall: Duration,
    cpu: Option<Duration>,
}

/// The result of `work`, run on the calling thread, and the time it took.
fn timed<T>(work: impl FnOnce() -> T) -> (T, Took) {
    let (started, cpu) = (Instant::now(), crate::memory::thread_cpu());
    let result = work();
    let cpu = crate::memory::thread_cpu()
        .zip(cpu)
        .map(|(end, start)| end - start);
    let wall = started.elapsed();
    (result, Took { wall, cpu })
}

/// What a writing thread returned; its panic goes on in the caller.
fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
    handle
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Writes the data tables and the id changes, checking every row against its schema as it is
/// written and passing it on to `rows` for the database; any violation is the error.
fn write_tables(
    dir: &Path,
    outcome: &Outcome,
    opts: &EmitOptions,
    mut rows: pipe::RowSender,
) -> Result<(), EmitError> {
    let _span = tracing::info_span!("csv").entered();
    let mut validator = Validator::new(MAX_VIOLATIONS);
    for name in csv_tables() {
        let path = dir.join(format!("{name}.csv"));
        let bom = opts.excel_bom && report::csv::is_report(name);
        let table = Table { name, outcome, bom };
        write_table(&path, &table, &mut validator, &mut rows).map_err(io_err(&path))?;
    }
    let violations = validator.finish();
    if !violations.is_empty() {
        return Err(EmitError::Invalid(violations.join("\n")));
    }
    Ok(())
}

fn write_database(dir: &Path, rows: &mut pipe::RowReceiver) -> Result<(), EmitError> {
    Ok(sqlite::write_database_from(&dir.join(sqlite::FILE), rows)?)
}

/// Writes what is derived from the tables for people and for the next run: the persons report,
/// `report.xlsx`, `review.csv`, `datapackage.json`, the id registry in `state/` and `report.html`.
fn write_reports(dir: &Path, outcome: &Outcome, opts: &EmitOptions) -> Result<(), EmitError> {
    let path = dir.join(report::csv::PERSONS_REPORT);
    report::csv::write_persons_report(&path, outcome, opts.excel_bom).map_err(io_err(&path))?;
    let path = dir.join(report::xlsx::FILE);
    report::xlsx::write_workbook(&path, outcome).map_err(|e| EmitError::Io {
        path: path.clone(),
        source: io::Error::other(e),
    })?;
    let path = dir.join("review.csv");
    report::csv::write_report(
        &path,
        &review::HEADER,
        review::edges(outcome),
        |edge, row| review::row(edge, outcome, row),
        opts.excel_bom,
    )
    .map_err(io_err(&path))?;
    let package = dir.join("datapackage.json");
    let text = datapackage::datapackage_json_with(opts.excel_bom);
    write_file(&package, text.as_bytes()).map_err(io_err(&package))?;
    outcome.ids.registry.save(&dir.join("state"))?;
    let page = dir.join(report::FILE);
    write_file(&page, report::render(outcome).as_bytes()).map_err(io_err(&page))
}

/// Checks every table against its schema without writing anything (`rehab run --dry-run`).
pub fn validate(outcome: &Outcome) -> Result<(), EmitError> {
    let mut validator = Validator::new(MAX_VIOLATIONS);
    for name in csv_tables() {
        let header = table_header(name);
        let mut check = validator.table(name, &header);
        let mut rows = tables::rows(name, outcome);
        while let Some(row) = rows.next_row() {
            check.row(row);
        }
    }
    let violations = validator.finish();
    if violations.is_empty() {
        Ok(())
    } else {
        Err(EmitError::Invalid(violations.join("\n")))
    }
}

fn table_header(name: &str) -> Vec<String> {
    schema::schema(name)
        .map(|s| s.header().iter().map(|h| h.to_string()).collect())
        .unwrap_or_default()
}

/// A table to write: its name, the outcome its rows come from, and whether its file starts with
/// a byte order mark.
struct Table<'o> {
    name: &'static str,
    outcome: &'o Outcome,
    bom: bool,
}

/// Writes one table as CSV (UTF-8, comma, `\n` line ends, quotes only where needed), checking
/// each row as it goes and passing it on to `rows`. A spreadsheet-facing report gets its risky
/// cells neutralised and, when asked, a byte order mark; the check and the database see the
/// exact values.
fn write_table(
    path: &Path,
    table: &Table<'_>,
    validator: &mut Validator,
    rows: &mut pipe::RowSender,
) -> io::Result<()> {
    let Table { name, outcome, bom } = *table;
    let header = table_header(name);
    let mut file = File::create(path)?;
    if bom {
        file.write_all(report::csv::BOM)?;
    }
    let spreadsheet = report::csv::is_report(name);
    let mut wtr = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .buffer_capacity(CSV_BUFFER)
        .from_writer(file);
    wtr.write_record(&header)?;
    let mut check = validator.table(name, &header);
    let mut built = tables::rows(name, outcome);
    while let Some(row) = built.next_row() {
        check.row(row);
        rows.push(name, row);
        if spreadsheet {
            wtr.write_record(report::csv::report_cells(&header, row.cells()))?;
        } else {
            wtr.write_record(row.cells())?;
        }
    }
    rows.end(name);
    wtr.into_inner().map_err(|e| e.into_error())?.sync_all()
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
