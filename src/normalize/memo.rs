//! Memos of normalised values: archive lists repeat the same names, places and dates many times,
//! so each distinct raw text is read once. A memo never changes a result, only its cost.

use foldhash::fast::RandomState;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Mutex;

/// Shards, so that threads seldom wait for one another.
const SHARDS: usize = 16;

/// A shard of a memo: its keys are hashed by a fast hash with a seed of the process's own, so
/// that no input can be written to make its lookups slow.
type Shard<V> = HashMap<String, V, RandomState>;

/// A bounded, thread-safe memo from raw text to a value.
pub struct Memo<V> {
    shards: Vec<Mutex<Shard<V>>>,
    hasher: RandomState,
    capacity_per_shard: usize,
}

impl<V: Clone> Memo<V> {
    /// A memo that keeps at most about `capacity` entries; a full shard is emptied and refilled.
    pub fn new(capacity: usize) -> Memo<V> {
        Memo {
            shards: (0..SHARDS).map(|_| Mutex::new(Shard::default())).collect(),
            hasher: RandomState::default(),
            capacity_per_shard: (capacity / SHARDS).max(1),
        }
    }

    /// The value for `key`, computed by `compute` the first time.
    pub fn get_or_compute(&self, key: &str, compute: impl FnOnce() -> V) -> V {
        let shard = &self.shards[self.hasher.hash_one(key) as usize % SHARDS];
        if let Some(v) = lock(shard).get(key) {
            return v.clone();
        }
        let value = compute();
        let mut map = lock(shard);
        if map.len() >= self.capacity_per_shard {
            map.clear();
        }
        map.insert(key.to_string(), value.clone());
        value
    }
}

/// Locks a shard; a shard poisoned by a panicking thread is still a valid map.
fn lock<V>(shard: &Mutex<Shard<V>>) -> std::sync::MutexGuard<'_, Shard<V>> {
    shard
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn each_key_is_computed_once_until_its_shard_fills() {
        let memo: Memo<usize> = Memo::new(1_000);
        let calls = Cell::new(0);
        for _ in 0..3 {
            let v = memo.get_or_compute("Перовск", || {
                calls.set(calls.get() + 1);
                7
            });
            assert_eq!(v, 7);
        }
        assert_eq!(calls.get(), 1);
    }

    #[test]
    fn a_full_memo_still_gives_right_values() {
        let memo: Memo<String> = Memo::new(16);
        for round in 0..3 {
            for i in 0..100 {
                assert_eq!(
                    memo.get_or_compute(&i.to_string(), || format!("v{i}")),
                    format!("v{i}")
                );
            }
            assert!(round < 3);
        }
    }
}
