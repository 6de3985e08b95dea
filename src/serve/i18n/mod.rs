//! The desk's interface languages, each with one catalogue of strings (`i18n/*.toml`, compiled
//! in): Russian, Kazakh, Uzbek (Latin) and English. A language is chosen by `?lang=`, else the
//! `rehab_lang` cookie that choice sets, else the browser's `Accept-Language`, else English.
//! The phrases the desk says of a pair (reasons, verdicts) are in English once, in
//! [`crate::desk::words`]; the Russian, Kazakh and Uzbek catalogues translate their keys too.

use crate::desk::words::{self, Words};

use std::collections::HashMap;
use std::sync::LazyLock;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
    /// Uzbek in Latin letters.
    Uz,
    /// English.
    En,
}

/// The catalogue sources, in the order of [`Lang::ALL`].
const SOURCES: [(Lang, &str); 4] = [
    (Lang::Ru, include_str!("ru.toml")),
    (Lang::Kk, include_str!("kk.toml")),
    (Lang::Uz, include_str!("uz.toml")),
    (Lang::En, include_str!("en.toml")),
];

/// Every catalogue parsed once: key → string.
static CATALOGUES: LazyLock<Vec<(Lang, HashMap<String, String>)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, text)| (*lang, parse(text).unwrap_or_default()))
        .collect()
});

/// Parses one catalogue: a TOML table of strings.
pub fn parse(text: &str) -> Result<HashMap<String, String>, toml::de::Error> {
    toml::from_str(text)
}

impl Lang {
    /// Every language, in the order the switch shows them.
    pub const ALL: [Lang; 4] = [Lang::Ru, Lang::Kk, Lang::Uz, Lang::En];

    /// The language's code in URLs, cookies and `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Uz => "uz",
            Lang::En => "en",
        }
    }

    /// The language of a code (`ru`, `kk`, `uz`, `en`; a region such as `ru-KZ` is ignored).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The browser's preferred language among ours, from an `Accept-Language` header: the
    /// highest `q` wins, the first listed among equals.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::from_code) else {
                continue;
            };
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// The string of `key` in this language (English when missing, from the desk's phrases
    /// when English is there, the key itself when missing everywhere; a test holds every
    /// catalogue to every key).
    pub fn t(self, key: &'static str) -> &'static str {
        self.find(key).unwrap_or(key)
    }

    /// The string of a key made at run time (`rule_` and a rule's id), as [`Lang::t`] finds
    /// it; `None` when no catalogue has it.
    pub fn find(self, key: &str) -> Option<&'static str> {
        let lookup = |lang: Lang| {
            CATALOGUES
                .iter()
                .find(|(l, _)| *l == lang)
                .and_then(|(_, map)| map.get(key))
                .map(String::as_str)
        };
        lookup(self)
            .or_else(|| lookup(Lang::En))
            .or_else(|| words::english(key))
    }

    /// The string of `key` with each `{name}` replaced by its value.
    pub fn fill(self, key: &'static str, values: &[(&str, &str)]) -> String {
        let mut text = self.t(key).to_string();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

impl Words for Lang {
    fn text(&self, key: &'static str) -> &'static str {
        self.t(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeSet, HashMap};

    /// A catalogue with, for English, the desk's phrases.
    fn catalogue(lang: Lang, text: &str) -> HashMap<String, String> {
        let mut map = parse(text).expect("catalogue parses");
        if lang == Lang::En {
            for (key, phrase) in words::ENGLISH {
                let before = map.insert(key.to_string(), phrase.to_string());
                assert!(before.is_none(), "{key} is English twice");
            }
        }
        map
    }

    #[test]
    fn every_catalogue_has_every_key_and_no_other() {
        let keys = |lang: Lang, text: &str| -> BTreeSet<String> {
            catalogue(lang, text).into_keys().collect()
        };
        let english = keys(Lang::En, SOURCES[3].1);
        assert!(english.len() > 90, "{} keys", english.len());
        for (lang, text) in SOURCES {
            let own = keys(lang, text);
            let missing: Vec<_> = english.difference(&own).collect();
            let extra: Vec<_> = own.difference(&english).collect();
            assert!(missing.is_empty(), "{}: missing {missing:?}", lang.code());
            assert!(
                extra.is_empty(),
                "{}: not in English {extra:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn placeholders_are_the_same_in_every_catalogue() {
        let marks = |s: &str| -> BTreeSet<String> {
            s.split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
                .collect()
        };
        let english = catalogue(Lang::En, SOURCES[3].1);
        for (lang, text) in SOURCES {
            let own = catalogue(lang, text);
            for (key, value) in &english {
                assert_eq!(marks(&own[key]), marks(value), "{}: {key}", lang.code());
            }
        }
    }

    #[test]
    fn every_check_rule_has_its_name() {
        for rule in crate::checks::RULES {
            let key = format!("rule_{}", rule.id);
            let en = catalogue(Lang::En, SOURCES[3].1);
            assert!(en.contains_key(&key), "{key}");
        }
    }

    #[test]
    fn the_desk_phrases_are_said_in_each_language() {
        let reason = crate::desk::words::Phrase::with("why_column_exact", "column", "X");
        assert_eq!(reason.say(&Lang::En), "same X");
        assert_eq!(reason.say(&Lang::Ru), "совпадает «X»");
    }

    #[test]
    fn the_browser_language_with_the_highest_weight_wins() {
        assert_eq!(Lang::negotiate("de, kk-KZ;q=0.8, ru;q=0.9"), Some(Lang::Ru));
        assert_eq!(Lang::negotiate("uz-Latn-UZ"), Some(Lang::Uz));
        assert_eq!(Lang::negotiate("de, fr;q=0.5"), None);
        assert_eq!(Lang::negotiate("en;q=0, kk;q=0.1"), Some(Lang::Kk));
        assert_eq!(
            Lang::Kk.fill("results_count", &[("n", "3")]),
            "Табылған адамдар: 3"
        );
    }
}
