//! Archival dates: every written form read into a Gregorian interval with precision, calendar,
//! qualifier and an EDTF string.
//!
//! # Forms read
//! - Numeric: `25.12.1890`, `25/12/1890`, `1890-12-25`, `25.XII.1890`, `XII.1941`, `12.1890`,
//!   `1890-12`, `1890`. The Cyrillic look-alikes `Х` and `І` count as Roman digits.
//! - Eight digits `YYYYMMDD` (`19151111`), as person registers and exports store days; eight
//!   digits that are no day are an error, never read in another order; six digits are not read
//!   (`YYYYMM` and `DDMMYY` look alike). The rule is in the `compact` module.
//! - A day or month written `00` is unknown: `00.05.1938` and `19380500` are May 1938 (month
//!   precision), `00.00.1938`, `1938-00-00` and `19380000` the year 1938; `15.00.1938` is an error.
//! - Month names in Russian (nominative, genitive, prepositional, abbreviated: `27 дек. 1941 г.`,
//!   `27 ноября 1917 года`, `декабрь 1890`), Kazakh (`27 тамыз 2021 ж.`, `2021 ж. 27 тамыз`),
//!   Uzbek Latin and Cyrillic (`2021-yil 27-avgust`, `1938 йил 5 июнида`), Tajik (`5 марти 1938`,
//!   `моҳи март`), Kyrgyz (also the traditional names: `баш оона`) and English (`27 Dec 1941`,
//!   `Dec. 27, 1941`, `December 1890`). The lists are in `schemas/months.csv`; date words (`г.`,
//!   `около`, `ст. ст.`, `нач.` ...) and the case endings a month or season name may carry
//!   (`-да`, `-ида`, izofa `-и`) in `schemas/date_words.csv`: an inflected form needs no row.
//! - Ordinal and quoted days: `3-го марта 1917`, `3-е марта 1917`, `«3» марта 1917 г.`,
//!   `3rd March 1917`, `March 3rd, 1917`, `3-mart`, `3-наурыз`, `3-ші наурыз`.
//! - Seasons (`schemas/seasons.csv`): `зимой 1938`, `весна 1938 г.`, `summer 1937`,
//!   `1937 жылы жазда`, `1937-yil kuzida`, `тобистони соли 1937`, `1937-жылы жайында`. A season
//!   is three months: spring March–May, summer June–August, autumn September–November, and the
//!   winter of a year the December before it with its January and February (`зимой 1938` is
//!   1937-12-01..1938-02-28); precision `range`, EDTF the level 1 season `1938-24` (21 spring,
//!   22 summer, 23 autumn, 24 winter). A name that means different seasons in different languages
//!   (Kazakh `жаз` summer, Kyrgyz `жаз` spring) needs the source language.
//! - Qualifiers: `ок.`, `около`, `c.`, `circa`, `~` (approximate); `?` (uncertain); both (`%`).
//! - Decades `1930-е гг.`, `1930s`, `193X`; parts `нач.`/`сер.`/`кон.` of a decade (years 0–3,
//!   4–6, 7–9: `нач. 1920-х` is 1920–1923) or of a year (January–April, May–August,
//!   September–December).
//! - Ranges `1937-1938`, `1937–1938`, `1937/1938`, `с 1937 по 1938`, `10–15 мая 1937`, and of
//!   months or seasons `март-апрель 1938`, `March–April 1938`, `лето–осень 1937` (from the first
//!   day of the first to the last day of the second, precision `range`; the rules are in the
//!   `forms` module).
//! - Old Style (`ст. ст.`, `(с.с.)`, `по ст. стилю`, `O.S.`) converted from the Julian calendar;
//!   New Style (`н. ст.`, `N.S.`); days in both styles (`13 (25) декабря 1890`, `3(16).03.1917`,
//!   `13/25.12.1890`, `18 февраля (3 марта) 1917`, `19 декабря 1916 (1 января 1917)`): the New
//!   Style day is read, and two days that are not one day in both styles (12 days apart in the
//!   19th century, 13 in 1900–2099) are an error naming both. Unmarked dates before 1918-02-14
//!   are kept as written with calendar `unknown` (the rules are in the `value` module).
//! - Markers of the unknown (`не установлено`, `нет сведений`, `unknown`, `n/a`, `белгісіз`,
//!   `noma'lum`: `schemas/unknown_markers.csv`) are no date: `Ok(None)`, not an error. A last
//!   clause that says a part is unknown (`1938, место неизвестно`, `май 1938 (день неизвестен)`)
//!   is dropped and the date before it read (the `remark` module).
//!
//! # Two-digit years
//! Never read on their own. The reader is not told which column a value comes from, and no
//! column of these archives has a safe century: victims' birth years run from the 1850s to the
//! 1940s (`68` in a birth date may be 1868, `05` may be 1805 or 1905), death dates from 1918 to
//! the 1990s, and rehabilitation decisions from the 1950s to the 2020s (`05` is 2005 there but
//! 1905 in a birth date). A two-digit year is an error that says so. The one exception is the
//! end of a range written with a slash or a dash whose start gives the century (`1937/38`,
//! `1937–38`); with a bare hyphen, `1937-38` is the ISO form `YYYY-MM` and fails as month 38.
//!
//! # Language
//! `lang` only settles a month name that means different months in different languages. The
//! shipped lists have no such collision (a test keeps it so): the forms shared between
//! languages (`март` in Russian, Uzbek, Tajik and Kyrgyz; `may` in English and Uzbek; `июн` as a
//! Russian abbreviation and the Tajik name) name the same month everywhere, and forms that would
//! be ambiguous, such as `ию` (июнь or июль), are left out. Without `lang` a collision added to
//! the lists is reported as [`DateError::AmbiguousMonth`], never guessed.
//!
//! # Years
//! Four-digit years from 1000 to 2100 are read; others are errors. Every value has
//! `earliest <= latest`.

mod cell;
mod classify;
mod compact;
mod edtf;
mod error;
mod forms;
mod julian;
mod lex;
mod remark;
mod value;
mod words;

#[cfg(test)]
mod tests;

pub use error::DateError;
pub use julian::{
    SWITCH, gregorian_to_julian, is_julian_leap, julian_month_days, julian_to_gregorian,
};
pub use lex::{MAX_BYTES as MAX_DATE_BYTES, MAX_TOKENS as MAX_DATE_PARTS};

use crate::model::{DateValue, Lang, Typed, is_unknown_marker};

/// Reads a date as written; `Ok(None)` for an empty or blank text, or a marker of the unknown
/// (`не установлено`, `noma'lum`, `n/a`: `schemas/unknown_markers.csv`).
pub fn parse(text: &str, lang: Option<Lang>) -> Result<Option<DateValue>, DateError> {
    if text.trim().is_empty() || is_unknown_marker(text) {
        return Ok(None);
    }
    let text = remark::without_unknown_remark(text);
    let lexed = lex::lex(text)?;
    if lexed.len == 0 {
        return Ok(None);
    }
    let items = classify::classify(&lexed, words::vocabulary(), lang)?;
    let items = items.as_slice();
    let restate = |e| match compact::digits_in(items) {
        Some(digits) => compact::restate(digits, e),
        None => e,
    };
    let expr = forms::read(items, text).map_err(restate)?;
    value::build(expr, value::Marks::of(items))
        .map(Some)
        .map_err(restate)
}

/// Reads a spreadsheet cell of a date column, using its typed value when there is one.
///
/// A real date cell is the day it shows; a number cell is a year (1000–2100), an Excel serial
/// day (2101–73415) or a day written `YYYYMMDD` (10000101–21001231), see the rule in the `cell`
/// module; any other cell is read from its text.
pub fn parse_cell(
    text: &str,
    typed: Option<Typed>,
    lang: Option<Lang>,
) -> Result<Option<DateValue>, DateError> {
    match typed {
        Some(Typed::DateTime(dt)) => cell::date(dt.date()).map(Some),
        Some(Typed::Number(x)) => cell::number(x).map(Some),
        None => parse(text, lang),
    }
}

pub use words::{check_loaded, check_month_line, check_season_line, check_word_line};
