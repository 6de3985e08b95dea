//! Tests of the date reader.

use super::*;

#[test]
fn smoke() {
    for t in [
        "25.12.1890",
        "27 дек. 1941 г.",
        "1930-е гг.",
        "13 (25) декабря 1890",
        "нач. 1920-х",
    ] {
        println!("{t:?} => {:?}", parse(t, None));
    }
}
