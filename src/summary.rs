//! What a person's mentions say together: preferred name forms, birth interval, birth place.
//! Computed once per person after attachment, for every output that describes persons.

use crate::model::{Gender, Mention, Person, Place, Script, Text};
use crate::normalize::text;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

/// The summary of one person written to `persons.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The preferred Cyrillic name form (the fullest, best-attested; see [`preferred`]), else
    /// the preferred form of any script.
    pub name: String,
    /// The preferred name in Latin letters: a Cyrillic name romanised by one standard scheme
    /// ([`romanise`]), else the preferred Latin form.
    pub name_latin: String,
    /// The most frequent surname key.
    pub surname_key: String,
    /// The most frequent given-name key.
    pub given_key: String,
    /// The most frequent father's-name key.
    pub father_key: String,
    /// The gender most mentions indicate.
    pub gender: Option<Gender>,
    /// Birth interval: the intersection of the mentions' intervals, or their span when they do
    /// not overlap.
    pub birth: Option<(NaiveDate, NaiveDate)>,
    /// The most frequent resolved birth place (modern name and gazetteer key), shared with the
    /// mentions that name it.
    pub place: Option<Arc<Place>>,
    /// Arrest interval, reconciled as the birth interval is.
    pub arrest: Option<(NaiveDate, NaiveDate)>,
    /// Death interval, reconciled as the birth interval is.
    pub death: Option<(NaiveDate, NaiveDate)>,
    /// The most frequent sentence key (`death`, `camp:10`).
    pub sentence_key: String,
    /// The most frequent sentencing organ key (`nkvd_troika`).
    pub organ_key: String,
}

/// Summarises every person, in person order, in parallel.
pub fn summarize_all(mentions: &[Mention], persons: &[Person]) -> Vec<Summary> {
    persons
        .par_iter()
        .map(|p| {
            let members: Vec<&Mention> = p.mentions.iter().map(|&i| &mentions[i]).collect();
            summarize(&members)
        })
        .collect()
}

/// Summarises the mentions of one person.
pub fn summarize(mentions: &[&Mention]) -> Summary {
    let in_script = |s: Script| -> Vec<&Mention> {
        mentions
            .iter()
            .copied()
            .filter(|m| m.name.script == Some(s))
            .collect()
    };
    let cyrillic = preferred(&in_script(Script::Cyrillic));
    let name_latin = match &cyrillic {
        Some(name) => romanise(name),
        None => preferred(&in_script(Script::Latin))
            .map(|n| uzbek_letter_marks(&n))
            .unwrap_or_default(),
    };
    let name = cyrillic.or_else(|| preferred(mentions)).unwrap_or_default();
    Summary {
        name,
        name_latin,
        surname_key: most_frequent(mentions.iter().map(|m| m.name.surname_key.as_str())),
        given_key: most_frequent(mentions.iter().map(|m| m.name.given_key.as_str())),
        father_key: most_frequent(mentions.iter().map(|m| m.name.father_key.as_str())),
        gender: majority_gender(mentions),
        birth: birth_interval(mentions),
        place: most_frequent_place(mentions),
        arrest: interval(mentions, |m| &m.arrest),
        death: interval(mentions, |m| &m.death),
        sentence_key: most_frequent_by(mentions.iter().filter_map(|m| m.sentence_key), |k| *k)
            .map(|k| k.to_string())
            .unwrap_or_default(),
        organ_key: most_frequent(mentions.iter().filter_map(|m| m.sentencing_organ_key)),
    }
}

/// The preferred name form among mentions, whatever their order: the fullest (most of surname,
/// given name and patronymic written), then the one whose parts most mentions share, then the
/// most frequent form, then the first in alphabetical order. `None` when no mention has a name.
pub fn preferred(mentions: &[&Mention]) -> Option<String> {
    if let [only] = mentions {
        let form = tidy(&display_name(only));
        return (!form.is_empty()).then_some(form);
    }
    let part_key = text::lowercase;
    let mut shared: HashMap<(usize, String), usize> = HashMap::new();
    for m in mentions {
        for (i, part) in parts(m).iter().enumerate() {
            if !part.is_empty() {
                *shared.entry((i, part_key(part))).or_default() += 1;
            }
        }
    }
    let mut forms: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for m in mentions {
        let form = tidy(&display_name(m));
        if form.is_empty() {
            continue;
        }
        let p = parts(m);
        let full = p.iter().filter(|x| is_written_out(x)).count();
        let attested: usize = p
            .iter()
            .enumerate()
            .filter(|(_, x)| !x.is_empty())
            .map(|(i, x)| shared.get(&(i, part_key(x))).copied().unwrap_or(0))
            .sum();
        forms.entry(form).or_insert((full, attested, 0)).2 += 1;
    }
    forms
        .into_iter()
        .max_by(|(fa, a), (fb, b)| a.cmp(b).then_with(|| fb.cmp(fa)))
        .map(|(form, _)| form)
}

/// Whether a name part is written out, not an initial (`М.`) or empty.
fn is_written_out(part: &str) -> bool {
    part.chars().filter(|&c| text::is_letter(c)).count() > 1 && !part.ends_with('.')
}

fn parts(m: &Mention) -> [&str; 3] {
    [&m.name.surname, &m.name.given, &m.name.patronymic].map(Text::as_str)
}

/// A word written all in capitals (`БЕЙСЕНБАЕВ`) with only its first letter so.
fn tidy(form: &str) -> String {
    let words: Vec<String> = form
        .split(' ')
        .map(|w| {
            let letters = w.chars().filter(|&c| text::is_letter(c));
            if w.chars().count() > 1 && letters.clone().all(char::is_uppercase) {
                let mut chars = w.chars();
                let first: String = chars.next().into_iter().collect();
                first + &text::lowercase(chars.as_str())
            } else {
                w.to_string()
            }
        })
        .collect();
    words.join(" ")
}

/// A Latin name with the apostrophes of `oʻ` and `gʻ` written as Uzbek Latin writes them (ʻ).
fn uzbek_letter_marks(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    for (i, &c) in chars.iter().enumerate() {
        let after_og = i > 0 && matches!(chars[i - 1], 'o' | 'O' | 'g' | 'G');
        match crate::normalize::text::is_apostrophe(c) && after_og {
            true => out.push('\u{2bb}'),
            false => out.push(c),
        }
    }
    out
}

/// A Cyrillic name in Latin letters: the Kazakh Latin alphabet of 2021 when it has a letter of
/// Kazakh only (`ә ө ұ ү і ң һ`, or `қ ғ` without an Uzbek letter), the Uzbek Latin alphabet when
/// it has `ў` or `ҳ`, else BGN/PCGN.
pub fn romanise(name: &str) -> String {
    use crate::normalize::translit::{Scheme, render};
    let lower = text::lowercase(name);
    let has = |letters: &str| lower.chars().any(|c| letters.contains(c));
    let scheme = if has("ўҳ") {
        Scheme::Uzbek
    } else if has("әөұүіңһқғ") {
        Scheme::Kazakh2021
    } else {
        Scheme::Bgn
    };
    render(name, scheme)
}

/// The most frequent resolved birth place by modern name and key; ties go to the first seen.
fn most_frequent_place(mentions: &[&Mention]) -> Option<Arc<Place>> {
    let places = mentions.iter().filter_map(|m| m.birth_place.value.as_ref());
    most_frequent_by(places, |p| (p.modern.clone(), p.key.clone())).map(Arc::clone)
}

/// A mention's name as `Surname Given Patronymic`, or as written when it has no parts.
fn display_name(m: &Mention) -> String {
    let n = &m.name;
    let parts: Vec<&str> = [&n.surname, &n.given, &n.patronymic]
        .into_iter()
        .map(Text::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        m.name_raw.to_string()
    } else {
        parts.join(" ")
    }
}

/// The most frequent non-empty value; ties go to the one seen first.
fn most_frequent<'a>(values: impl Iterator<Item = &'a str>) -> String {
    most_frequent_by(values.filter(|v| !v.is_empty()), |v| *v)
        .unwrap_or_default()
        .to_string()
}

/// Items at most for which [`most_frequent_by`] compares keys pair by pair instead of hashing
/// them (most persons have one to three mentions).
const FEW: usize = 8;

/// The first-seen item of the most frequent key; ties go to the key seen first.
fn most_frequent_by<T, K: Eq + Hash>(
    items: impl Iterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Option<T> {
    let items: Vec<T> = items.collect();
    if items.len() <= FEW {
        return most_frequent_of_few(items, key);
    }
    let mut counts: HashMap<K, (usize, usize)> = HashMap::new();
    let mut firsts: Vec<T> = Vec::new();
    for item in items {
        let slot = counts.entry(key(&item)).or_insert_with(|| {
            firsts.push(item);
            (0, firsts.len() - 1)
        });
        slot.0 += 1;
    }
    let (_, first) = counts
        .into_values()
        .max_by(|a, b| (a.0, std::cmp::Reverse(a.1)).cmp(&(b.0, std::cmp::Reverse(b.1))))?;
    firsts.into_iter().nth(first)
}

/// [`most_frequent_by`] of a few items, each key compared with the keys before it.
fn most_frequent_of_few<T, K: Eq>(items: Vec<T>, key: impl Fn(&T) -> K) -> Option<T> {
    let keys: Vec<K> = items.iter().map(&key).collect();
    let count = |k: &K| keys.iter().filter(|other| *other == k).count();
    let mut best: Option<(usize, usize)> = None;
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].contains(k) {
            continue;
        }
        let n = count(k);
        if best.is_none_or(|(most, _)| n > most) {
            best = Some((n, i));
        }
    }
    let (_, at) = best?;
    items.into_iter().nth(at)
}

fn majority_gender(mentions: &[&Mention]) -> Option<Gender> {
    let count = |g: Gender| mentions.iter().filter(|m| m.name.gender == Some(g)).count();
    let (male, female) = (count(Gender::Male), count(Gender::Female));
    match male.cmp(&female) {
        std::cmp::Ordering::Greater => Some(Gender::Male),
        std::cmp::Ordering::Less => Some(Gender::Female),
        std::cmp::Ordering::Equal => None,
    }
}

fn birth_interval(mentions: &[&Mention]) -> Option<(NaiveDate, NaiveDate)> {
    interval(mentions, |m| &m.birth)
}

/// The days the mentions' dates allow together: their intersection, or their span when they do
/// not overlap.
fn interval(
    mentions: &[&Mention],
    date: fn(&Mention) -> &crate::model::Norm<crate::model::DateValue>,
) -> Option<(NaiveDate, NaiveDate)> {
    let dates: Vec<_> = mentions
        .iter()
        .filter_map(|m| date(m).value.as_ref())
        .collect();
    let earliest = dates.iter().map(|d| d.earliest).max()?;
    let latest = dates.iter().map(|d| d.latest).min()?;
    let (from, to) = if earliest <= latest {
        (earliest, latest)
    } else {
        let span_from = dates.iter().map(|d| d.earliest).min()?;
        let span_to = dates.iter().map(|d| d.latest).max()?;
        (span_from, span_to)
    };
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(surname: &str, given: &str, patronymic: &str) -> Mention {
        Mention {
            name: Arc::new(crate::model::NameParts {
                surname: surname.into(),
                given: given.into(),
                patronymic: patronymic.into(),
                script: Some(Script::Cyrillic),
                ..crate::model::NameParts::default()
            }),
            ..Mention::default()
        }
    }

    #[test]
    fn the_preferred_name_is_the_fullest_best_attested_in_any_order() {
        let forms = [
            named("Рахимов", "Мумин", ""),
            named("Рахимов", "Мумин", "Ибрагимович"),
            named("Рхимов", "Мумин", "Ибрагимович"),
            named("Рахимов", "М.", "И."),
            named("Рахимов", "Мумин", ""),
        ];
        let mut order: Vec<&Mention> = forms.iter().collect();
        for _ in 0..order.len() {
            assert_eq!(
                preferred(&order).as_deref(),
                Some("Рахимов Мумин Ибрагимович")
            );
            order.rotate_left(1);
        }
        order.reverse();
        assert_eq!(summarize(&order).name_latin, "Rakhimov Mumin Ibragimovich");
    }

    #[test]
    fn names_romanise_by_one_scheme_per_language() {
        assert_eq!(romanise("Шокаев Мустафа"), "Shokayev Mustafa");
        assert_eq!(
            romanise("Жумабаев Смагул Калиаскарович"),
            "Zhumabayev Smagul Kaliaskarovich"
        );
        assert_eq!(romanise("Шоқай Мұстафа"), "Şoqai Mūstafa");
        assert_eq!(romanise("Ғулом Ҳакимов"), "Gʻulom Hakimov");
        assert_eq!(uzbek_letter_marks("G`ulom O'g'li"), "Gʻulom Oʻgʻli");
        assert_eq!(tidy("БЕЙСЕНБАЕВ Смагул"), "Бейсенбаев Смагул");
    }

    #[test]
    fn the_most_frequent_value_wins_and_ties_go_to_the_first_seen() {
        let values = ["b", "a", "", "a", "b", "c"];
        assert_eq!(most_frequent(values.into_iter()), "b");
        let values = ["x", "y", "y", ""];
        assert_eq!(most_frequent(values.into_iter()), "y");
        assert_eq!(most_frequent(std::iter::empty()), "");
    }

    /// The most frequent value, ties to the first seen, counted the plainest way.
    fn plainly_most_frequent(values: &[u8]) -> Option<u8> {
        let count = |v: u8| values.iter().filter(|&&w| w == v).count();
        let mut best: Option<u8> = None;
        for &v in values {
            if best.is_none_or(|b| count(v) > count(b)) {
                best = Some(v);
            }
        }
        best
    }

    proptest::proptest! {
        #[test]
        fn few_values_and_many_give_the_same_winner(
            values in proptest::collection::vec(0u8..5, 0..3 * FEW),
        ) {
            let won = most_frequent_by(values.iter().copied(), |v| *v);
            proptest::prop_assert_eq!(won, plainly_most_frequent(&values));
        }
    }
}
