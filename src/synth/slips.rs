//! Deliberately impossible records: at a chosen rate, a person's life dates are made impossible
//! in one of the ways archive lists go wrong (born after the arrest, arrested as a young child,
//! rehabilitated before the arrest), in every source that mentions the person. The persons and
//! their slips are written to `slips.csv`, so that the checks can be measured against them.
//!
//! The draws come from the person's own stream, so a rate of zero changes nothing.

use chrono::{Datelike, NaiveDate};
use rand::RngExt;

use super::person::{Person, person_stream};

/// The person stream of the slips.
const SLIP_STREAM: u64 = 0x5119_0000_0000_0001;

/// The file of planted slips, beside `truth.csv`.
pub const FILE_NAME: &str = "slips.csv";

/// A kind of impossible record, named by the rule that must flag it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slip {
    /// Born three to ten years after the arrest.
    BirthAfterArrest,
    /// Arrested four to ten years after birth.
    ArrestUnder14,
    /// Rehabilitated three to eight years before the arrest.
    DecisionBeforeArrest,
}

impl Slip {
    /// Every kind, in the order they are drawn.
    pub const ALL: [Slip; 3] = [
        Slip::BirthAfterArrest,
        Slip::ArrestUnder14,
        Slip::DecisionBeforeArrest,
    ];

    /// The id of the rule that flags it.
    pub fn rule(self) -> &'static str {
        match self {
            Slip::BirthAfterArrest => "birth_after_arrest",
            Slip::ArrestUnder14 => "arrest_under_14",
            Slip::DecisionBeforeArrest => "decision_before_arrest",
        }
    }
}

/// With probability `rate`, makes the person's dates impossible by a slip of a drawn kind and
/// says which; otherwise leaves the person as drawn.
pub fn plant(person: &mut Person, rate: f64, seed: u64) -> Option<Slip> {
    if rate <= 0.0 {
        return None;
    }
    let mut rng = person_stream(seed, person, SLIP_STREAM);
    if !rng.random_bool(rate.clamp(0.0, 1.0)) {
        return None;
    }
    let slip = Slip::ALL[rng.random_range(0..Slip::ALL.len())];
    let year = person.arrest.year();
    let in_year = |y: i32, day: u32| NaiveDate::from_yo_opt(y, day).unwrap_or(person.arrest);
    let day = rng.random_range(1..=365);
    match slip {
        Slip::BirthAfterArrest => person.birth = in_year(year + rng.random_range(3..=10), day),
        Slip::ArrestUnder14 => person.birth = in_year(year - rng.random_range(4..=10), day),
        Slip::DecisionBeforeArrest => {
            person.rehab = in_year(year - rng.random_range(3..=8), day);
            person.rehab_again = None;
        }
    }
    Some(slip)
}
