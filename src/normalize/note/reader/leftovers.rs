//! The words left over in a clause once markers, dates, sentences, articles and nationalities
//! are read: the values of the markers before them (a place, a residence, an organ), the organ
//! or place written before its marker, and the occupation.

use super::{Clause, Event, Reader, organ_kind};
use crate::normalize::note::NoteKind;
use crate::normalize::note::markers::Role;
use crate::normalize::places::Gazetteer;
use std::ops::Range;

impl Reader<'_> {
    /// The words left over, as values of the marker before them.
    pub(super) fn read_leftovers(&self, c: &mut Clause) {
        let marks = c.marks.clone();
        let is_organ = |(i, _): &&(usize, Option<Event>)| {
            self.hits[*i].role == Role::Kind(NoteKind::SentencingOrgan)
        };
        for &(index, event) in marks.iter().filter(is_organ) {
            let hit = self.hits[index];
            let before = self.named_run_before(c, hit.first);
            let span = before.unwrap_or(hit.first.max(c.range.start))..c.free_run_end(hit.last);
            if let Some(span) = self.trim(c, span) {
                c.take(span.clone());
                c.found.push((organ_kind(event), span));
            }
        }
        for (n, &(index, _)) in marks.iter().enumerate().filter(|(_, m)| !is_organ(m)) {
            let hit = self.hits[index];
            let Role::Kind(kind) = hit.role else { continue };
            let region_end = marks
                .get(n + 1)
                .map_or(c.range.end, |(next, _)| self.hits[*next].first);
            let adjacent = hit.last.min(c.range.end)..c.free_run_end(hit.last).min(region_end);
            let with_marker = hit.first.max(c.range.start)..adjacent.end;
            let labels = self.token_text(hit.last - 1).ends_with(':');
            let ends_phrase = super::ends_phrase(self.token_text(hit.last - 1));
            let value = match kind {
                NoteKind::Party if !labels => Some((kind, hit.first..hit.last.min(c.range.end))),
                NoteKind::LegalBasis => None,
                NoteKind::Sentence | NoteKind::DecidingBody => Some((kind, with_marker)),
                NoteKind::Release if !c.has_date_of(Event::Release) => Some((kind, with_marker)),
                _ if ends_phrase => None,
                _ => {
                    self.read_runs_after(c, kind, adjacent.start..region_end);
                    None
                }
            };
            if let Some((kind, span)) = value.and_then(|(k, r)| Some((k, self.trim(c, r)?))) {
                c.take(span.clone());
                c.found.push((kind, span));
            }
        }
        self.read_unowned_runs(c);
        self.read_occupation_runs(c);
        self.read_free_phrases(c);
    }

    /// Phrases between commas that nothing else read, with no digit and not after a sentence, a
    /// death or a decision: the occupation, wherever a list puts it (`..., арестован 21.04.1938,
    /// счетовод, ст. 58-2, ...`).
    fn read_free_phrases(&self, c: &mut Clause) {
        let mut i = c.range.start;
        while i < c.range.end {
            let end = self.phrase_end(i, c.range.end);
            let phrase = i..end;
            i = end;
            let free = phrase.clone().all(|t| c.is_free(t));
            let digits = phrase.clone().any(|t| super::has_digit(self.token_text(t)));
            if !free || digits || self.follows_judgement(c, phrase.start) {
                continue;
            }
            let Some(span) = self.trim(c, phrase) else {
                continue;
            };
            c.take(span.clone());
            match c.found.last_mut() {
                Some((NoteKind::Occupation, last)) if last.end + 1 >= span.start => {
                    last.end = span.end;
                }
                _ => c.found.push((NoteKind::Occupation, span)),
            }
        }
    }

    /// The first run of free words in `region` (after a marker of `kind`) that is a value of
    /// the marker, read as such.
    fn read_runs_after(&self, c: &mut Clause, kind: NoteKind, region: Range<usize>) {
        let mut i = region.start;
        while i < region.end {
            if !c.is_free(i) {
                i += 1;
                continue;
            }
            let mut run = i..c.free_run_end(i).min(region.end);
            let found = self.run_kind(kind, &run);
            if found.is_some_and(NoteKind::is_place) {
                run.end = self.place_end(run.clone());
            }
            i = run.end;
            let value = found.zip(self.trim(c, run));
            if let Some((kind, span)) = value {
                c.take(span.clone());
                c.found.push((kind, span));
                return;
            }
        }
    }

    /// Where a place starting the words `run` ends: at the end of its phrase, unless the next
    /// phrase holds a term of an address or a republic (`Казахская ССР, Кзыл-Ординская обл.,
    /// Кармакчинский р-н`; `Москва, ул. Арбат, д. 5`), which goes on with it.
    fn place_end(&self, run: Range<usize>) -> usize {
        let gazetteer = Gazetteer::builtin();
        let mut end = run.start;
        while end < run.end {
            end += 1;
            if !super::ends_phrase(self.token_text(end - 1)) {
                continue;
            }
            let next = end..self.phrase_end(end, run.end);
            let places = next.clone().any(|t| {
                let word = self.token_text(t);
                gazetteer.is_address_word(word) || is_republic(word)
            });
            if !places {
                return end;
            }
        }
        run.end
    }

    /// Whether the nearest marker of an event before token `i` in its clause is a sentence, a
    /// death or a decision: words after it say more of that (`ВМН, конфискация имущества`).
    fn follows_judgement(&self, c: &Clause, i: usize) -> bool {
        let before = c
            .marks
            .iter()
            .rev()
            .filter(|(h, e)| e.is_some() && self.hits[*h].first < i)
            .find_map(|(_, e)| *e);
        matches!(
            before,
            Some(Event::Sentence | Event::Death | Event::Decision)
        )
    }

    /// Just past the phrase of words from `i` (its last word ends in a comma), `end` at most.
    fn phrase_end(&self, i: usize, end: usize) -> usize {
        let mut t = i;
        while t < end {
            t += 1;
            if super::ends_phrase(self.token_text(t - 1)) {
                break;
            }
        }
        t
    }

    /// Runs of free words left in a clause of a birth (or of no event) before any arrest: the
    /// occupation, which lists write after the place and nationality.
    fn read_occupation_runs(&self, c: &mut Clause) {
        let other_event = c
            .marks
            .iter()
            .any(|(_, e)| e.is_some_and(|e| e != Event::Birth));
        if self.past_arrest || other_event || c.found.is_empty() {
            return;
        }
        let mut i = c.range.start;
        while i < c.range.end {
            if !c.is_free(i) {
                i += 1;
                continue;
            }
            let run = i..c.free_run_end(i);
            i = run.end;
            if let Some(span) = self.trim(c, run) {
                c.take(span.clone());
                c.found.push((NoteKind::Occupation, span));
            }
        }
    }

    /// What the words after a marker of `kind` are, if anything.
    fn run_kind(&self, kind: NoteKind, run: &Range<usize>) -> Option<NoteKind> {
        let named = || self.span_text(run.clone()).chars().any(char::is_uppercase);
        match kind {
            NoteKind::BirthDate | NoteKind::BirthPlace => Some(NoteKind::BirthPlace),
            NoteKind::DeathDate | NoteKind::DeathPlace => Some(NoteKind::DeathPlace),
            NoteKind::Residence | NoteKind::Education | NoteKind::Occupation => Some(kind),
            NoteKind::Nationality | NoteKind::Charge | NoteKind::Source | NoteKind::Party => {
                Some(kind)
            }
            NoteKind::SentenceDate if named() => Some(NoteKind::SentencingOrgan),
            NoteKind::DecisionDate if named() => Some(NoteKind::DecidingBody),
            _ => None,
        }
    }

    /// The free words just before token `i`, when they hold a capital: the start of an organ
    /// written before its marker (`NKVD uchligi`).
    fn named_run_before(&self, c: &Clause, i: usize) -> Option<usize> {
        let mut first = i;
        while first > c.range.start && c.is_free(first - 1) {
            first -= 1;
        }
        let named = first < i && self.span_text(first..i).chars().any(char::is_uppercase);
        named.then_some(first)
    }

    /// Named runs of words before the first marker of a clause, in its phrase, read by the event
    /// of the clause (words before their marker, as Kazakh and Uzbek write them: `Семей уезінде
    /// туған`): the place of a birth or a death, the organ of a sentence, the body of a decision.
    fn read_unowned_runs(&self, c: &mut Clause) {
        let Some(first_mark) = c.marks.first().map(|(i, _)| self.hits[*i].first) else {
            return;
        };
        let kind = match c.marks.iter().find_map(|(_, e)| *e) {
            Some(Event::Birth) => NoteKind::BirthPlace,
            Some(Event::Death) => NoteKind::DeathPlace,
            Some(Event::Sentence) => NoteKind::SentencingOrgan,
            Some(Event::Decision) => NoteKind::DecidingBody,
            _ => return,
        };
        let mut i = c.range.start;
        while i < first_mark {
            let in_phrase = self.phrase_of(c, i) == self.phrase_of(c, first_mark);
            if !c.is_free(i) || !in_phrase {
                i += 1;
                continue;
            }
            let run = i..c.free_run_end(i).min(first_mark);
            i = run.end;
            let named = self.span_text(run.clone()).chars().any(char::is_uppercase);
            if let Some(span) = named.then(|| self.trim(c, run)).flatten() {
                c.take(span.clone());
                c.found.push((kind, span));
            }
        }
    }

    /// A clause of free words only, read as the occupation.
    pub(super) fn occupation(&self, c: &mut Clause) {
        if c.marks.iter().any(|(_, e)| e.is_some()) {
            return;
        }
        if let Some(span) = self.trim(c, c.range.clone()) {
            c.found.push((NoteKind::Occupation, span));
        }
    }
}

/// A word naming a Soviet republic as its level (`ССР`, `АССР`, `КазССР`).
fn is_republic(word: &str) -> bool {
    word.trim_matches(|c: char| !crate::normalize::text::is_letter_or_digit(c))
        .ends_with("ССР")
}
