//! The zip container of a workbook, checked before any part of it is parsed.
//!
//! A workbook is refused when the sizes its central directory declares add up to more than
//! [`MAX_EXPANDED_BYTES`]; since those sizes can lie, every part is then unzipped once, streaming
//! through a small buffer, counting the bytes it really expands to and measuring the longest
//! stretch of XML without markup (a text or a tag). The parser never sees a workbook whose parts
//! are larger, or a single value whose XML is longer than [`MAX_XML_RUN_BYTES`], so the memory
//! and time spent on one workbook are bounded whatever its compression ratio.

use super::WorkbookError;
use crate::ingest::limits::{MAX_CELL_BYTES, MAX_EXPANDED_BYTES, MAX_XML_RUN_BYTES};
use std::io::{Cursor, Read};

mod refs;

/// Whether the bytes are a zip archive, wherever its signature stands: the archive is found from
/// its end, so bytes put before it do not hide it from the caps.
pub fn is_zip(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok()
}

/// Checks the expanded size of a zipped workbook, the longest run of its XML and the cell
/// references of its worksheets.
pub fn check(bytes: &[u8]) -> Result<(), WorkbookError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(corrupt)?;
    let declared = declared_size(&mut archive)?;
    if declared > MAX_EXPANDED_BYTES {
        return Err(too_large(declared));
    }
    let mut expanded = 0u64;
    for i in 0..archive.len() {
        let part = archive.by_index(i).map_err(corrupt)?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let mut measured = Measured::new(part, &name, expanded);
        let references = if is_worksheet(&name) {
            refs::check(&mut measured, &name)
        } else {
            Ok(())
        };
        let drained = std::io::copy(&mut measured, &mut std::io::sink());
        if let Some(cap) = measured.exceeded.take() {
            return Err(cap);
        }
        if let Some(broken) = measured.broken.take() {
            return Err(corrupt(format!("{name}: {broken}")));
        }
        drained.map_err(|e| corrupt(format!("{name}: {e}")))?;
        references?;
        expanded = measured.expanded;
    }
    Ok(())
}

/// A part of the workbook read through the caps: it counts the bytes the whole workbook has
/// expanded to and measures the longest run of XML, and stops with an error past either cap. A
/// read that failed (a corrupt deflate stream) fails again on every later read, so neither the
/// reference check nor the final drain can take a broken part for a short one.
struct Measured<'a, R> {
    inner: R,
    name: &'a str,
    xml: bool,
    expanded: u64,
    scan: RunScan,
    exceeded: Option<WorkbookError>,
    broken: Option<String>,
}

impl<'a, R: Read> Measured<'a, R> {
    fn new(inner: R, name: &'a str, expanded: u64) -> Self {
        Measured {
            inner,
            name,
            xml: is_xml(name),
            expanded,
            scan: RunScan::default(),
            exceeded: None,
            broken: None,
        }
    }

    fn cap_reached(&self) -> Option<WorkbookError> {
        if self.expanded > MAX_EXPANDED_BYTES {
            return Some(too_large(self.expanded));
        }
        if self.xml && self.scan.longest > MAX_XML_RUN_BYTES {
            return Some(WorkbookError::TooLarge(format!(
                "{} holds a value or tag of more than {MAX_XML_RUN_BYTES} bytes of XML; \
                 a cell may hold at most {MAX_CELL_BYTES} bytes",
                self.name
            )));
        }
        None
    }
}

impl<R: Read> Read for Measured<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.exceeded.is_some() {
            return Err(std::io::Error::other("a cap on the workbook was reached"));
        }
        if let Some(broken) = &self.broken {
            return Err(std::io::Error::other(broken.clone()));
        }
        let n = self
            .inner
            .read(buf)
            .inspect_err(|e| self.broken = Some(e.to_string()))?;
        self.expanded += n as u64;
        self.scan.feed(&buf[..n]);
        if let Some(cap) = self.cap_reached() {
            self.exceeded = Some(cap);
            return Err(std::io::Error::other("a cap on the workbook was reached"));
        }
        Ok(n)
    }
}

fn declared_size(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<u64, WorkbookError> {
    let mut total = 0u64;
    for i in 0..archive.len() {
        total = total.saturating_add(archive.by_index(i).map_err(corrupt)?.size());
    }
    Ok(total)
}

fn is_worksheet(name: &str) -> bool {
    name.starts_with("xl/worksheets/") && name.ends_with(".xml")
}

fn is_xml(name: &str) -> bool {
    name.ends_with(".xml") || name.ends_with(".rels")
}

fn corrupt(e: impl std::fmt::Display) -> WorkbookError {
    WorkbookError::Unreadable(format!("corrupt or unreadable workbook: {e}"))
}

fn too_large(bytes: u64) -> WorkbookError {
    WorkbookError::TooLarge(format!(
        "the workbook expands to more than {MAX_EXPANDED_BYTES} bytes when unzipped \
         ({bytes} bytes or more)"
    ))
}

/// The longest run of bytes between two `<` (a CDATA section or a comment counts whole).
#[derive(Default)]
struct RunScan {
    run: u64,
    longest: u64,
    tail: u128,
    closing: Option<u32>,
}

const CDATA_OPEN: &[u8] = b"<![CDATA[";
const COMMENT_OPEN: &[u8] = b"<!--";

impl RunScan {
    /// Feeds the next bytes; returns the longest run so far.
    fn feed(&mut self, bytes: &[u8]) -> u64 {
        for &b in bytes {
            self.tail = (self.tail << 8) | u128::from(b);
            self.run += 1;
            match self.closing {
                Some(end) if self.tail as u32 & 0xff_ffff == end => self.closing = None,
                Some(_) => {}
                None if b == b'<' => self.run = 0,
                None if b == b'[' && ends_with(self.tail, CDATA_OPEN) => {
                    self.closing = Some(pack(b"]]>"))
                }
                None if b == b'-' && ends_with(self.tail, COMMENT_OPEN) => {
                    self.closing = Some(pack(b"-->"))
                }
                None => {}
            }
            self.longest = self.longest.max(self.run);
        }
        self.longest
    }
}

fn pack(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0, |acc, &b| (acc << 8) | u32::from(b))
}

fn ends_with(tail: u128, pattern: &[u8]) -> bool {
    let value = pattern
        .iter()
        .fold(0u128, |acc, &b| (acc << 8) | u128::from(b));
    let mask = (1u128 << (8 * pattern.len())) - 1;
    tail & mask == value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_measured_between_markup_and_across_cdata() {
        let mut scan = RunScan::default();
        assert_eq!(scan.feed(b"<t>abcd</t><t>ab</t>"), 6);
        let mut scan = RunScan::default();
        let long = scan.feed(b"<t><![CDATA[<<<<<<<<<<<<<<<<<<<<<<]]></t>");
        assert!(long > 30, "{long}");
    }
}
