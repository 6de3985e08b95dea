//! Caps on the work one input file may cause, shared by every format (delimited text has a few
//! more of its own in `delimited::records`).
//!
//! Each cap is reported when it is reached: a value past [`MAX_CELL_BYTES`] rejects its row as
//! `value_too_long`; a file past a per-file cap is a file error in `run.json` and the log, and the
//! other sources go on.

/// The longest cell value read, in bytes of UTF-8 text; a longer one rejects its row.
pub const MAX_CELL_BYTES: usize = 64 * 1024;

/// What ends a cell cut at a cap in `rejects.csv`.
pub const CUT_MARK: &str = " [… cut]";

/// The most non-empty cells read from one workbook (all sheets together).
pub const MAX_CELLS_PER_FILE: u64 = 20_000_000;

/// The widest sheet read: Excel's own limit, column XFD.
pub const MAX_COLUMNS: u32 = 16_384;

/// The most bytes a workbook may expand to when unzipped (all its parts together).
pub const MAX_EXPANDED_BYTES: u64 = 1 << 30;

/// The longest stretch of a workbook's XML between two markup characters (a text or a tag):
/// a cell value of [`MAX_CELL_BYTES`] needs at most 7 bytes of XML per byte (`_x000D_`).
pub const MAX_XML_RUN_BYTES: u64 = 8 * MAX_CELL_BYTES as u64;

/// Whether a value is longer than a cell may be.
pub fn too_long(text: &str) -> bool {
    text.len() > MAX_CELL_BYTES
}

/// The text cut to [`MAX_CELL_BYTES`] (at a character boundary) followed by [`CUT_MARK`];
/// the text itself when it is short enough.
pub fn cut(text: &str) -> String {
    if !too_long(text) {
        return text.to_string();
    }
    let mut end = MAX_CELL_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{CUT_MARK}", &text[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_at_a_character_boundary_with_a_marker() {
        assert_eq!(cut("short"), "short");
        let long = "ж".repeat(MAX_CELL_BYTES);
        let cut = cut(&long);
        assert!(cut.ends_with(CUT_MARK));
        assert_eq!(cut.len(), MAX_CELL_BYTES + CUT_MARK.len());
    }
}
