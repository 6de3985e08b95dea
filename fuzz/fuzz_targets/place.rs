//! Arbitrary UTF-8 through place resolution, without and with a year.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehab::normalize::places::Gazetteer;

fuzz_target!(|text: &str| {
    let g = Gazetteer::builtin();
    let _ = g.resolve(text);
    let _ = g.resolve_in_year(text, 1937);
});
