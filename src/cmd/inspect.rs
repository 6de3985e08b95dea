//! `rehab inspect FILE`: what ingest detects in one source, for checking it before a nightly run.

use super::Status;
use rehab::emit::runinfo::info_json;
use rehab::ingest::{self, SourceInfo, config::Config};
use rehab::model::RawRecord;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Arguments of `rehab inspect`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  rehab inspect input/kz_commission_1251.csv --rows 3    what ingest reads in a new source")]
pub struct Args {
    /// The source file.
    pub file: PathBuf,
    /// TOML configuration whose overrides for this file apply.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Local additions folder.
    #[command(flatten)]
    pub data: super::DataDir,
    /// How many data rows to show.
    #[arg(long, default_value_t = 5)]
    pub rows: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Prints what ingest detected and the first rows as parsed.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let config = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    args.data.put_in_force(&config)?;
    let source = ingest::open(&args.file, &config.source(&ingest::source_name(&args.file)))?;
    let rows: Vec<_> = source.rows.take(args.rows).collect();
    if args.json {
        let shown: Vec<serde_json::Value> = rows.iter().map(row_json).collect();
        let mut doc = info_json(&source.info);
        if let Some(obj) = doc.as_object_mut() {
            obj.insert("name".into(), source.info.name.clone().into());
            obj.insert("rows".into(), shown.into());
        }
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        print!("{}", describe(&source.info));
        for row in &rows {
            print!("{}", describe_row(row));
        }
    }
    Ok(Status::Success)
}

fn describe(info: &SourceInfo) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "source:     {}", info.name);
    let _ = writeln!(out, "format:     {:?}", info.format);
    if let Some(enc) = &info.encoding {
        let bom = if info.bom { " (with BOM)" } else { "" };
        let _ = writeln!(out, "encoding:   {enc}{bom}");
    }
    if let Some(d) = info.dialect {
        let _ = writeln!(
            out,
            "delimiter:  {}  quote: {}",
            d.delimiter_name(),
            d.quote as char
        );
    }
    if let Some(sheet) = &info.sheet {
        let _ = writeln!(
            out,
            "sheet:      {sheet} (of {})",
            info.sheets
                .iter()
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let _ = match info.header_rows {
        1 => writeln!(out, "header row: {}", info.header_row),
        n => writeln!(
            out,
            "header rows: {}-{} (group cells over sub-headers)",
            info.header_row + 1 - n,
            info.header_row
        ),
    };
    let lang = info.lang.map(|l| l.code()).unwrap_or("unknown");
    let _ = writeln!(out, "language:   {lang}");
    let _ = writeln!(out, "columns:");
    for c in &info.columns {
        let field = c.field.map(|f| f.name()).unwrap_or("(kept as extra)");
        let sure = c.reading.confidence.name();
        let _ = writeln!(out, "  {:>3}  {:<36} → {field} [{sure}]", c.col, c.header);
        let _ = writeln!(out, "       {}", c.reading.basis);
        if c.reading.profile.values > 0 {
            let _ = writeln!(out, "       values: {}", evidence(&c.reading.profile));
        }
    }
    out
}

/// The profile of a column's values in one line.
fn evidence(p: &rehab::ingest::layout::profile::Profile) -> String {
    let share = |x: f32| format!("{:.0}%", x * 100.0);
    format!(
        "{} looked at, {} distinct; dates {}, years {}, places {}, names {}, codes {}",
        p.values,
        share(p.unique),
        share(p.dates),
        share(p.years),
        share(p.places),
        share(p.names),
        share(p.codes)
    )
}

fn describe_row(row: &Result<RawRecord, rehab::model::Reject>) -> String {
    let mut out = String::new();
    match row {
        Ok(rec) => {
            let _ = writeln!(out, "row {} (record {}):", rec.prov.row, rec.prov.record_id);
            for (field, v) in &rec.fields {
                let typed = v.typed.map(|t| format!("  [{t:?}]")).unwrap_or_default();
                let _ = writeln!(out, "  {:<18} {:?}{typed}", field.name(), v.text);
            }
            for v in rec.extra.iter().filter(|v| !v.text.is_empty()) {
                let _ = writeln!(out, "  {:<18} {:?}", format!("[{}]", v.column), v.text);
            }
        }
        Err(reject) => {
            let _ = writeln!(
                out,
                "REJECTED ({}): {}",
                reject.reason.code(),
                reject.message
            );
        }
    }
    out
}

fn row_json(row: &Result<RawRecord, rehab::model::Reject>) -> serde_json::Value {
    match row {
        Ok(rec) => {
            let fields: serde_json::Map<String, serde_json::Value> = rec
                .fields
                .iter()
                .map(|(f, v)| (f.name().to_string(), v.text.clone().into()))
                .collect();
            serde_json::json!({"row": rec.prov.row, "record_id": rec.prov.record_id, "fields": fields})
        }
        Err(r) => {
            serde_json::json!({"row": r.prov.row, "reject": r.reason.code(), "message": r.message})
        }
    }
}
