//! Decides which token is the surname, which the given name(s) and which the patronymic, from
//! the parts themselves (patronymic markers, known given names, surname suffixes, capitals,
//! commas) and only then from position.

use super::data::NameData;
use super::given::given_key;
use super::surname::has_suffix;
use super::tokens::Token;
use crate::normalize::translit::Hints;

/// The roles of the tokens of one name field, as token indices.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    /// The surname token, if any.
    pub surname: Option<usize>,
    /// The given-name tokens, in order.
    pub given: Vec<usize>,
    /// The patronymic token, if any.
    pub patronymic: Option<usize>,
}

/// What each token looks like, scored once.
struct Evidence {
    known_given: bool,
    surname_suffix: bool,
    patronymic: bool,
    turkic: bool,
    initial: bool,
    caps: bool,
}

fn evidence(tok: &Token, hints: Hints, data: &NameData) -> Evidence {
    let text = tok.text.as_str();
    Evidence {
        known_given: !tok.initial && given_key(text, hints, data).known,
        surname_suffix: !tok.initial && has_suffix(text, hints, data),
        patronymic: tok.patronymic.is_some(),
        turkic: tok.patronymic.as_ref().is_some_and(|p| p.turkic),
        initial: tok.initial,
        caps: tok.caps,
    }
}

fn surname_score(e: &Evidence) -> i32 {
    let mut s = 0;
    s += if e.caps { 3 } else { 0 };
    s += if e.surname_suffix { 2 } else { 0 };
    s -= if e.known_given && !e.surname_suffix {
        2
    } else {
        0
    };
    s -= if e.initial { 5 } else { 0 };
    s += match (e.patronymic, e.turkic) {
        (true, true) => 0,
        (true, false) => -4,
        _ => 0,
    };
    s
}

fn given_score(e: &Evidence) -> i32 {
    let mut s = 0;
    s += if e.known_given { 2 } else { 0 };
    s += if e.initial { 1 } else { 0 };
    s -= if e.surname_suffix && !e.known_given {
        1
    } else {
        0
    };
    s -= if e.caps { 2 } else { 0 };
    s -= if e.patronymic { 3 } else { 0 };
    s
}

fn patronymic_score(e: &Evidence) -> i32 {
    match (e.patronymic, e.initial) {
        (true, _) => 3,
        (false, true) => 1,
        (false, false) if e.known_given => 1,
        (false, false) if e.surname_suffix => -2,
        _ => -1,
    }
}

/// Chooses the layout of a name's tokens.
pub fn layout(tokens: &[Token], hints: Hints, data: &NameData) -> Layout {
    let n = tokens.len();
    if n == 0 {
        return Layout::default();
    }
    if let Some(comma) = tokens.iter().position(|t| t.comma).filter(|c| c + 1 < n) {
        return comma_layout(tokens, comma);
    }
    let ev: Vec<Evidence> = tokens.iter().map(|t| evidence(t, hints, data)).collect();
    if n == 1 {
        return single(&ev[0]);
    }
    let mut best: Option<(i32, Layout)> = None;
    for candidate in candidates(n, &ev) {
        let score = score(&candidate, &ev);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, l)| l).unwrap_or_default()
}

fn single(e: &Evidence) -> Layout {
    if e.known_given && !e.surname_suffix && !e.caps {
        Layout {
            surname: None,
            given: vec![0],
            patronymic: None,
        }
    } else if e.patronymic {
        Layout {
            surname: None,
            given: Vec::new(),
            patronymic: Some(0),
        }
    } else {
        Layout {
            surname: Some(0),
            given: Vec::new(),
            patronymic: None,
        }
    }
}

fn comma_layout(tokens: &[Token], comma: usize) -> Layout {
    let rest: Vec<usize> = (comma + 1..tokens.len()).collect();
    let patronymic = rest
        .iter()
        .rposition(|&i| tokens[i].patronymic.is_some())
        .or((rest.len() >= 2).then(|| rest.len() - 1));
    let given = rest
        .iter()
        .enumerate()
        .filter(|(pos, _)| Some(*pos) != patronymic)
        .map(|(_, &i)| i)
        .collect();
    Layout {
        surname: Some(0),
        given,
        patronymic: patronymic.map(|p| rest[p]),
    }
}

/// Surname first or last (or absent), or in the middle of three tokens that end in a marked
/// patronymic (`Аман Атабаев Мухаммедович`); the patronymic is the marked token, else the last
/// of the rest when three or more tokens remain; the rest are given names.
fn candidates(n: usize, ev: &[Evidence]) -> Vec<Layout> {
    let mut out = Vec::new();
    let mut positions = vec![Some(0), Some(n - 1), None];
    if n == 3 && ev[2].patronymic && !ev[2].turkic {
        positions.push(Some(1));
    }
    for surname in positions {
        let rest: Vec<usize> = (0..n).filter(|i| Some(*i) != surname).collect();
        let marked = rest.iter().rposition(|&i| ev[i].patronymic);
        let by_position = (rest.len() >= 2 && surname.is_some()).then(|| rest.len() - 1);
        let mut options = vec![marked.or(by_position)];
        if marked.is_none() && by_position.is_some() {
            options.push(None);
        }
        for p in options {
            let given = rest
                .iter()
                .enumerate()
                .filter(|(pos, _)| Some(*pos) != p)
                .map(|(_, &i)| i)
                .collect();
            out.push(Layout {
                surname,
                given,
                patronymic: p.map(|p| rest[p]),
            });
        }
    }
    out
}

fn score(l: &Layout, ev: &[Evidence]) -> i32 {
    let mut s = match l.surname {
        Some(i) => surname_score(&ev[i]) + if i == 0 { 1 } else { 0 },
        None => -3,
    };
    s += l.given.iter().map(|&i| given_score(&ev[i])).sum::<i32>();
    if let Some(p) = l.patronymic {
        s += patronymic_score(&ev[p]);
    }
    if l.given.is_empty() && l.surname.is_some() {
        s -= 2;
    }
    s
}
