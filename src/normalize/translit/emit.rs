//! The character-level state machine that turns one word, in any script and scheme, into key
//! classes.
//!
//! Key alphabet (one ASCII byte per class):
//! `a` open back vowels (а о ә ө ў; Uzbek `o` ~ Russian `а`, Uzbek `o'` ~ Russian `о`),
//! `u` close rounded vowels (у ұ ү ӯ, French `ou`),
//! `e` front vowels (е э и і ы ӣ, and `й` not before a vowel), `y` the glide before a vowel
//! (я = `ya`, ю = `yu`, ё = `ya`), `g` velar fricatives and `г` (г ғ х ҳ һ h x kh gh ğ: Russian
//! writes Arabic and Turkic *h* as `г` or `х`), `k` (к қ k q), `s` (с з s z: German writes both
//! as `s`), `c` (ц ts, ISO 9 `c`, German `z`), `x` (ш ч щ sh ch tch tsch sch ş ç č š ŝ:
//! Kazakh `ш` stands for Russian `ч`), `j` (ж дж ҷ j zh dzh dj dsch, Turkish `c`), and the rest
//! as themselves: `b p v f d t l m n r`.

use super::hints::Hints;
use super::reader::{APOS, COMMA_BELOW, TIE};

/// Appends the key classes of one lower-case word to `out`.
pub fn emit_word(word: &[char], hints: Hints, out: &mut Vec<u8>) {
    let cyrillic_word = word.iter().any(|c| is_cyrillic(*c));
    let mut i = 0;
    while i < word.len() {
        let c = if cyrillic_word {
            homoglyph(word[i])
        } else {
            word[i]
        };
        let step = if is_cyrillic(c) {
            cyrillic(c, word, i, out)
        } else {
            latin(c, word, i, hints, out)
        };
        i += step.max(1);
    }
}

fn at(word: &[char], i: usize) -> char {
    word.get(i).copied().unwrap_or('\0')
}

/// Whether a character is a Cyrillic letter.
pub fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c) || ('\u{500}'..='\u{52f}').contains(&c)
}

/// Latin letters that look like Cyrillic ones, read as Cyrillic inside a Cyrillic word.
fn homoglyph(c: char) -> char {
    match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'k' => 'к',
        'm' => 'м',
        't' => 'т',
        'h' => 'н',
        'i' => 'і',
        'b' => 'в',
        other => other,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
            | 'ä'
            | 'ö'
            | 'ü'
            | 'ı'
            | 'á'
            | 'é'
            | 'í'
            | 'ó'
            | 'ú'
            | 'à'
            | 'è'
            | 'ì'
            | 'ò'
            | 'ù'
            | 'â'
            | 'ê'
            | 'î'
            | 'ô'
            | 'û'
            | 'ë'
            | 'ï'
            | 'ū'
            | 'ī'
            | 'ō'
            | 'ǔ'
            | 'ŭ'
            | 'ə'
            | 'ė'
            | 'ȯ'
            | 'а'
            | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'ә'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'і'
            | 'ў'
            | 'ӯ'
            | 'ӣ'
            | 'є'
            | 'ї'
    )
}

/// A glide letter (`й y j ï`): the glide before a vowel, else a front vowel.
fn glide(next: char, out: &mut Vec<u8>) {
    out.push(if is_vowel(next) { b'y' } else { b'e' });
}

fn cyrillic(c: char, w: &[char], i: usize, out: &mut Vec<u8>) -> usize {
    let next = at(w, i + 1);
    let bytes: &[u8] = match c {
        'а' | 'о' | 'ә' | 'ө' | 'ў' => b"a",
        'у' | 'ұ' | 'ү' | 'ӯ' => b"u",
        'е' | 'э' | 'и' | 'і' | 'ы' | 'ӣ' => b"e",
        'я' | 'ё' => b"ya",
        'ю' => b"yu",
        'є' | 'ї' => b"ye",
        'й' => {
            glide(next, out);
            return 1;
        }
        'д' if next == 'ж' => {
            out.push(b'j');
            return 2;
        }
        'б' => b"b",
        'в' => b"v",
        'г' | 'ғ' | 'ґ' | 'х' | 'ҳ' | 'һ' => b"g",
        'д' => b"d",
        'ж' | 'ҷ' => b"j",
        'з' | 'с' | 'ҙ' | 'ҫ' => b"s",
        'к' | 'қ' | 'ҡ' => b"k",
        'л' => b"l",
        'м' => b"m",
        'ң' => b"ng",
        'н' => b"n",
        'п' => b"p",
        'р' => b"r",
        'т' => b"t",
        'ф' => b"f",
        'ц' => b"c",
        'ч' | 'ш' | 'щ' => b"x",
        _ => b"",
    };
    out.extend_from_slice(bytes);
    1
}

fn latin(c: char, w: &[char], i: usize, h: Hints, out: &mut Vec<u8>) -> usize {
    let n1 = at(w, i + 1);
    let n2 = at(w, i + 2);
    let n3 = at(w, i + 3);
    let (bytes, step): (&[u8], usize) = match c {
        'a' | 'ä' | 'á' | 'à' | 'ā' | 'ă' | 'ə' | 'å' | 'ã' => (b"a", 1),
        'â' if h.iso => (b"ya", 1),
        'â' => (b"a", 1),
        'o' if n1 == 'u' => (b"u", 2),
        'o' | 'ö' | 'ó' | 'ò' | 'ô' | 'ō' | 'ő' | 'ø' | 'õ' | 'ȯ' | 'ǔ' | 'ŭ' => {
            (b"a", 1)
        }
        'u' | 'ü' | 'ú' | 'ù' | 'ū' | 'ű' => (b"u", 1),
        'û' if h.iso => (b"yu", 1),
        'û' => (b"u", 1),
        'ë' => (b"ya", 1),
        // French writes a silent `e` after `-in` (`Boukharine`).
        'e' if i + 1 == w.len() && i >= 4 && w[i - 1] == 'n' && w[i - 2] == 'i' => (b"", 1),
        'e' | 'é' | 'è' | 'ê' | 'ē' | 'ě' | 'ę' | 'ė' | 'î' | 'í' | 'ì' | 'ī' | 'ı' => {
            (b"e", 1)
        }
        'i' if n1 == TIE => (b"y", 2),
        'i' => (b"e", 1),
        'y' | 'ï' | 'ý' | 'ÿ' | 'ĭ' if n1 == APOS => (b"u", 2),
        // Kazakh Latin 2018 writes `у` as `ý`; Turkmen writes `й` as `ý`.
        'ý' if h.kazakh2018 => (b"u", 1),
        'y' | 'ï' | 'ý' | 'ÿ' | 'ĭ' => {
            glide(n1, out);
            return 1;
        }
        'j' if h.iso || h.german || !is_vowel(n1) => {
            glide(n1, out);
            return 1;
        }
        'j' => (b"j", 1),
        'b' => (b"b", 1),
        'p' if n1 == 'h' => (b"f", 2),
        'p' => (b"p", 1),
        'f' if n1 == 'f' && i + 2 == w.len() => (b"v", 2),
        'f' => (b"f", 1),
        'v' | 'w' => (b"v", 1),
        'd' => return latin_d(w, i, out),
        't' if n1 == 's' && n2 == 'c' && n3 == 'h' => (b"x", 4),
        't' if n1 == 'c' && n2 == 'h' && !h.german => (b"x", 3),
        't' if n1 == 's' && !h.german => (b"c", 2),
        't' if n1 == TIE && n2 == 's' => (b"c", 3),
        't' => (b"t", 1),
        's' => return latin_s(w, i, h, out),
        'z' if n1 == 'h' => (b"j", 2),
        'z' if h.german => (b"c", 1),
        'z' => (b"s", 1),
        'ž' | 'ż' | 'ź' => (b"j", 1),
        'c' => return latin_c(w, i, h, out),
        'ç' | 'č' | 'ć' | 'š' | 'ŝ' | 'ş' | 'ș' => (b"x", 1),
        'k' if n1 == 'h' => (b"g", 2),
        'k' | 'q' | 'ķ' => (b"k", 1),
        'g' if n1 == 'h' || n1 == APOS => (b"g", 2),
        // French `gu` before a front vowel is a plain `г` (`Sergueïevitch`).
        'g' if n1 == 'u' && matches!(n2, 'e' | 'é' | 'è' | 'i' | 'ï') => (b"g", 2),
        'g' | 'ğ' | 'ġ' | 'ģ' | 'ǵ' | 'h' | 'x' | 'ḥ' | 'ḩ' | 'ħ' | 'ḣ' => (b"g", 1),
        'l' | 'ł' => (b"l", 1),
        'm' => (b"m", 1),
        // `ң`: Kazakh 2021 `ñ`, 2018 `ń`, 2017 `n'`, ISO 9 `ṇ`.
        'n' if n1 == APOS => (b"ng", 2),
        'ñ' | 'ṇ' | 'ń' => (b"ng", 1),
        'n' | 'ň' => (b"n", 1),
        'r' => (b"r", 1),
        _ => (b"", 1),
    };
    out.extend_from_slice(bytes);
    step
}

fn latin_d(w: &[char], i: usize, out: &mut Vec<u8>) -> usize {
    let (n1, n2, n3) = (at(w, i + 1), at(w, i + 2), at(w, i + 3));
    let (bytes, step): (&[u8], usize) = match (n1, n2, n3) {
        ('s', 'c', 'h') => (b"j", 4),
        ('z', 'h', _) => (b"j", 3),
        ('j', _, _) | ('ž', _, _) => (b"j", 2),
        _ => (b"d", 1),
    };
    out.extend_from_slice(bytes);
    step
}

fn latin_s(w: &[char], i: usize, h: Hints, out: &mut Vec<u8>) -> usize {
    let (n1, n2, n3) = (at(w, i + 1), at(w, i + 2), at(w, i + 3));
    let (bytes, step): (&[u8], usize) = match (n1, n2, n3) {
        ('h', 'c', 'h') => (b"x", 4),
        ('c', 'h', _) => (b"x", 3),
        ('h', _, _) if h.german => (b"j", 2),
        ('h', _, _) => (b"x", 2),
        // Uzbek `s'h` is `с` + `ҳ`; Kazakh 2017 `s'` is `ш`.
        (APOS, 'h', _) => (b"sg", 3),
        (APOS, _, _) => (b"x", 2),
        _ => (b"s", 1),
    };
    out.extend_from_slice(bytes);
    step
}

fn latin_c(w: &[char], i: usize, h: Hints, out: &mut Vec<u8>) -> usize {
    let n1 = at(w, i + 1);
    let (bytes, step): (&[u8], usize) = match n1 {
        'h' if h.german => (b"g", 2),
        'h' => (b"x", 2),
        'k' => (b"k", 2),
        COMMA_BELOW => (b"j", 2),
        APOS => (b"x", 2),
        _ if h.iso => (b"c", 1),
        // Turkish `c` is `дж`; elsewhere a bare `c` before a consonant is `ц`.
        n if is_vowel(n) => (b"j", 1),
        _ => (b"c", 1),
    };
    out.extend_from_slice(bytes);
    step
}
