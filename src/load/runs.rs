//! The `runs` row of a load, read from the folder's `run.json`.

use super::LoadError;
use sha2::{Digest, Sha256};
use std::path::Path;

/// What `runs` records of one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRow {
    /// SHA-256 of `run.json`, hex.
    pub run_sha256: String,
    /// When the run started (RFC 3339).
    pub started: String,
    /// The `rehab` version that made the outputs.
    pub version: String,
    /// SHA-256 of each source's name and SHA-256, one `name\tsha256\n` line each, hex.
    pub input_sha256: String,
    /// Totals: input rows, mentions, rejects, persons, decisions.
    pub totals: [i32; 5],
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl RunRow {
    /// Reads `run.json` of the output folder.
    pub fn read(output: &Path) -> Result<RunRow, LoadError> {
        let path = output.join("run.json");
        let folder = |message: String| LoadError::Folder {
            path: path.clone(),
            message,
        };
        let bytes = std::fs::read(&path).map_err(|e| folder(format!("cannot read: {e}")))?;
        let json: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| folder(format!("not JSON: {e}")))?;
        let text = |key: &str| {
            json[key]
                .as_str()
                .map(str::to_string)
                .ok_or_else(|| folder(format!("no {key}")))
        };
        let mut inputs = Sha256::new();
        for source in json["sources"].as_array().into_iter().flatten() {
            let name = source["name"].as_str().unwrap_or_default();
            let sha = source["detected"]["sha256"].as_str().unwrap_or_default();
            inputs.update(format!("{name}\t{sha}\n").as_bytes());
        }
        let mut totals = [0; 5];
        for (slot, key) in
            totals
                .iter_mut()
                .zip(["rows", "mentions", "rejects", "persons", "decisions"])
        {
            let n = json["totals"][key].as_u64();
            *slot = n
                .and_then(|n| i32::try_from(n).ok())
                .ok_or_else(|| folder(format!("totals.{key} is not a count")))?;
        }
        Ok(RunRow {
            run_sha256: hex(&Sha256::digest(&bytes)),
            started: text("started")?,
            version: text("version")?,
            input_sha256: hex(&inputs.finalize()),
            totals,
        })
    }

    /// Adds the run to `runs` unless it is there (a reload of one folder adds nothing); returns
    /// whether it was added. `written` is the rows the load inserted, updated and deleted.
    pub fn insert(
        &self,
        tx: &mut postgres::Transaction<'_>,
        schema: &str,
        written: (u64, u64, u64),
    ) -> Result<bool, postgres::Error> {
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        let [rows, mentions, rejects, persons, decisions] = self.totals;
        let added = tx.execute(
            &format!(
                "INSERT INTO {schema}.runs (run_sha256, started, rehab_version, input_sha256, \
                 input_rows, mentions, rejects, persons, decisions, rows_inserted, rows_updated, \
                 rows_deleted) \
                 VALUES ($1, $2::text::timestamptz, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
                 ON CONFLICT (run_sha256) DO NOTHING"
            ),
            &[
                &self.run_sha256,
                &self.started,
                &self.version,
                &self.input_sha256,
                &rows,
                &mentions,
                &rejects,
                &persons,
                &decisions,
                &count(written.0),
                &count(written.1),
                &count(written.2),
            ],
        )?;
        Ok(added == 1)
    }
}
