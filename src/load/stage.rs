//! Staging: each file of the output folder is copied as it is into a temporary table of the
//! load's transaction with `COPY ... FROM STDIN (FORMAT csv)`, streamed, so memory does not grow
//! with the folder. The server parses the values: a cell that is not of its column's type fails
//! the COPY, and with it the load.

use super::LoadError;
use super::tables::{Key, ROW_KEY, Table, ident, idents};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

/// Read buffer of a file streamed to the server.
const BUFFER: usize = 1 << 20;

/// The temporary table a file is staged in.
pub fn stage_name(table: &Table) -> String {
    ident(&format!("rehab_stage_{}", table.name))
}

/// Checks that every file the load reads is in the folder with the header its table expects,
/// before anything is sent to the server.
pub fn check_files(output: &Path, tables: &[Table]) -> Result<(), LoadError> {
    for table in tables {
        let path = output.join(table.file);
        let (header, _) = open(&path)?;
        if header != table.header() {
            return Err(LoadError::Folder {
                path,
                message: format!(
                    "the header is {header:?}, not the {:?} of its Table Schema: not an output \
                     of this rehab",
                    table.header()
                ),
            });
        }
    }
    Ok(())
}

/// Opens a file and reads its header line (a UTF-8 byte order mark and the line end taken off);
/// the reader is left at the first data row.
fn open(path: &Path) -> Result<(String, BufReader<File>), LoadError> {
    let folder = |message: String| LoadError::Folder {
        path: path.to_path_buf(),
        message,
    };
    let file = File::open(path).map_err(|e| folder(format!("cannot open: {e}")))?;
    let mut reader = BufReader::with_capacity(BUFFER, file);
    let mut line = Vec::new();
    reader
        .read_until(b'\n', &mut line)
        .map_err(|e| folder(format!("cannot read: {e}")))?;
    let text = String::from_utf8(line).map_err(|_| folder("the header is not UTF-8".into()))?;
    let header = text
        .trim_start_matches('\u{feff}')
        .trim_end_matches(['\r', '\n']);
    Ok((header.to_string(), reader))
}

/// Creates the table's staging table and copies its file into it; a table without a key of its
/// own gets its [`ROW_KEY`] computed on the server. Returns the rows staged.
pub fn copy(
    tx: &mut postgres::Transaction<'_>,
    output: &Path,
    table: &Table,
    schema: &str,
) -> Result<u64, LoadError> {
    let path = output.join(table.file);
    let failed = |step: String| {
        move |e: postgres::Error| LoadError::Load {
            schema: schema.to_string(),
            step,
            message: super::describe_error(&e),
        }
    };
    let stage = stage_name(table);
    let raw = match table.key {
        Key::Columns(_) => stage.clone(),
        Key::RowHash => ident(&format!("rehab_stage_raw_{}", table.name)),
    };
    let columns: Vec<String> = table
        .columns
        .iter()
        .map(|c| format!("{} {}", ident(&c.name), c.sql_type))
        .collect();
    tx.batch_execute(&format!(
        "CREATE TEMP TABLE {raw} ({}) ON COMMIT DROP",
        columns.join(", ")
    ))
    .map_err(failed(format!(
        "creating the staging table of {}",
        table.file
    )))?;
    let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
    let not_null = match &table.key {
        Key::Columns(key) => format!(", FORCE_NOT_NULL ({})", idents(key, "")),
        Key::RowHash => String::new(),
    };
    let sql = format!(
        "COPY {raw} ({}) FROM STDIN WITH (FORMAT csv, HEADER true{not_null})",
        idents(&names, "")
    );
    let what = format!("COPY {} (line 1 is its header)", path.display());
    let rows = stream(tx, &path, &sql).map_err(|e| match e {
        Streamed::Db(e) => failed(what.clone())(e),
        Streamed::Io(e) => LoadError::Load {
            schema: schema.to_string(),
            step: what.clone(),
            message: e.to_string(),
        },
        Streamed::Folder(e) => e,
    })?;
    if table.key == Key::RowHash {
        tx.batch_execute(&format!(
            "CREATE TEMP TABLE {stage} ON COMMIT DROP AS
             SELECT r.*, md5(ROW(r.*)::text) || '#'
                    || row_number() OVER (PARTITION BY md5(ROW(r.*)::text)) AS {}
             FROM {raw} r",
            ident(ROW_KEY)
        ))
        .map_err(failed(format!("keying the rows of {}", table.file)))?;
    }
    tx.batch_execute(&format!("ANALYZE {stage}"))
        .map_err(failed(format!("analysing the rows of {}", table.file)))?;
    Ok(rows)
}

/// What went wrong while streaming a file.
enum Streamed {
    Db(postgres::Error),
    Io(std::io::Error),
    Folder(LoadError),
}

/// Sends the header line and the rest of the file to the server's `COPY`.
fn stream(tx: &mut postgres::Transaction<'_>, path: &Path, sql: &str) -> Result<u64, Streamed> {
    let (header, mut reader) = open(path).map_err(Streamed::Folder)?;
    let mut writer = tx.copy_in(sql).map_err(Streamed::Db)?;
    let sent = writer
        .write_all(header.as_bytes())
        .and_then(|()| writer.write_all(b"\n"))
        .and_then(|()| copy_all(&mut reader, &mut writer));
    match sent {
        // The server's own error, when it gave one, says more than the broken pipe.
        Err(io) => Err(writer.finish().err().map_or(Streamed::Io(io), Streamed::Db)),
        Ok(()) => writer.finish().map_err(Streamed::Db),
    }
}

fn copy_all(reader: &mut impl Read, writer: &mut impl Write) -> std::io::Result<()> {
    std::io::copy(reader, writer).map(|_| ())
}
