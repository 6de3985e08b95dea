//! A per-thread memo of string comparisons by value id. Archives repeat their names: the pairs of
//! a million mentions hold the same two surname keys, given names or residences again and again,
//! and Jaro-Winkler or an edit distance of two texts is the costliest step of a comparison. Each
//! worker thread keeps a fixed table of recent results, keyed by what was compared and the two
//! ids, and by the vocabulary the ids index (each has a number of its own, so linkages built one
//! after another in one process never read each other's results); a result is a function of its
//! key alone, so the memo changes no output, whatever the thread count or the order of the pairs.

use super::fields::LevelSet;
use std::cell::RefCell;

/// Slots of each thread's table: a power of two (16 bytes each, 4 MiB a thread).
const SLOTS: usize = 1 << 18;

/// What a memoised result compares: one key space of ids each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Space {
    /// Surname keys: the surname level of two different keys.
    Surname,
    /// Given-name keys (given names and fathers' names): the given level of two different keys.
    Given,
    /// Names as written: the edits between them.
    Surface,
    /// The folded values of a generic column: their level.
    Generic,
    /// A surname key and a given-name key: the surname level of their texts.
    SurnameGiven,
    /// A surname key and a given-name key: the given level (initials aside) of the given name's
    /// text beside the surname's.
    GivenSurname,
    /// A surname key and a given-name key: the given level (initials aside) of the surname's
    /// text beside the given name's.
    SurnameAsGiven,
}

impl Space {
    /// A byte naming the space; never [`EMPTY`].
    fn tag(self) -> u8 {
        match self {
            Space::Surname => 0,
            Space::Given => 1,
            Space::Surface => 2,
            Space::Generic => 3,
            Space::SurnameGiven => 4,
            Space::GivenSurname => 5,
            Space::SurnameAsGiven => 6,
        }
    }
}

/// The tag of an unused slot.
const EMPTY: u8 = u8::MAX;

/// One remembered result.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The two ids.
    ids: u64,
    /// The number of the vocabulary they index.
    vocab: u32,
    /// The space's tag, or [`EMPTY`].
    tag: u8,
    /// The result.
    value: u8,
}

thread_local! {
    static TABLE: RefCell<Box<[Slot]>> = RefCell::new(
        vec![Slot { ids: 0, vocab: 0, tag: EMPTY, value: 0 }; SLOTS].into_boxed_slice()
    );
}

/// The result for ids `a` and `b` (in this order) of the vocabulary numbered `vocab` in `space`:
/// remembered, or `compute`d and remembered. `compute` must depend on these alone.
pub(crate) fn remembered(
    space: Space,
    vocab: u32,
    a: u32,
    b: u32,
    compute: impl FnOnce() -> u8,
) -> u8 {
    let ids = (u64::from(a) << 32) | u64::from(b);
    let tag = space.tag();
    let slot = slot_of(ids, vocab, tag);
    TABLE.with(|table| {
        if let Some(hit) = table
            .borrow()
            .get(slot)
            .filter(|s| s.ids == ids && s.vocab == vocab && s.tag == tag)
        {
            return hit.value;
        }
        let value = compute();
        if let Some(s) = table.borrow_mut().get_mut(slot) {
            *s = Slot {
                ids,
                vocab,
                tag,
                value,
            };
        }
        value
    })
}

/// The level of ids `a` and `b` of the vocabulary numbered `vocab` in `space`, remembered as its
/// index (see [`remembered`]).
pub(crate) fn level<L: LevelSet>(
    space: Space,
    vocab: u32,
    a: u32,
    b: u32,
    compute: impl Fn() -> L,
) -> L {
    let index = remembered(space, vocab, a, b, || compute().index());
    L::from_index(index).unwrap_or_else(compute)
}

/// The slot of a key: a multiplicative hash of the ids, the vocabulary and the tag.
fn slot_of(ids: u64, vocab: u32, tag: u8) -> usize {
    let salt = (u64::from(vocab) << 40) ^ (u64::from(tag) << 58);
    let mixed = (ids ^ salt).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - SLOTS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_result_is_computed_once_per_key_and_kept_apart_by_space_vocabulary_and_order() {
        let calls = Cell::new(0);
        let ask = |space, a, b, value| {
            remembered(space, 1, a, b, || {
                calls.set(calls.get() + 1);
                value
            })
        };
        assert_eq!(ask(Space::Surname, 7, 9, 2), 2);
        assert_eq!(
            ask(Space::Surname, 7, 9, 5),
            2,
            "remembered, not recomputed"
        );
        assert_eq!(calls.get(), 1);
        assert_eq!(ask(Space::Given, 7, 9, 3), 3, "another space");
        assert_eq!(ask(Space::Surname, 9, 7, 4), 4, "the other order");
        assert_eq!(ask(Space::Generic, 7, 9, 1), 1);
        assert_eq!(calls.get(), 4);
        assert_eq!(
            remembered(Space::Surname, 2, 7, 9, || 6),
            6,
            "another vocabulary"
        );
    }

    #[test]
    fn colliding_keys_replace_each_other_without_mixing_results() {
        let mut seen = Vec::new();
        for a in 0..(SLOTS as u32 * 4) {
            seen.push(remembered(Space::Surface, 1, a, a + 1, || (a % 251) as u8));
        }
        for a in 0..(SLOTS as u32 * 4) {
            let got = remembered(Space::Surface, 1, a, a + 1, || (a % 251) as u8);
            assert_eq!(got, (a % 251) as u8);
        }
        assert!(seen.iter().enumerate().all(|(a, &v)| v == (a % 251) as u8));
    }
}
