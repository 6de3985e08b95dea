//! Renders Cyrillic text in each romanisation scheme, from the table `schemas/translit.csv`.
//!
//! The table gives, per Cyrillic letter (or digraph), the default form in each scheme and
//! optional forms for a context: `initial` (word start or after a vowel, `ъ`, `ь`), `prevocalic`
//! (before a vowel), `intervocalic` (between vowels) and `final` (word end, for `-ов`/`-ев`).

mod table;

pub use table::check_line;

/// Loads `translit.csv` in force, or says which line keeps it from loading.
pub fn check_loaded() -> Result<(), crate::tables::DataError> {
    table::Table::check_loaded()
}

use crate::normalize::text;
use table::{Context, Table};

/// A romanisation scheme that [`render`] can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scheme {
    /// BGN/PCGN romanisation (Russian, with the Kazakh, Uzbek and Tajik letters).
    Bgn,
    /// ISO 9:1995 / GOST 7.79 system A.
    Iso9,
    /// ALA-LC (Library of Congress) romanisation, with tie bars.
    Loc,
    /// French usage (`ch` = ш, `tch` = ч, `ou` = у, `dj` = дж, `-off`/`-eff`).
    French,
    /// German Duden usage (`sch` = ш, `tsch` = ч, `w` = в, `j` = й, `-ow`/`-ew`).
    German,
    /// Turkish usage (`ş ç c ğ ı`).
    Turkish,
    /// Kazakh Latin alphabet of 2021.
    Kazakh2021,
    /// Uzbek Latin alphabet (1995, with `oʻ gʻ`).
    Uzbek,
}

impl Scheme {
    /// Every scheme, in table column order.
    pub const ALL: [Scheme; 8] = [
        Scheme::Bgn,
        Scheme::Iso9,
        Scheme::Loc,
        Scheme::French,
        Scheme::German,
        Scheme::Turkish,
        Scheme::Kazakh2021,
        Scheme::Uzbek,
    ];

    /// The column index of the scheme in the table.
    fn column(self) -> usize {
        Scheme::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The scheme's short name.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Bgn => "bgn",
            Scheme::Iso9 => "iso9",
            Scheme::Loc => "loc",
            Scheme::French => "french",
            Scheme::German => "german",
            Scheme::Turkish => "turkish",
            Scheme::Kazakh2021 => "kz2021",
            Scheme::Uzbek => "uzbek",
        }
    }
}

/// Writes a Cyrillic text in a scheme; characters the table does not know pass through.
pub fn render(text: &str, scheme: Scheme) -> String {
    let table = Table::builtin();
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < chars.len() {
        let upper = chars[i].is_uppercase();
        let (form, used) = table.lookup(&chars, i, scheme.column());
        match form {
            Some(form) => push_cased(&mut out, form, upper),
            None => out.push(chars[i]),
        }
        i += used.max(1);
    }
    out
}

fn push_cased(out: &mut String, form: &str, upper: bool) {
    let mut chars = form.chars();
    if let (true, Some(first)) = (upper, chars.next()) {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    } else {
        out.push_str(form);
    }
}

/// Whether a context applies at position `i` of a word.
fn context_applies(ctx: Context, chars: &[char], i: usize, len: usize) -> bool {
    let prev = if i > 0 { Some(chars[i - 1]) } else { None };
    let next = chars.get(i + len).copied();
    let vowel = |c: Option<char>| c.map(|c| text::is_cyrillic_vowel(text::lower(c))) == Some(true);
    let letter = |c: Option<char>| c.map(text::is_letter) == Some(true);
    match ctx {
        Context::Default => true,
        Context::Initial => {
            !letter(prev) || vowel(prev) || matches!(prev, Some('ъ' | 'ь' | 'Ъ' | 'Ь'))
        }
        Context::Prevocalic => vowel(next),
        Context::Intervocalic => vowel(prev) && vowel(next),
        Context::Final => !letter(next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_each_scheme() {
        assert_eq!(render("Шокаев", Scheme::Bgn), "Shokayev");
        assert_eq!(render("Чокаев", Scheme::Iso9), "Čokaev");
        assert_eq!(render("Чокаев", Scheme::French), "Tchokaïeff");
        assert_eq!(render("Чокаев", Scheme::German), "Tschokajew");
        assert_eq!(render("Чокай", Scheme::Turkish), "Çokay");
        assert_eq!(render("Шоқай", Scheme::Kazakh2021), "Şoqai");
        assert_eq!(render("Хўжаев", Scheme::Uzbek), "Xoʻjayev");
        assert_eq!(render("Юсуф", Scheme::Loc), "I͡usuf");
        assert_eq!(render("Джура", Scheme::Turkish), "Cura");
        assert_eq!(
            render("Мустафа Иванович", Scheme::French),
            "Moustafa Ivanovitch"
        );
    }
}
