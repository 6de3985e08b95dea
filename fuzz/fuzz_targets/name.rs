//! Arbitrary UTF-8 through the name parser and the match keys.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rehab::normalize::names;

fuzz_target!(|text: &str| {
    let _ = names::parse(text, None);
    let _ = names::given_name_key(text);
    let _ = names::surname_root_key(text);
    let _ = names::text_key(text);
    let mut parts = text.splitn(3, ',');
    let (s, g, p) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    let _ = names::from_parts(s, g, p, None);
});
