//! Stage 1: files → raw rows with provenance.
//!
//! Every file in the input folder is a source. Ingest detects its format, encoding, delimiter,
//! sheet and header row, maps its columns to canonical fields through the header dictionary, and
//! streams its data rows as [`RawRecord`](crate::model::RawRecord)s or rejects.

pub mod config;
pub mod delimited;
pub mod encoding;
pub mod headers;
pub mod layout;
pub mod limits;
pub mod table;
pub mod xlsx;

use crate::model::Lang;
use config::SourceConfig;
use delimited::{DelimitedRows, Dialect};
use headers::HEADER_SEARCH_ROWS;
use layout::profile::PROFILE_ROWS;
use layout::{ColumnMap, Layout, LayoutError};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use table::{RecordBuilder, RowOutcome};

/// The container format of a source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Delimited text.
    Csv,
    /// A spreadsheet workbook.
    Xlsx,
}

/// What ingest detected (or was told) about one source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceInfo {
    /// The file name: the source's name.
    pub name: String,
    /// The container format.
    pub format: Format,
    /// The text encoding of a delimited file.
    pub encoding: Option<String>,
    /// Whether a delimited file began with a byte-order mark.
    pub bom: bool,
    /// The dialect of a delimited file.
    pub dialect: Option<Dialect>,
    /// The sheet read from a workbook (the first one, when several are).
    pub sheet: Option<String>,
    /// Every sheet of a workbook: its source name when read, else why it was not.
    pub sheets: Vec<xlsx::SheetInfo>,
    /// The 1-based row of the header (its last row, when it spans two).
    pub header_row: u64,
    /// How many rows the header spans: 1, or 2 for group cells over sub-headers.
    pub header_rows: u64,
    /// How each column maps to a canonical field.
    pub columns: Vec<ColumnMap>,
    /// The source's language, configured or guessed from its headers.
    pub lang: Option<Lang>,
    /// File size in bytes.
    pub bytes: u64,
    /// SHA-256 of the file, in hex.
    pub sha256: String,
    /// Problems with the file as a whole that do not stop it being read (two columns mapped to
    /// one field, ...).
    pub warnings: Vec<String>,
}

/// An opened source: what was detected, and its data rows.
pub struct Source {
    /// What ingest detected.
    pub info: SourceInfo,
    /// The data rows, each a raw record or a reject.
    pub rows: Box<dyn Iterator<Item = RowOutcome> + Send>,
}

/// Why a whole file could not be read as a source.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read from disk.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file's extension names no format ingest reads.
    #[error(
        "{path}: unsupported format {ext:?}: sources are .csv, .tsv, .txt, .xlsx, .xlsm or .xls"
    )]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// Its extension.
        ext: String,
    },
    /// The bytes could not be decoded.
    #[error("{path}: {source}")]
    Encoding {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: encoding::EncodingError,
    },
    /// The workbook could not be read.
    #[error("{path}: {source}")]
    Workbook {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: xlsx::WorkbookError,
    },
    /// No row looks like a header.
    #[error(
        "{path}: no recognisable header row in the first {HEADER_SEARCH_ROWS} rows; add its \
         headers to headers.csv in the local additions folder (--data-dir, or data_dir in the \
         configuration), or set `header_row` and `columns` for this source in the configuration"
    )]
    NoHeader {
        /// The file.
        path: PathBuf,
    },
    /// The header was read but no column holds names, so no row could be linked.
    #[error(
        "{path}: no column holds names (full name, surname or given name); map one with \
         `columns` in the configuration. The columns as read: {columns}"
    )]
    NoNameColumn {
        /// The file.
        path: PathBuf,
        /// Each column with its reading.
        columns: String,
    },
    /// The configured header row is past the end of the file.
    #[error("{path}: configured header_row {row} is past the end of the file")]
    HeaderPastEnd {
        /// The file.
        path: PathBuf,
        /// The configured row.
        row: usize,
    },
}

/// The source files of an input folder, sorted by name. A symbolic link is followed: to a file it
/// is a source; one that leads nowhere (dangling, or a loop) is listed too, so that reading it
/// fails as a file-level error. Subfolders, hidden files (`.name`) and other entries are not read;
/// each is named in the log and listed with the reason.
pub fn list_sources(dir: &Path) -> std::io::Result<Listing> {
    let mut listing = Listing::default();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(reason) = not_read(&name, &entry.path()) else {
            listing.files.push(entry.path());
            continue;
        };
        if reason == HIDDEN {
            tracing::info!("{name}: {reason}, not read");
        } else {
            tracing::warn!("{name}: {reason}, not read");
        }
        listing.skipped.push((name, reason.to_string()));
    }
    listing.files.sort();
    listing.skipped.sort();
    Ok(listing)
}

const HIDDEN: &str = "hidden file";

/// Why an entry of the input folder is not read as a source, if it is not.
fn not_read(name: &str, path: &Path) -> Option<&'static str> {
    if name.starts_with('.') {
        return Some(HIDDEN);
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Some("folder"),
        Ok(meta) if !meta.is_file() => Some("not a regular file"),
        _ => None,
    }
}

/// The entries of an input folder: the files read as sources, and the others with the reason.
#[derive(Debug, Default)]
pub struct Listing {
    /// Regular files and links to them, sorted.
    pub files: Vec<PathBuf>,
    /// Entries not read (`folder`, `hidden file`, `not a regular file`), by name.
    pub skipped: Vec<(String, String)>,
}

/// The source name of a file: its file name.
pub fn source_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Opens a source file with the given overrides.
pub fn open(path: &Path, cfg: &SourceConfig) -> Result<Source, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ctx = OpenContext {
        path,
        cfg,
        sha256: hex_sha256(&bytes),
        bytes: bytes.len() as u64,
    };
    match ext.as_str() {
        "csv" | "tsv" | "txt" => open_delimited(bytes, ctx),
        "xlsx" | "xlsm" | "xls" => open_workbook(bytes, ctx),
        _ => Err(IngestError::Unsupported {
            path: path.to_path_buf(),
            ext,
        }),
    }
}

struct OpenContext<'a> {
    path: &'a Path,
    cfg: &'a SourceConfig,
    sha256: String,
    bytes: u64,
}

impl OpenContext<'_> {
    /// Reads the layout of a table from its leading rows: the configured header row, or the
    /// one (or two) found, and every column's reading.
    fn layout(&self, rows: &[Vec<String>]) -> Result<Layout, IngestError> {
        let header_row = match self.cfg.header_row {
            Some(row) if row <= rows.len() => Some(row - 1),
            Some(row) => {
                return Err(IngestError::HeaderPastEnd {
                    path: self.path.to_path_buf(),
                    row,
                });
            }
            None => None,
        };
        let settings = layout::Settings {
            header_row,
            overrides: &self.cfg.columns,
            lang: self.cfg.language,
        };
        layout::detect(rows, &settings).map_err(|e| match e {
            LayoutError::NoHeader => IngestError::NoHeader {
                path: self.path.to_path_buf(),
            },
            LayoutError::NoName(columns) => IngestError::NoNameColumn {
                path: self.path.to_path_buf(),
                columns,
            },
        })
    }

    fn info(&self, format: Format, header_row: u64, layout: &Layout, col0: usize) -> SourceInfo {
        let mut columns = layout.columns.clone();
        columns.iter_mut().for_each(|c| c.col += col0 - 1);
        let name = source_name(self.path);
        let warnings = shared_field_warnings(&columns);
        for w in &warnings {
            tracing::warn!("{name}: {w}");
        }
        SourceInfo {
            name,
            format,
            encoding: None,
            bom: false,
            dialect: None,
            sheet: None,
            sheets: Vec::new(),
            header_row,
            header_rows: (layout.last - layout.first + 1) as u64,
            columns,
            lang: layout.lang,
            bytes: self.bytes,
            sha256: self.sha256.clone(),
            warnings,
        }
    }
}

/// A warning for every field that two or more columns map to.
fn shared_field_warnings(columns: &[ColumnMap]) -> Vec<String> {
    let mut warnings = Vec::new();
    for (i, c) in columns.iter().enumerate() {
        let Some(field) = c.field else { continue };
        if columns[..i].iter().any(|p| p.field == Some(field)) {
            continue;
        }
        let shared: Vec<String> = columns[i..]
            .iter()
            .filter(|o| o.field == Some(field))
            .map(|o| format!("{} ({:?})", o.col, o.header))
            .collect();
        if shared.len() > 1 {
            warnings.push(format!(
                "columns {} all map to {field}: in each row the first that holds a value gives \
                 {field}, the values of the others are kept in extra under their headers",
                shared.join(", ")
            ));
        }
    }
    warnings
}

fn open_delimited(bytes: Vec<u8>, ctx: OpenContext) -> Result<Source, IngestError> {
    let decoded = encoding::decode_owned(bytes, ctx.cfg.encoding).map_err(|source| {
        IngestError::Encoding {
            path: ctx.path.to_path_buf(),
            source,
        }
    })?;
    let dialect = delimited::detect_dialect(&decoded.text, ctx.cfg.delimiter);
    let wanted = HEADER_SEARCH_ROWS.max(ctx.cfg.header_row.unwrap_or(0)) + PROFILE_ROWS;
    let leading = delimited::leading_rows(&decoded.text, dialect, wanted);
    let cells: Vec<Vec<String>> = leading.iter().map(|r| r.cells.clone()).collect();
    let layout = ctx.layout(&cells)?;
    let header = &leading[layout.last];
    let mut info = ctx.info(Format::Csv, header.line, &layout, 1);
    info.encoding = Some(decoded.encoding.to_string());
    info.bom = decoded.bom;
    info.dialect = Some(dialect);
    let builder = RecordBuilder::new(&info.name, info.lang, info.columns.clone());
    let rows = DelimitedRows::new(decoded.text, dialect, header.next, builder, decoded.damaged);
    Ok(Source {
        info,
        rows: Box::new(rows),
    })
}

fn open_workbook(bytes: Vec<u8>, ctx: OpenContext) -> Result<Source, IngestError> {
    let workbook_error = |source| IngestError::Workbook {
        path: ctx.path.to_path_buf(),
        source,
    };
    let sheets = xlsx::read_workbook(bytes, ctx.cfg.sheet.as_deref()).map_err(workbook_error)?;
    let file = source_name(ctx.path);
    let mut notes = Vec::new();
    let mut opened: Vec<(SourceInfo, xlsx::SheetRows)> = Vec::new();
    let mut first_error = None;
    for sheet in sheets {
        let (name, outcome) = match sheet {
            xlsx::Sheet::Skipped { name, reason } => (name, Err(reason)),
            xlsx::Sheet::Read(cells) => {
                let name = cells.name.clone();
                match ctx.open_sheet(cells, &file, opened.is_empty()) {
                    Ok(sheet) => (name, Ok(sheet)),
                    Err(e) => {
                        let reason = sheet_skip_reason(&e);
                        first_error.get_or_insert(e);
                        (name, Err(reason))
                    }
                }
            }
        };
        notes.push(xlsx::SheetInfo {
            name,
            source: outcome.as_ref().ok().map(|(info, _)| info.name.clone()),
            header_row: outcome.as_ref().ok().map(|(info, _)| info.header_row),
            skipped: outcome.as_ref().err().cloned(),
        });
        opened.extend(outcome.ok());
    }
    let Some((first, _)) = opened.first() else {
        return Err(match (first_error, &ctx.cfg.sheet) {
            (Some(e), Some(_)) => e,
            _ => workbook_error(xlsx::WorkbookError::NoHeader(
                notes
                    .iter()
                    .map(|n| format!("{} ({})", n.name, n.skipped.as_deref().unwrap_or("")))
                    .collect(),
            )),
        });
    };
    let mut info = first.clone();
    info.sheets = notes;
    for (sheet, _) in &opened[1..] {
        tracing::info!(
            "{}: sheet {:?} read as source {:?}",
            file,
            sheet.sheet.as_deref().unwrap_or(""),
            sheet.name
        );
    }
    for note in info.sheets.iter().filter(|n| n.skipped.is_some()) {
        tracing::warn!(
            "{file}: sheet {:?} not read: {}",
            note.name,
            note.skipped.as_deref().unwrap_or("")
        );
    }
    Ok(Source {
        info,
        rows: Box::new(opened.into_iter().flat_map(|(_, rows)| rows)),
    })
}

/// Why a sheet of a workbook was not read, from the error of reading it alone.
fn sheet_skip_reason(e: &IngestError) -> String {
    match e {
        IngestError::NoHeader { .. } => {
            format!("no recognisable header row in its first {HEADER_SEARCH_ROWS} rows")
        }
        IngestError::NoNameColumn { columns, .. } => {
            format!("no column holds names ({columns})")
        }
        IngestError::HeaderPastEnd { row, .. } => {
            format!("configured header_row {row} is past its end")
        }
        other => other.to_string(),
    }
}

impl OpenContext<'_> {
    /// Finds the header of one sheet and opens its data rows as a source.
    fn open_sheet(
        &self,
        cells: xlsx::SheetCells,
        file: &str,
        first: bool,
    ) -> Result<(SourceInfo, xlsx::SheetRows), IngestError> {
        let (first_row, first_col) = cells.origin().unwrap_or((1, 1));
        let wanted = HEADER_SEARCH_ROWS.max(self.cfg.header_row.unwrap_or(0)) + PROFILE_ROWS;
        let leading = xlsx::leading_texts(&cells, (first_row, first_col), wanted);
        let layout = self.layout(&leading)?;
        let header_row = u64::from(first_row) + layout.last as u64;
        let mut info = self.info(Format::Xlsx, header_row, &layout, first_col as usize);
        info.name = xlsx::sheet_source(file, &cells.name, first);
        info.sheet = Some(cells.name.clone());
        let builder = RecordBuilder::new(&info.name, info.lang, info.columns.clone());
        let rows = xlsx::SheetRows::new(cells, header_row, first_col, builder);
        Ok((info, rows))
    }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
