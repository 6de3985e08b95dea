//! One clause of a note read into values.
//!
//! The words of a clause are labelled in turn: the markers; the articles after a marker of a
//! charge (`ст. 58-10 УК РСФСР`); sentences (`ВМН`, `10 лет ИТЛ`); dates (the longest run of at
//! most [`MAX_DATE_WORDS`] words, starting at a word with a digit, that reads as a date);
//! nationalities. A date is the date of the event of the nearest marker of an event before it
//! (after it when there is none before: `1890 г.р.`). The words left over after a marker are
//! its value: the place after `Род.` or `Расстрелян`, the residence after `Проживал:`, the
//! organ after `тройкой` or `Приговор:`, the body after `Реабилитирован`. A clause with no
//! marker and nothing else read, before any arrest, is the occupation.

use super::clause::{Token, is_initial};
use super::markers::{Hit, Markers, Role};
use super::words;

mod leftovers;
mod sentences;
use super::{MAX_DATE_STARTS, MAX_DATE_WORDS, NoteKind, NoteValue};
use crate::model::Lang;
use crate::normalize::dates;
use std::ops::Range;

/// What a word of a clause was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    /// Nothing yet.
    Free,
    /// A filler word (`в`, `на`): free, but never at the edge of a value.
    Filler,
    /// Part of the marker of this index into the note's hits.
    Marker(usize),
    /// Part of a value already read.
    Taken,
}

/// The events dates belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A birth.
    Birth,
    /// An arrest.
    Arrest,
    /// A sentence.
    Sentence,
    /// A death or execution.
    Death,
    /// A release.
    Release,
    /// A rehabilitation decision.
    Decision,
}

impl Event {
    /// The event a marker of `kind` opens, if any (`None` also for organs, which take the event
    /// of their clause).
    pub fn of(kind: NoteKind) -> Option<Event> {
        Some(match kind {
            NoteKind::BirthDate | NoteKind::BirthPlace => Event::Birth,
            NoteKind::ArrestDate => Event::Arrest,
            NoteKind::SentenceDate | NoteKind::Sentence => Event::Sentence,
            NoteKind::DeathDate | NoteKind::DeathPlace => Event::Death,
            NoteKind::Release => Event::Release,
            NoteKind::DecisionDate | NoteKind::DecidingBody | NoteKind::LegalBasis => {
                Event::Decision
            }
            _ => return None,
        })
    }

    /// The kind of a date of the event.
    fn date_kind(self) -> NoteKind {
        match self {
            Event::Birth => NoteKind::BirthDate,
            Event::Arrest => NoteKind::ArrestDate,
            Event::Sentence => NoteKind::SentenceDate,
            Event::Death => NoteKind::DeathDate,
            Event::Release => NoteKind::Release,
            Event::Decision => NoteKind::DecisionDate,
        }
    }
}

/// Reads the clauses of one note, in order, into [`Reader::values`].
pub struct Reader<'a> {
    note: &'a str,
    tokens: &'a [Token],
    hits: &'a [Hit],
    table: &'a Markers,
    lang: Option<Lang>,
    /// The values read so far, in note order.
    pub values: Vec<NoteValue>,
    /// Whether an arrest or a later event was read in an earlier clause.
    past_arrest: bool,
    /// The first hit not yet in a clause read.
    next_hit: usize,
}

/// One clause being read: its range of tokens, their labels, its markers and their events.
struct Clause {
    range: Range<usize>,
    labels: Vec<Label>,
    /// Indices into the note's hits of the markers of a kind in the clause, with their events.
    marks: Vec<(usize, Option<Event>)>,
    /// Values found: kind and token range.
    found: Vec<(NoteKind, Range<usize>)>,
    /// For each token of the clause, the number of commas before it in the clause: its phrase.
    phrases: Vec<usize>,
}

impl<'a> Reader<'a> {
    /// A reader of the note cut into `tokens`, in which the markers `hits` were found.
    pub fn new(
        note: &'a str,
        tokens: &'a [Token],
        hits: &'a [Hit],
        table: &'a Markers,
        lang: Option<Lang>,
    ) -> Self {
        Reader {
            note,
            tokens,
            hits,
            table,
            lang,
            values: Vec::new(),
            past_arrest: false,
            next_hit: 0,
        }
    }

    /// Reads the clause of the tokens `range` (clauses come in note order).
    pub fn clause(&mut self, range: Range<usize>) {
        let mut c = self.label_markers(range);
        self.read_charges(&mut c);
        self.read_legal_bases(&mut c);
        self.read_dates(&mut c);
        self.read_sentences(&mut c);
        self.read_nationalities(&mut c);
        self.read_leftovers(&mut c);
        let opens_with_marker = c
            .labels
            .first()
            .is_some_and(|l| matches!(l, Label::Marker(_)));
        if c.found.is_empty() && !self.past_arrest && !opens_with_marker {
            self.occupation(&mut c);
        }
        if c.marks
            .iter()
            .any(|(_, e)| e.is_some_and(|e| e != Event::Birth))
        {
            self.past_arrest = true;
        }
        c.found.sort_by_key(|(_, r)| r.start);
        for (kind, r) in c.found {
            self.push(kind, r);
        }
    }

    fn token_text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.note)
    }

    /// Labels the markers of the clause and gives each marker its event.
    fn label_markers(&mut self, range: Range<usize>) -> Clause {
        let mut labels = vec![Label::Free; range.len()];
        let mut marks = Vec::new();
        let mut values: Vec<(NoteKind, Range<usize>)> = Vec::new();
        while let Some(hit) = self.hits.get(self.next_hit) {
            if hit.first >= range.end {
                break;
            }
            let index = self.next_hit;
            self.next_hit += 1;
            let span = hit.first.max(range.start)..hit.last.min(range.end);
            let label = match hit.role {
                Role::Kind(kind) => {
                    marks.push((index, Event::of(kind)));
                    Label::Marker(index)
                }
                Role::Article => {
                    marks.push((index, None));
                    Label::Marker(index)
                }
                Role::Value(kind) => {
                    values.push((kind, span.clone()));
                    Label::Taken
                }
                Role::Filler => Label::Filler,
                Role::Abbreviation => Label::Free,
            };
            for i in span {
                labels[i - range.start] = label;
            }
        }
        let phrases = self.phrases(range.clone());
        let phrase = |t: usize| phrases[t - range.start];
        give_organs_events(&mut marks, self.hits, &phrase);
        Clause {
            range,
            labels,
            marks,
            found: merge_adjacent(values),
            phrases,
        }
    }

    /// Articles after a marker of a charge: words with digits, abbreviations, names of codes.
    fn read_charges(&self, c: &mut Clause) {
        for (index, _) in c.marks.clone() {
            let hit = self.hits[index];
            if hit.role != Role::Article || hit.last >= c.range.end {
                continue;
            }
            if !has_digit(self.token_text(hit.last)) || !c.is_free(hit.last) {
                c.free(hit.first..hit.last);
                continue;
            }
            let mut end = hit.last;
            while end < c.range.end && c.is_free(end) && is_article_word(self.token_text(end)) {
                end += 1;
                if self.token_text(end - 1).ends_with(';') {
                    break;
                }
            }
            let first = (hit.first..hit.last)
                .find(|&i| !self.table.is_filler(self.token_text(i)) || i + 1 == hit.last)
                .unwrap_or(hit.first);
            c.take(hit.last..end);
            c.found.push((NoteKind::Charge, first..end));
        }
    }

    /// A legal basis: its marker and every word after it up to the next marker (the dates of a
    /// decree among them).
    fn read_legal_bases(&self, c: &mut Clause) {
        for (index, _) in c.marks.clone() {
            let hit = self.hits[index];
            if hit.role != Role::Kind(NoteKind::LegalBasis) {
                continue;
            }
            let first = hit.first.max(c.range.start);
            let end = self
                .trim(c, first..c.free_run_end(hit.last))
                .map_or(hit.last, |s| s.end);
            c.take(first..end);
            c.found
                .push((NoteKind::LegalBasis, first..end.max(hit.last)));
        }
    }

    /// Dates: the longest run of free words from a word with a digit that reads as a date.
    fn read_dates(&self, c: &mut Clause) {
        let mut starts = 0;
        let mut i = c.range.start;
        while i < c.range.end && starts < MAX_DATE_STARTS {
            if !c.is_free(i) || !has_digit(self.token_text(i)) {
                i += 1;
                continue;
            }
            starts += 1;
            let mut limit = i;
            while limit < c.range.end && limit - i < MAX_DATE_WORDS && c.label(limit) == Label::Free
            {
                limit += 1;
                if ends_phrase(self.token_text(limit - 1)) {
                    break;
                }
            }
            let ends = (i + 1..=limit).rev();
            let ends = ends.filter(|&end| !trim_signs(self.token_text(end - 1)).is_empty());
            match ends.into_iter().find_map(|end| self.date_at(i..end)) {
                Some((end, event)) => {
                    c.take(i..end);
                    let phrase = |t: usize| self.phrase_of(c, t);
                    if let Some(event) = event.or_else(|| c.event_near(i, self.hits, &phrase)) {
                        c.found.push((event.date_kind(), i..end));
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// The number of commas before token `i` in its clause: which phrase it is in.
    fn phrase_of(&self, c: &Clause, i: usize) -> usize {
        let at = i.clamp(c.range.start, c.range.end) - c.range.start;
        c.phrases.get(at).copied().unwrap_or_else(|| {
            let last = c.phrases.last().copied().unwrap_or(0);
            let end = c.range.end.checked_sub(1).map(|t| self.token_text(t));
            last + usize::from(end.is_some_and(|w| w.ends_with(',')))
        })
    }

    /// For each token of the clause of the tokens `range`, the number of commas before it.
    fn phrases(&self, range: Range<usize>) -> Vec<usize> {
        let mut commas = 0;
        range
            .map(|t| {
                let phrase = commas;
                commas += usize::from(self.token_text(t).ends_with(','));
                phrase
            })
            .collect()
    }

    /// Whether the words `run` read as a date: its end, and no event (the caller finds it).
    fn date_at(&self, run: Range<usize>) -> Option<(usize, Option<Event>)> {
        let text = self.span_text(run.clone());
        let read = |t: &str| matches!(dates::parse(t, self.lang), Ok(Some(_)));
        let stripped = text.strip_suffix('.').unwrap_or(text);
        (read(text) || (stripped.len() < text.len() && read(stripped))).then_some((run.end, None))
    }

    /// Words that are a nationality on their own.
    fn read_nationalities(&self, c: &mut Clause) {
        for i in c.range.clone() {
            if !c.is_free(i) {
                continue;
            }
            if words::facts(self.token_text(i)).nationality {
                c.take(i..i + 1);
                c.found.push((NoteKind::Nationality, i..i + 1));
            }
        }
    }

    /// The run without fillers and signs at its edges, if anything is left.
    fn trim(&self, c: &Clause, run: Range<usize>) -> Option<Range<usize>> {
        let (mut first, mut end) = (run.start, run.end);
        let blank = |i: usize| {
            c.label(i) == Label::Filler
                || self.table.is_filler(self.token_text(i))
                || trim_signs(self.token_text(i)).is_empty()
        };
        while first < end && blank(first) {
            first += 1;
        }
        while end > first && blank(end - 1) {
            end -= 1;
        }
        (first < end).then_some(first..end)
    }

    /// The text of the tokens `run`, without the signs that end a phrase.
    fn span_text(&self, run: Range<usize>) -> &'a str {
        let (start, end) = self.span_bytes(run, false);
        &self.note[start..end]
    }

    /// The bytes of the tokens `run` without the signs at its edges; a final full stop is kept
    /// when `keep_stop` (the stop of an abbreviation).
    fn span_bytes(&self, run: Range<usize>, keep_stop: bool) -> (usize, usize) {
        if run.is_empty() || run.end > self.tokens.len() {
            return (0, 0);
        }
        let start = self.tokens[run.start].start;
        let end = self.tokens[run.end - 1].end;
        let text = &self.note[start..end];
        let lead_sign = |c: char| c.is_whitespace() || LEAD_SIGNS.contains(&c);
        let trail_sign = |c: char| c.is_whitespace() || TRAIL_SIGNS.contains(&c);
        let lead = text.len() - text.trim_start_matches(lead_sign).len();
        let mut body = text[lead..].trim_end_matches(trail_sign);
        if !keep_stop {
            body = body
                .strip_suffix('.')
                .unwrap_or(body)
                .trim_end_matches(trail_sign);
        }
        (start + lead, start + lead + body.len())
    }

    /// Pushes a value of the tokens `run`.
    fn push(&mut self, kind: NoteKind, run: Range<usize>) {
        if run.is_empty() {
            return;
        }
        let keep_stop = self.keeps_stop(run.end - 1);
        let (start, end) = self.span_bytes(run, keep_stop);
        if start < end {
            self.values.push(NoteValue {
                kind,
                text: self.note[start..end].to_string(),
                start,
                end,
            });
        }
    }

    /// Whether the full stop ending token `i` belongs to the word: an abbreviation, an initial
    /// or a marker.
    fn keeps_stop(&self, i: usize) -> bool {
        let at = self.hits.partition_point(|h| h.last <= i);
        let token = self.tokens[i];
        let word = token.text(self.note).trim_end_matches(TRAIL_SIGNS);
        let held = self.hits.get(at).is_some_and(|h| {
            h.first <= i && h.role != Role::Filler && h.end >= token.start + word.len()
        });
        held || is_initial(trim_signs(self.token_text(i)))
    }
}

impl Clause {
    fn label(&self, i: usize) -> Label {
        self.labels
            .get(i.wrapping_sub(self.range.start))
            .copied()
            .unwrap_or(Label::Taken)
    }

    /// Whether token `i` is in the clause and not read yet.
    fn is_free(&self, i: usize) -> bool {
        matches!(self.label(i), Label::Free | Label::Filler)
    }

    /// Marks the words of `run` as not read (a marker that turned out to mark nothing).
    fn free(&mut self, run: Range<usize>) {
        for i in run {
            if let Some(l) = self.labels.get_mut(i.wrapping_sub(self.range.start)) {
                *l = Label::Free;
            }
        }
    }

    fn take(&mut self, run: Range<usize>) {
        for i in run {
            if let Some(l) = self.labels.get_mut(i.wrapping_sub(self.range.start)) {
                *l = Label::Taken;
            }
        }
    }

    /// Just past the free words from `i`.
    fn free_run_end(&self, i: usize) -> usize {
        let mut end = i.max(self.range.start);
        while self.is_free(end) {
            end += 1;
        }
        end
    }

    /// The event of the nearest marker with an event before token `i`, or else after it; a
    /// marker in the same phrase (between commas) first (`1937 ж. 2 желтоқсанда атылған`).
    fn event_near(&self, i: usize, hits: &[Hit], phrase: &dyn Fn(usize) -> usize) -> Option<Event> {
        let marks: Vec<(usize, Event)> = self
            .marks
            .iter()
            .filter_map(|(h, e)| e.map(|e| (hits[*h].first, e)))
            .collect();
        let nearest = |list: &[(usize, Event)]| {
            let before = list.iter().rev().find(|(at, _)| *at < i);
            before
                .or_else(|| list.iter().find(|(at, _)| *at >= i))
                .map(|(_, e)| *e)
        };
        let same: Vec<(usize, Event)> = marks
            .iter()
            .copied()
            .filter(|(at, _)| phrase(*at) == phrase(i))
            .collect();
        nearest(&same).or_else(|| nearest(&marks))
    }

    fn has_date_of(&self, event: Event) -> bool {
        self.found.iter().any(|(k, _)| *k == event.date_kind())
    }
}

/// Organs sentence or decide: an organ takes the sentence or decision of the nearest marker of
/// one in its phrase (before it, else after it: `тройкой ... 02.06.1934 приговорен`), else of the
/// nearest such marker before it in the clause, else after it; a sentence when there is none.
fn give_organs_events(
    marks: &mut [(usize, Option<Event>)],
    hits: &[Hit],
    phrase: &dyn Fn(usize) -> usize,
) {
    let judging: Vec<(usize, Event)> = marks
        .iter()
        .filter(|(i, _)| hits[*i].role != Role::Kind(NoteKind::SentencingOrgan))
        .filter_map(|(i, e)| match e {
            Some(e @ (Event::Sentence | Event::Decision)) => Some((hits[*i].first, *e)),
            _ => None,
        })
        .collect();
    let nearest = |at: usize, list: &mut dyn Iterator<Item = &(usize, Event)>| {
        let list: Vec<&(usize, Event)> = list.collect();
        let before = list.iter().rev().find(|(p, _)| *p < at);
        before
            .or_else(|| list.iter().find(|(p, _)| *p > at))
            .map(|(_, e)| *e)
    };
    for (index, event) in marks.iter_mut() {
        if hits[*index].role != Role::Kind(NoteKind::SentencingOrgan) {
            continue;
        }
        let at = hits[*index].first;
        let mut same = judging.iter().filter(|(p, _)| phrase(*p) == phrase(at));
        let found = nearest(at, &mut same).or_else(|| nearest(at, &mut judging.iter()));
        *event = Some(found.unwrap_or(Event::Sentence));
    }
}

/// Runs of value words of one kind next to each other as one value (`незаконченное высшее`).
fn merge_adjacent(values: Vec<(NoteKind, Range<usize>)>) -> Vec<(NoteKind, Range<usize>)> {
    let mut merged: Vec<(NoteKind, Range<usize>)> = Vec::new();
    for (kind, run) in values {
        match merged.last_mut() {
            Some((k, last)) if *k == kind && last.end == run.start => last.end = run.end,
            _ => merged.push((kind, run)),
        }
    }
    merged
}

/// The kind of an organ in a clause of `event`.
fn organ_kind(event: Option<Event>) -> NoteKind {
    match event {
        Some(Event::Decision) => NoteKind::DecidingBody,
        _ => NoteKind::SentencingOrgan,
    }
}

/// Signs never at the start of a value.
const LEAD_SIGNS: &[char] = &[',', ';', ':', '–', '—', '-', '«', '"', '“'];
/// Signs never at the end of a value.
const TRAIL_SIGNS: &[char] = &[',', ';', ':', '–', '—', '-', '»', '"', '”'];

/// A word without the signs around it.
fn trim_signs(word: &str) -> &str {
    word.trim_matches(|c: char| !crate::normalize::text::is_letter_or_digit(c))
}

fn has_digit(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a word ends a phrase (a comma or semicolon after it).
fn ends_phrase(word: &str) -> bool {
    word.ends_with([',', ';'])
}

/// A word of a list of articles: with digits, an abbreviation (`п.`, `ч.`), `и`, or the name of
/// a code (`УК`, `РСФСР`, `АзССР`).
fn is_article_word(word: &str) -> bool {
    let bare = trim_signs(word);
    has_digit(bare)
        || bare == "и"
        || (bare.chars().count() <= 3 && word.ends_with('.'))
        || bare.chars().filter(|c| c.is_uppercase()).count() >= 2
}
