//! Canonical form of a raw class sequence: doubled classes folded, glides settled.

/// Folds doubled classes and settles glides so that every scheme's spelling of a glide agrees.
///
/// - a glide next to a front vowel is dropped (`ye`/`je`/`е`, `iy`/`ij`/`ий`, `ей`/`ei`), and so
///   is a glide after `ш ж ч щ ц` (`шё` = `sho` = `schо`);
/// - `a` right before `u` is dropped (`ou` = `у`);
/// - a front vowel right before a back vowel becomes the glide (`ia`/`ya`/`я`, `iu`/`ю`).
pub fn settle(raw: &mut Vec<u8>) {
    fold(raw);
    drop_a_before_u(raw);
    drop_glides_by_front_vowels(raw);
    fold(raw);
    for i in 0..raw.len().saturating_sub(1) {
        if raw[i] == b'e' && matches!(raw[i + 1], b'a' | b'u') {
            raw[i] = b'y';
        }
    }
    fold(raw);
}

/// `оу`, `ау` and French `ou` all read as `u`.
fn drop_a_before_u(raw: &mut Vec<u8>) {
    let mut write = 0;
    for read in 0..raw.len() {
        if raw[read] == b'a' && raw.get(read + 1) == Some(&b'u') {
            continue;
        }
        raw[write] = raw[read];
        write += 1;
    }
    raw.truncate(write);
}

/// Removes runs of one class in place (`ss` → `s`).
pub fn fold(raw: &mut Vec<u8>) {
    raw.dedup();
}

fn drop_glides_by_front_vowels(raw: &mut Vec<u8>) {
    let mut write = 0;
    for read in 0..raw.len() {
        let c = raw[read];
        let prev = if write > 0 { raw[write - 1] } else { 0 };
        let next = raw.get(read + 1).copied().unwrap_or(0);
        if c == b'y' && (matches!(prev, b'e' | b'x' | b'j' | b'c') || next == b'e') {
            continue;
        }
        raw[write] = c;
        write += 1;
    }
    raw.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str) -> String {
        let mut v = s.as_bytes().to_vec();
        settle(&mut v);
        String::from_utf8(v).unwrap_or_default()
    }

    #[test]
    fn settles_glides() {
        assert_eq!(run("yermek"), "ermek");
        assert_eq!(run("xakayev"), "xakaev");
        assert_eq!(run("galeya"), "galya");
        assert_eq!(run("galea"), "galya");
        assert_eq!(run("maryyam"), "maryam");
        assert_eq!(run("ssaa"), "sa");
    }
}
