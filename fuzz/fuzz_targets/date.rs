//! Arbitrary UTF-8 through the date parser, in every language and as a cell.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehab::model::Lang;
use rehab::normalize::dates;

fuzz_target!(|text: &str| {
    let _ = dates::parse(text, None);
    let _ = dates::parse(text, Some(Lang::Ru));
    let _ = dates::parse_cell(text, None, Some(Lang::Kk));
});
