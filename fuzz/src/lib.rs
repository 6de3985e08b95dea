//! What the ingest fuzz targets share: bytes written to a file, opened as a source, every row
//! read and every record normalised, as `rehab run` does.

use rehab::ingest::{self, config::SourceConfig};
use rehab::normalize::Normalizer;

/// Writes `bytes` to a file called `name` in a fresh temporary folder, opens it as a source and
/// normalises every record it yields. Errors are expected; panics, hangs and runaway memory are
/// what the fuzzer looks for.
pub fn ingest_bytes(bytes: &[u8], name: &str) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join(name);
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let Ok(source) = ingest::open(&path, &SourceConfig::default()) else {
        return;
    };
    let norm = Normalizer::new();
    for row in source.rows {
        if let Ok(record) = row {
            let _ = norm.record(&record);
        }
    }
}
