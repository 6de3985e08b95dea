//! What the benchmarks share: a fixed-seed random source, so every run reads the same texts, and
//! the Russian month names in the genitive.

#![allow(dead_code)]

/// The seed every benchmark starts from.
pub const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Russian month names in the genitive (`3 сентября`).
pub const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// Xorshift64: fast, deterministic, good enough to vary benchmark inputs.
pub struct XorShift(pub u64);

impl XorShift {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}
