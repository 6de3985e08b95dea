//! A per-thread memo of string comparisons by value id. Archives repeat their names: the pairs of
//! a million mentions hold the same two surname keys, given names or residences again and again,
//! and Jaro-Winkler or an edit distance of two texts is the costliest step of a comparison. Each
//! worker thread keeps a fixed table of recent results, keyed by what was compared and the two
//! ids; a result is a function of its key alone, so the memo changes no output, whatever the
//! thread count or the order of the pairs.

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
    /// The folded values of the n-th generic column: their level.
    Generic(u8),
}

impl Space {
    /// A byte naming the space; never [`EMPTY`].
    fn tag(self) -> u8 {
        match self {
            Space::Surname => 0,
            Space::Given => 1,
            Space::Surface => 2,
            Space::Generic(column) => 3 + column.min(EMPTY - 4),
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
    /// The space's tag, or [`EMPTY`].
    tag: u8,
    /// The result.
    value: u8,
}

thread_local! {
    static TABLE: RefCell<Box<[Slot]>> = RefCell::new(
        vec![Slot { ids: 0, tag: EMPTY, value: 0 }; SLOTS].into_boxed_slice()
    );
}

/// The result for ids `a` and `b` (in this order) of `space`: remembered, or `compute`d and
/// remembered. `compute` must depend on the space and the two ids alone.
pub(crate) fn remembered(space: Space, a: u32, b: u32, compute: impl FnOnce() -> u8) -> u8 {
    let ids = (u64::from(a) << 32) | u64::from(b);
    let tag = space.tag();
    let slot = slot_of(ids, tag);
    TABLE.with(|table| {
        if let Some(hit) = table
            .borrow()
            .get(slot)
            .filter(|s| s.ids == ids && s.tag == tag)
        {
            return hit.value;
        }
        let value = compute();
        if let Some(s) = table.borrow_mut().get_mut(slot) {
            *s = Slot { ids, tag, value };
        }
        value
    })
}

/// The level of ids `a` and `b` of `space`, remembered as its index (see [`remembered`]).
pub(crate) fn level<L: LevelSet>(space: Space, a: u32, b: u32, compute: impl Fn() -> L) -> L {
    let index = remembered(space, a, b, || compute().index());
    L::from_index(index).unwrap_or_else(compute)
}

/// The slot of a key: a multiplicative hash of the ids and the tag.
fn slot_of(ids: u64, tag: u8) -> usize {
    let mixed = (ids ^ (u64::from(tag) << 58)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> (64 - SLOTS.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_result_is_computed_once_per_key_and_kept_apart_by_space_and_order() {
        let calls = Cell::new(0);
        let ask = |space, a, b, value| {
            remembered(space, a, b, || {
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
        assert_eq!(ask(Space::Generic(0), 7, 9, 1), 1);
        assert_eq!(ask(Space::Generic(1), 7, 9, 0), 0);
        assert_eq!(calls.get(), 5);
    }

    #[test]
    fn colliding_keys_replace_each_other_without_mixing_results() {
        let mut seen = Vec::new();
        for a in 0..(SLOTS as u32 * 4) {
            seen.push(remembered(Space::Surface, a, a + 1, || (a % 251) as u8));
        }
        for a in 0..(SLOTS as u32 * 4) {
            let got = remembered(Space::Surface, a, a + 1, || (a % 251) as u8);
            assert_eq!(got, (a % 251) as u8);
        }
        assert!(seen.iter().enumerate().all(|(a, &v)| v == (a % 251) as u8));
    }
}
