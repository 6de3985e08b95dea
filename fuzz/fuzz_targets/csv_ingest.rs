//! Arbitrary bytes as a delimited file: opened, every row read and every record normalised.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    rehab_fuzz::ingest_bytes(bytes, "source.csv");
});
