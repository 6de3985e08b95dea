//! Surname and given-name levels of a pair, allowing for name parts written in the other order
//! and for a mention that keeps a single name part (`Ibrahim Bek` beside `Chakabayev Ibragimbek`).
//! Surname and given keys come from different key functions (the surname key folds Russified
//! endings), so parts compared across positions are compared as texts, never as ids.

use super::compare;
use super::features::{Feat, Features, NONE};
use super::fields::{GivenLevel, LevelSet, SurnameLevel};
use super::memo::{self, Space};
use super::similarity;

/// The (surname, given) levels of two mentions.
pub(crate) fn surname_and_given(
    feats: &Features,
    x: &Feat,
    y: &Feat,
) -> (Option<SurnameLevel>, Option<GivenLevel>) {
    let surname = compare::surname_level(x.surname, y.surname, &feats.surnames);
    let surname = typo_level(feats, surname, x.surname_surface, y.surname_surface);
    let surname = two_typos_level(feats, surname, x.surname_surface, y.surname_surface);
    let given = initials_level(feats, x, y)
        .map(Some)
        .unwrap_or_else(|| compare::given_level(x.given, y.given, &feats.givens));
    let given = typo_level(feats, given, x.given_surface, y.given_surface);
    if surname.is_some_and(|s| s != SurnameLevel::Different) {
        return (surname, given);
    }
    if let Some((surname, given)) = swapped(feats, x, y) {
        return (Some(surname), Some(given));
    }
    if let Some(level) = single_part(feats, x, y).or_else(|| single_part(feats, y, x)) {
        return (None, Some(level));
    }
    (surname, given)
}

/// Levels when one mention's surname is the other's given name and the other way round.
fn swapped(feats: &Features, x: &Feat, y: &Feat) -> Option<(SurnameLevel, GivenLevel)> {
    if [x.surname, x.given, y.surname, y.given].contains(&NONE) {
        return None;
    }
    let surname = crossed(feats, Space::SurnameGiven, x.surname, y.given, |s, g| {
        compare::surname_text_level(s, g)
    });
    if !surname.is_close() {
        return None;
    }
    let given = crossed(feats, Space::GivenSurname, y.surname, x.given, |s, g| {
        compare::given_text_level(g, s, false)
    });
    given.is_close().then_some((surname, given))
}

/// The given level when `x` has a single name part (a surname and no given name) that agrees
/// with `y`'s given name, while `y`'s surname is not `x`'s.
fn single_part(feats: &Features, x: &Feat, y: &Feat) -> Option<GivenLevel> {
    if x.given != NONE || x.surname == NONE || y.given == NONE {
        return None;
    }
    let level = crossed(feats, Space::SurnameAsGiven, x.surname, y.given, |s, g| {
        compare::given_text_level(s, g, false)
    });
    level.is_close().then_some(level)
}

/// The level `compare` gives the texts of a surname key and a given-name key, remembered by
/// their ids in `space` (the surname vocabulary's number names both vocabularies: they are
/// built together).
fn crossed<L: LevelSet>(
    feats: &Features,
    space: Space,
    surname: u32,
    given: u32,
    compare: impl Fn(&str, &str) -> L,
) -> L {
    let texts = || compare(feats.surnames.text(surname), feats.givens.text(given));
    memo::level(space, feats.surnames.id, surname, given, texts)
}

/// The given level when either given name is a single letter: an initial agrees when it is the
/// first letter of the other as written (`Г.` and `Габдулла`, whose folded key starts with `a`).
fn initials_level(feats: &Features, x: &Feat, y: &Feat) -> Option<GivenLevel> {
    if x.given == NONE || y.given == NONE {
        return None;
    }
    let single = |id: u32| feats.givens.text(id).chars().nth(1).is_none();
    if !single(x.given) && !single(y.given) {
        return None;
    }
    if x.initial != 0 && x.initial == y.initial {
        Some(GivenLevel::Initial)
    } else {
        Some(GivenLevel::Different)
    }
}

/// Longest surface key still compared for a typo: longer texts are not single name parts.
const TYPO_MAX_LEN: usize = 24;

/// Raises a level worse than close to close when the names as written are one typo apart
/// (one letter inserted, dropped, changed, or two neighbours swapped), both of five letters or
/// more: folded keys magnify a typo (`Ахметов` is `agmed`, `Амхетов` is `amget`).
pub(crate) fn typo_level<L: NameLevel>(
    feats: &Features,
    level: Option<L>,
    x: u32,
    y: u32,
) -> Option<L> {
    if level.is_some_and(L::holds_spelling) || !one_typo_apart(feats, x, y) {
        level
    } else {
        Some(L::CLOSE)
    }
}

/// The levels of a name field, as typos raise them.
pub(crate) trait NameLevel: LevelSet {
    /// A close spelling.
    const CLOSE: Self;

    /// Whether the level stays as it is when the names as written are one typo apart.
    fn holds_spelling(self) -> bool;

    /// Whether two names at this level are exact or close.
    fn is_close(self) -> bool;
}

impl NameLevel for SurnameLevel {
    const CLOSE: Self = SurnameLevel::Close;

    /// Exact, close and similar surnames stay: a similar surname is name evidence already.
    fn holds_spelling(self) -> bool {
        self != SurnameLevel::Different
    }

    fn is_close(self) -> bool {
        matches!(self, SurnameLevel::Exact | SurnameLevel::Close)
    }
}

impl NameLevel for GivenLevel {
    const CLOSE: Self = GivenLevel::Close;

    /// Exact and close names stay, and so does an initial that agrees with a full name.
    fn holds_spelling(self) -> bool {
        self.is_close() || self == GivenLevel::Initial
    }

    fn is_close(self) -> bool {
        matches!(self, GivenLevel::Exact | GivenLevel::Close)
    }
}

/// Whether two surface keys (ids in [`Features::surfaces`]) of five letters or more are one
/// typo apart.
pub(crate) fn one_typo_apart(feats: &Features, x: u32, y: u32) -> bool {
    typos_apart(feats, x, y, 5).is_some_and(|d| d <= 1)
}

/// The edits (insert, drop, change, swap of neighbours) between two surface keys of
/// `min_letters` to [`TYPO_MAX_LEN`] letters; `None` when either is missing or out of range.
fn typos_apart(feats: &Features, x: u32, y: u32, min_letters: usize) -> Option<usize> {
    if x == NONE || y == NONE {
        return None;
    }
    let (s, t) = (feats.surfaces.text(x), feats.surfaces.text(y));
    let long = |k: &str| (min_letters..=TYPO_MAX_LEN).contains(&k.len());
    if !(long(s) && long(t)) {
        return None;
    }
    let edits = memo::remembered(Space::Surface, feats.surfaces.id, x, y, || {
        similarity::osa_distance(s, t).min(usize::from(u8::MAX)) as u8
    });
    Some(usize::from(edits))
}

/// Raises a different surname to similar (name evidence, no weight for it) when the surnames as
/// written are two typos apart, both of seven letters or more: two lists' typos in one surname
/// (`аКримов`, `Кааримов`).
fn two_typos_level(
    feats: &Features,
    level: Option<SurnameLevel>,
    x: u32,
    y: u32,
) -> Option<SurnameLevel> {
    let different = level == Some(SurnameLevel::Different);
    if different && typos_apart(feats, x, y, 7).is_some_and(|d| d <= 2) {
        Some(SurnameLevel::Similar)
    } else {
        level
    }
}
