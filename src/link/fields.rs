//! The compared fields of the linker and the agreement levels of each, declared once: a field's
//! name, its typed level set and the level names of `schemas/link_params.toml` all come from one
//! line of [`link_fields!`]. Levels are held compactly as indices (the order of the parameter
//! tables, "missing" after the last level) and read back through typed field handles.

use super::generic::MAX_GENERIC;
use std::marker::PhantomData;

/// The agreement levels of one field, in the order of the parameter tables: the agreeing levels
/// (never weighed against a match), the partial ones, and last the disagreeing one. "Missing"
/// follows them and is not a member.
pub(crate) trait LevelSet: Copy + Eq + 'static {
    /// The levels' names, as `schemas/link_params.toml` lists them.
    const NAMES: &'static [&'static str];
    /// Every level, in order.
    const ALL: &'static [Self];
    /// How many of the first levels agree.
    const AGREEING: usize;

    /// The compact index of the level.
    fn index(self) -> u8;

    /// The level's name.
    fn name(self) -> &'static str {
        Self::NAMES[usize::from(self.index())]
    }

    /// The level at a compact index; `None` for the missing index.
    fn from_index(index: u8) -> Option<Self> {
        Self::ALL.get(usize::from(index)).copied()
    }
}

/// Declares a level set: an enum of its levels with their names, grouped as agreeing, partial
/// and different.
macro_rules! level_set {
    (
        $(#[$doc:meta])* $name:ident {
            agree: [$($(#[$adoc:meta])* $agree:ident = $aname:literal),+ $(,)?],
            partial: [$($(#[$pdoc:meta])* $partial:ident = $pname:literal),* $(,)?],
            differ: $(#[$ddoc:meta])* $differ:ident = $dname:literal $(,)?
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum $name {
            $($(#[$adoc])* $agree,)+
            $($(#[$pdoc])* $partial,)*
            $(#[$ddoc])* $differ,
        }

        impl LevelSet for $name {
            const NAMES: &'static [&'static str] = &[$($aname,)+ $($pname,)* $dname];
            const ALL: &'static [Self] = &[$(Self::$agree,)+ $(Self::$partial,)* Self::$differ];
            const AGREEING: usize = [$(stringify!($agree)),+].len();

            fn index(self) -> u8 {
                self as u8
            }
        }
    };
}

level_set! {
    /// Levels of two surname keys.
    SurnameLevel {
        agree: [
            /// The same key.
            Exact = "exact",
        ],
        partial: [
            /// A close spelling.
            Close = "close",
            /// A similar spelling of longer keys: name evidence, weighed as a different one.
            Similar = "similar",
        ],
        differ: /// Another surname.
            Different = "different",
    }
}

level_set! {
    /// Levels of two given names or two fathers' names.
    GivenLevel {
        agree: [
            /// The same key.
            Exact = "exact",
        ],
        partial: [
            /// A close spelling.
            Close = "close",
            /// An initial that agrees with a full name.
            Initial = "initial",
        ],
        differ: /// Another name.
            Different = "different",
    }
}

level_set! {
    /// Levels of two birth dates.
    BirthLevel {
        agree: [
            /// Both known to the day, the same day.
            SameDay = "same day",
            /// The intervals overlap.
            Overlap = "overlap",
            /// Day dates exactly 12 or 13 days apart: one date in two calendars.
            Julian = "julian offset",
        ],
        partial: [
            /// Day dates with the same day and month, one year apart: a slip of the year.
            YearSlip = "year slip",
            /// Years at most one apart.
            OneYear = "one year off",
            /// Two dates known to the day, at most a year apart, that differ otherwise.
            DaysDiffer = "days differ",
        ],
        differ: /// Anything further.
            Far = "far",
    }
}

level_set! {
    /// Levels of two event dates (arrest, rehabilitation decision).
    EventLevel {
        agree: [
            /// Both known to the day, the same day.
            SameDay = "same day",
            /// The intervals overlap (a year beside a day of it).
            Overlap = "overlap",
        ],
        partial: [
            /// At most a month apart: one date with a clerk's slip.
            WithinMonth = "within a month",
        ],
        differ: /// Further apart.
            Far = "far",
    }
}

level_set! {
    /// Levels of two values that agree or not (birth place, nationality, case number, gender).
    Agreement {
        agree: [
            /// The same value.
            Agree = "agree",
        ],
        partial: [],
        differ: /// Another value.
            Differ = "differ",
    }
}

level_set! {
    /// Levels of the sources of two mentions. Two lists naming one person is what linkage
    /// expects, so mentions of different sources agree; one list rarely names a person twice.
    SourceLevel {
        agree: [
            /// The mentions come from different sources.
            DifferentSources = "different sources",
        ],
        partial: [],
        differ: /// The mentions come from one source.
            SameSource = "same source",
    }
}

level_set! {
    /// Levels of two sentences.
    SentenceLevel {
        agree: [
            /// The same sentence key.
            Agree = "agree",
        ],
        partial: [
            /// The same kind with another or no term (`camp:8`, `camp:10`).
            SameKind = "same kind",
        ],
        differ: /// Another kind.
            Differ = "differ",
    }
}

level_set! {
    /// Levels of two values of a generic comparison (see [`super::generic`]).
    GenericLevel {
        agree: [
            /// The same folded value.
            Exact = "exact",
        ],
        partial: [
            /// A close spelling (Jaro-Winkler at least 0.92) or a code one edit apart.
            Close = "close",
            /// A similar spelling (Jaro-Winkler at least 0.80) or a longer code two edits apart.
            Similar = "similar",
        ],
        differ: /// Another value.
            Different = "different",
    }
}

/// The index of a generic comparison's "missing" level.
pub(crate) const GENERIC_MISSING: u8 = GenericLevel::NAMES.len() as u8;

/// Number of distinct codes of a generic comparison (its levels plus missing).
const GENERIC_RADIX: u64 = GENERIC_MISSING as u64 + 1;

/// A field with the type of its levels: reads and writes of [`Levels`] through it are checked
/// by the compiler.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Field<L> {
    field: LinkField,
    levels: PhantomData<L>,
}

impl<L: LevelSet> Field<L> {
    /// The handle of a field.
    const fn new(field: LinkField) -> Self {
        Field {
            field,
            levels: PhantomData,
        }
    }
}

/// Declares the compared fields, in the fixed order of contributions and parameter tables: each
/// line gives the variant, the typed handle, the level set and the name.
macro_rules! link_fields {
    ($($(#[$doc:meta])* $variant:ident, $handle:ident: $levels:ty = $name:literal;)+) => {
        /// A compared field.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum LinkField {
            $($(#[$doc])* $variant,)+
        }

        impl LinkField {
            /// Every field, in order.
            pub(crate) const ALL: [LinkField; [$($name),+].len()] = [$(LinkField::$variant),+];

            /// The field's name, as contributions and `schemas/link_params.toml` write it.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(LinkField::$variant => $name,)+
                }
            }

            /// The names of the field's levels ("missing" not among them).
            pub(crate) fn level_names(self) -> &'static [&'static str] {
                match self {
                    $(LinkField::$variant => <$levels as LevelSet>::NAMES,)+
                }
            }

            /// How many of the field's first levels agree.
            fn agreeing(self) -> usize {
                match self {
                    $(LinkField::$variant => <$levels as LevelSet>::AGREEING,)+
                }
            }
        }

        $(
            #[doc = concat!("The `", $name, "` field with its typed levels.")]
            pub(crate) const $handle: Field<$levels> = Field::new(LinkField::$variant);
        )+
    };
}

link_fields! {
    /// Surname key.
    Surname, SURNAME: SurnameLevel = "surname";
    /// Given-name key.
    Given, GIVEN: GivenLevel = "given";
    /// Father's name key.
    Father, FATHER: GivenLevel = "father";
    /// Birth date.
    Birth, BIRTH: BirthLevel = "birth";
    /// Birth place.
    BirthPlace, BIRTH_PLACE: Agreement = "birth_place";
    /// Nationality.
    Nationality, NATIONALITY: Agreement = "nationality";
    /// Case number.
    CaseNumber, CASE_NUMBER: Agreement = "case_number";
    /// Inferred gender.
    Gender, GENDER: Agreement = "gender";
    /// Source list.
    Source, SOURCE: SourceLevel = "source";
    /// Arrest date.
    Arrest, ARREST: EventLevel = "arrest";
    /// Rehabilitation decision date.
    Decision, DECISION: EventLevel = "decision_date";
    /// Sentence.
    Sentence, SENTENCE: SentenceLevel = "sentence";
}

/// The index of the first level of every field: agreement without variation (exact, agree,
/// same day, different sources).
pub(crate) const EXACT: u8 = 0;

impl LinkField {
    /// Number of compared fields.
    pub(crate) const COUNT: usize = LinkField::ALL.len();

    /// The field's position in the parameter tables.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The index of the "missing" level.
    pub(crate) fn missing(self) -> u8 {
        self.level_names().len() as u8
    }

    /// The index of the level of two values that disagree (the last before "missing").
    pub(crate) fn different(self) -> u8 {
        self.missing() - 1
    }

    /// Whether the level at `index` agrees (it never weighs against a match).
    pub(crate) fn agrees_at(self, index: u8) -> bool {
        usize::from(index) < self.agreeing()
    }

    /// The name of the level at `index`, "missing" past the last.
    pub(crate) fn level_name(self, index: u8) -> &'static str {
        self.level_names()
            .get(usize::from(index))
            .copied()
            .unwrap_or("missing")
    }

    /// Number of distinct codes of the field (its levels plus missing).
    fn radix(self) -> u64 {
        u64::from(self.missing()) + 1
    }
}

/// The agreement level of every field of one pair, as compact indices: the fixed fields, then
/// the generic comparisons of the run (unused ones missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Levels {
    fixed: [u8; LinkField::COUNT],
    generic: [u8; MAX_GENERIC],
}

impl Levels {
    /// Every field missing.
    pub(crate) fn missing() -> Self {
        Levels {
            fixed: LinkField::ALL.map(LinkField::missing),
            generic: [GENERIC_MISSING; MAX_GENERIC],
        }
    }

    /// The level of a field; `None` when missing.
    pub(crate) fn get<L: LevelSet>(&self, field: Field<L>) -> Option<L> {
        L::from_index(self.fixed[field.field.index()])
    }

    /// Sets the level of a field; `None` is missing.
    pub(crate) fn set<L: LevelSet>(&mut self, field: Field<L>, level: Option<L>) {
        self.fixed[field.field.index()] = level.map_or(field.field.missing(), L::index);
    }

    /// The compact index of a field's level (the column of the parameter tables).
    pub(crate) fn index(&self, field: LinkField) -> u8 {
        self.fixed[field.index()]
    }

    /// The level of the generic comparison `column`; `None` when missing.
    pub(crate) fn generic(&self, column: usize) -> Option<GenericLevel> {
        GenericLevel::from_index(self.generic_index(column))
    }

    /// The compact index of the generic comparison `column`'s level.
    pub(crate) fn generic_index(&self, column: usize) -> u8 {
        self.generic.get(column).copied().unwrap_or(GENERIC_MISSING)
    }

    /// Sets the level of the generic comparison `column`; `None` is missing.
    pub(crate) fn set_generic(&mut self, column: usize, level: Option<GenericLevel>) {
        if let Some(slot) = self.generic.get_mut(column) {
            *slot = level.map_or(GENERIC_MISSING, GenericLevel::index);
        }
    }

    /// Every row of the parameter tables with its level's compact index: the fixed fields, then
    /// the generic comparisons (row `LinkField::COUNT + column`).
    pub(crate) fn rows(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.fixed
            .iter()
            .chain(&self.generic)
            .enumerate()
            .map(|(row, &level)| (row, usize::from(level)))
    }

    /// Packs the levels into a pattern code: the fixed fields' code, then the generic
    /// comparisons' in base [`GENERIC_RADIX`] above it. The fixed fields take fewer than 2^25
    /// codes and the generic ones 5^16 < 2^38, so the code fits in 64 bits.
    pub(crate) fn encode(&self) -> u64 {
        let fixed = LinkField::ALL
            .iter()
            .rev()
            .fold(0u64, |code, &f| code * f.radix() + u64::from(self.index(f)));
        let generic = self
            .generic
            .iter()
            .rev()
            .fold(0u64, |code, &level| code * GENERIC_RADIX + u64::from(level));
        generic * fixed_patterns() + fixed
    }

    /// Unpacks a pattern code.
    pub(crate) fn decode(code: u64) -> Self {
        let mut fixed_code = code % fixed_patterns();
        let mut generic_code = code / fixed_patterns();
        let mut levels = Levels::missing();
        for (level, f) in levels.fixed.iter_mut().zip(LinkField::ALL) {
            *level = (fixed_code % f.radix()) as u8;
            fixed_code /= f.radix();
        }
        for level in &mut levels.generic {
            *level = (generic_code % GENERIC_RADIX) as u8;
            generic_code /= GENERIC_RADIX;
        }
        levels
    }
}

/// Number of distinct pattern codes of the fixed fields.
fn fixed_patterns() -> u64 {
    LinkField::ALL.iter().map(|f| f.radix()).product()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_missing_reads_as_none() {
        let mut levels = Levels::missing();
        levels.set(SURNAME, Some(SurnameLevel::Similar));
        levels.set(BIRTH, Some(BirthLevel::Julian));
        levels.set(SOURCE, Some(SourceLevel::SameSource));
        levels.set_generic(0, Some(GenericLevel::Close));
        levels.set_generic(MAX_GENERIC - 1, Some(GenericLevel::Different));
        let back = Levels::decode(levels.encode());
        assert_eq!(back, levels);
        assert_eq!(back.generic(0), Some(GenericLevel::Close));
        assert_eq!(back.generic(1), None);
        assert_eq!(back.generic(MAX_GENERIC - 1), Some(GenericLevel::Different));
        assert_eq!(back.get(SURNAME), Some(SurnameLevel::Similar));
        assert_eq!(back.get(GIVEN), None);
        assert_eq!(back.index(LinkField::Given), LinkField::Given.missing());
        let mut all_missing = Levels::missing();
        all_missing.set_generic(MAX_GENERIC, Some(GenericLevel::Exact));
        assert_eq!(all_missing, Levels::missing());
        let last = fixed_patterns() * GENERIC_RADIX.pow(MAX_GENERIC as u32) - 1;
        assert_eq!(Levels::decode(last), Levels::missing());
    }

    #[test]
    fn level_names_and_agreement_follow_the_level_sets() {
        assert_eq!(LinkField::COUNT, 12);
        assert_eq!(LinkField::CaseNumber.name(), "case_number");
        assert_eq!(LinkField::Birth.level_name(2), "julian offset");
        assert_eq!(LinkField::Birth.level_name(7), "missing");
        assert!(LinkField::Birth.agrees_at(BirthLevel::Julian.index()));
        assert!(!LinkField::Birth.agrees_at(BirthLevel::YearSlip.index()));
        assert!(LinkField::Arrest.agrees_at(EventLevel::Overlap.index()));
        assert!(!LinkField::Arrest.agrees_at(EventLevel::WithinMonth.index()));
        assert_eq!(
            LinkField::Surname.different(),
            SurnameLevel::Different.index()
        );
        for (i, f) in LinkField::ALL.iter().enumerate() {
            assert_eq!(f.index(), i);
        }
    }
}
