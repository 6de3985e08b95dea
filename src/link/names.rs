//! Surname and given-name levels of a pair, allowing for name parts written in the other order
//! and for a mention that keeps a single name part (`Ibrahim Bek` beside `Chakabayev Ibragimbek`).
//! Surname and given keys come from different key functions (the surname key folds Russified
//! endings), so parts compared across positions are compared as texts, never as ids.

use super::compare::{self, CLOSE, GIVEN, SIMILAR, SURNAME};
use super::features::{Feat, Features, NONE};

/// The (surname, given) levels of two mentions.
pub(crate) fn surname_and_given(feats: &Features, x: &Feat, y: &Feat) -> (u8, u8) {
    let surname = compare::name_level(x.surname, y.surname, &feats.surnames, false, SURNAME);
    let surname = typo_level(feats, surname, x.surname_surface, y.surname_surface);
    let surname = two_typos_level(feats, surname, x.surname_surface, y.surname_surface);
    let given = initials_level(feats, x, y)
        .unwrap_or_else(|| compare::name_level(x.given, y.given, &feats.givens, true, GIVEN));
    let given = typo_level(feats, given, x.given_surface, y.given_surface);
    if surname <= SIMILAR {
        return (surname, given);
    }
    if let Some(levels) = swapped(feats, x, y) {
        return levels;
    }
    if let Some(level) = single_part(feats, x, y).or_else(|| single_part(feats, y, x)) {
        return (compare::missing(SURNAME), level);
    }
    (surname, given)
}

/// Levels when one mention's surname is the other's given name and the other way round.
fn swapped(feats: &Features, x: &Feat, y: &Feat) -> Option<(u8, u8)> {
    if [x.surname, x.given, y.surname, y.given].contains(&NONE) {
        return None;
    }
    let (xs, xg) = (feats.surnames.text(x.surname), feats.givens.text(x.given));
    let (ys, yg) = (feats.surnames.text(y.surname), feats.givens.text(y.given));
    let surname = compare::text_level(xs, yg, false, SURNAME);
    let given = compare::text_level(xg, ys, false, GIVEN);
    (surname <= CLOSE && given <= CLOSE).then_some((surname, given))
}

/// The given level when `x` has a single name part (a surname and no given name) that agrees
/// with `y`'s given name, while `y`'s surname is not `x`'s.
fn single_part(feats: &Features, x: &Feat, y: &Feat) -> Option<u8> {
    if x.given != NONE || x.surname == NONE || y.given == NONE {
        return None;
    }
    let level = compare::text_level(
        feats.surnames.text(x.surname),
        feats.givens.text(y.given),
        false,
        GIVEN,
    );
    (level <= CLOSE).then_some(level)
}

/// The given level when either given name is a single letter: an initial agrees when it is the
/// first letter of the other as written (`Г.` and `Габдулла`, whose folded key starts with `a`).
fn initials_level(feats: &Features, x: &Feat, y: &Feat) -> Option<u8> {
    if x.given == NONE || y.given == NONE {
        return None;
    }
    let single = |id: u32| feats.givens.text(id).chars().nth(1).is_none();
    if !single(x.given) && !single(y.given) {
        return None;
    }
    if x.initial != 0 && x.initial == y.initial {
        Some(compare::INITIAL)
    } else {
        Some(compare::missing(GIVEN) - 1)
    }
}

/// Longest surface key still compared for a typo: longer texts are not single name parts.
const TYPO_MAX_LEN: usize = 24;

/// Raises a level worse than close to close when the names as written are one typo apart
/// (one letter inserted, dropped, changed, or two neighbours swapped), both of five letters or
/// more: folded keys magnify a typo (`Ахметов` is `agmed`, `Амхетов` is `amget`).
pub(crate) fn typo_level(feats: &Features, level: u8, x: u32, y: u32) -> u8 {
    if level <= CLOSE || level == compare::INITIAL || !one_typo_apart(feats, x, y) {
        level
    } else {
        CLOSE
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
    (long(s) && long(t)).then(|| strsim::osa_distance(s, t))
}

/// Raises a different surname to similar (name evidence, no weight for it) when the surnames as
/// written are two typos apart, both of seven letters or more: two lists' typos in one surname
/// (`аКримов`, `Кааримов`).
fn two_typos_level(feats: &Features, level: u8, x: u32, y: u32) -> u8 {
    let different = level == compare::missing(SURNAME) - 1;
    if different && typos_apart(feats, x, y, 7).is_some_and(|d| d <= 2) {
        SIMILAR
    } else {
        level
    }
}
