//! Stage 5: validated outputs, written into a staging folder and swapped in as a whole.

pub mod atomic;
pub mod datapackage;
pub mod persons;
pub mod review;
pub mod runinfo;
pub mod schema;
pub mod tables;

use crate::pipeline::Outcome;
use schema::Validator;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

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
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> EmitError + '_ {
    move |source| EmitError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes the four CSVs, `datapackage.json` and `run.json` into `target`, replacing it whole
/// once every table validates against its schema.
pub fn write_outputs(
    outcome: &Outcome,
    target: &Path,
    run: &runinfo::RunInfo,
) -> Result<(), EmitError> {
    let staging = atomic::Staging::new(target).map_err(io_err(target))?;
    let mut validator = Validator::new(MAX_VIOLATIONS);
    for name in tables::TABLE_ORDER {
        let path = staging.path().join(format!("{name}.csv"));
        write_table(&path, name, outcome, &mut validator).map_err(io_err(&path))?;
    }
    let violations = validator.finish();
    if !violations.is_empty() {
        return Err(EmitError::Invalid(violations.join("\n")));
    }
    let review_path = staging.path().join("review.csv");
    let review_header = review::HEADER.map(String::from);
    write_csv(&review_path, &review_header, &review::rows(outcome))
        .map_err(io_err(&review_path))?;
    let package = staging.path().join("datapackage.json");
    write_file(&package, datapackage::datapackage_json().as_bytes()).map_err(io_err(&package))?;
    let run_json = staging.path().join("run.json");
    write_file(&run_json, runinfo::run_json(outcome, run).as_bytes()).map_err(io_err(&run_json))?;
    staging.commit().map_err(io_err(target))
}

/// Writes one table as CSV (UTF-8, comma, `\n` line ends, quotes only where needed), checking
/// each row as it goes.
fn write_table(
    path: &Path,
    name: &str,
    outcome: &Outcome,
    validator: &mut Validator,
) -> io::Result<()> {
    let header: Vec<String> = schema::schema(name)
        .map(|s| s.header().iter().map(|h| h.to_string()).collect())
        .unwrap_or_default();
    let file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    let mut wtr = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(file);
    wtr.write_record(&header)?;
    let mut check = validator.table(name, &header);
    for row in tables::rows(name, outcome) {
        check.row(&row);
        wtr.write_record(&row)?;
    }
    let file = wtr.into_inner().map_err(|e| e.into_error())?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Writes a CSV file: UTF-8, comma, `\n` line ends, quotes only where needed.
pub fn write_csv(path: &Path, header: &[String], rows: &[Vec<String>]) -> io::Result<()> {
    let file = BufWriter::new(File::create(path)?);
    let mut wtr = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(file);
    wtr.write_record(header)?;
    for row in rows {
        wtr.write_record(row)?;
    }
    let file = wtr.into_inner().map_err(|e| e.into_error())?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
