//! Numbers with a unit in a sentence — durations (minutes, hours, days, weeks), business days,
//! months, years, percentages and money (€, $, £, EUR, USD, GBP) — each with the words of its
//! clause, so two numbers are only compared when they are about the same thing. Durations are
//! compared in minutes, so "48 hours" and "2 days" agree; a business day is not converted (it
//! depends on the calendar), nor is money between currencies. A range ("5–7 business days", "5
//! to 7 days") is one quantity.
//!
//! Each is quoted as an editor would say it, so a contradiction's explanation reads as a
//! sentence: with its preposition ("within 30 days") or the whole bound it sets ("more than 10
//! business days", "at least 2 hours", "up to 30 days", "no later than 5 days"), a range whole.

use std::collections::BTreeSet;
use std::ops::Range;

use super::words::{content_stems, Word};

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// In minutes.
    Duration,
    BusinessDays,
    Months,
    Years,
    Percent,
    Money(&'static str),
}

/// A number with its unit in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Quantity {
    pub unit: Unit,
    /// From and to, in the unit's measure (minutes for a duration); the same twice for one
    /// number.
    pub value: (f64, f64),
    /// As written, with the preposition or bound before it ("within 30 days", "more than 10
    /// business days"), a range whole ("5–7 business days").
    pub shown: String,
    /// The stems of the content words of its clause, unit words left out.
    pub topic: BTreeSet<String>,
}

/// Prepositions quoted with the number ("within 30 days", "after 2 hours"); "than", "at least",
/// "at most" and "up to" are quoted with the words that make them a bound ([`lead_in`]).
const PREPOSITIONS: [&str; 11] = [
    "within", "in", "after", "before", "for", "under", "over", "about", "by", "to", "of",
];

/// What joins the two numbers of a range besides "to": "5–7", "5 - 7".
const RANGE_JOINS: [&str; 3] = ["-", "–", "—"];

/// Words that end a clause: numbers on either side are about different things.
const CLAUSE_WORDS: [&str; 7] = ["and", "but", "or", "while", "whereas", "except", "unless"];

/// Duration words and their length in minutes.
const DURATIONS: [(&str, f64); 13] = [
    ("minute", 1.0),
    ("minutes", 1.0),
    ("min", 1.0),
    ("mins", 1.0),
    ("hour", 60.0),
    ("hours", 60.0),
    ("hr", 60.0),
    ("hrs", 60.0),
    ("h", 60.0),
    ("day", 1440.0),
    ("days", 1440.0),
    ("week", 10080.0),
    ("weeks", 10080.0),
];

/// Currency words and symbols, and the currency they name.
const CURRENCIES: [(&str, &str); 11] = [
    ("€", "EUR"),
    ("eur", "EUR"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("$", "USD"),
    ("usd", "USD"),
    ("dollars", "USD"),
    ("£", "GBP"),
    ("gbp", "GBP"),
    ("pounds", "GBP"),
    ("dollar", "USD"),
];

/// The quantities in `text`, whose words are `words`. `skip` are ranges of the text that hold
/// contact details (a phone number's digits are no amount).
pub(super) fn quantities(text: &str, words: &[Word], skip: &[Range<usize>]) -> Vec<Quantity> {
    let mut found = Vec::new();
    let mut next_k = 0;
    for (k, word) in words.iter().enumerate() {
        if k < next_k
            || !word.lower.starts_with(|c: char| c.is_ascii_digit())
            || skip
                .iter()
                .any(|r| r.start <= word.range.start && word.range.start < r.end)
        {
            continue;
        }
        // "4.99" and "1,000" are two words with "." or "," between them.
        let (number_end, last) = number_end(text, words, k);
        next_k = last + 1;
        let Some(high) = number_value(&text[word.range.start..number_end]) else {
            continue;
        };
        if range_after(text, words, last) {
            continue; // read with the range's second number
        }
        // A range's first number has no unit of its own: it is read with the second.
        let (first, low) = range_before(text, words, k).unwrap_or((k, high));
        let Some((unit, factor, unit_end)) = unit_after(text, words, last, number_end)
            .or_else(|| money_before(text, words, first, number_end))
        else {
            continue;
        };
        let number_start = words[first].range.start;
        let start = lead_in(words, first).unwrap_or(number_start);
        let start = currency_symbol_before(text, number_start)
            .unwrap_or(start)
            .min(start);
        found.push(Quantity {
            unit,
            value: (low * factor, high * factor),
            shown: text[start..unit_end].to_owned(),
            topic: clause_topic(words, k),
        });
    }
    found
}

/// Where the number starting at word `k` ends, and its last word.
fn number_end(text: &str, words: &[Word], k: usize) -> (usize, usize) {
    let mut last = k;
    while let Some(next) = words.get(last + 1) {
        let between = &text[words[last].range.end..next.range.start];
        let digits = next.lower.chars().all(|c| c.is_ascii_digit());
        if digits && (between == "." || between == ",") {
            last += 1;
        } else {
            break;
        }
    }
    (words[last].range.end, last)
}

/// Where the number ending with word `last` starts (its first word).
fn number_start(text: &str, words: &[Word], last: usize) -> usize {
    let mut first = last;
    while first > 0 {
        let between = &text[words[first - 1].range.end..words[first].range.start];
        let digits = words[first - 1].lower.chars().all(|c| c.is_ascii_digit());
        if digits && (between == "." || between == ",") {
            first -= 1;
        } else {
            break;
        }
    }
    first
}

/// Whether words `low` and `high` are the two numbers of a range: "5–7", "5 - 7", "5 to 7".
fn is_range(text: &str, words: &[Word], low: usize, high: usize) -> bool {
    if high >= words.len() {
        return false;
    }
    let digits = |k: usize| words[k].lower.chars().all(|c| c.is_ascii_digit());
    let joined = match high.checked_sub(low) {
        Some(1) => {
            RANGE_JOINS.contains(&text[words[low].range.end..words[high].range.start].trim())
        }
        Some(2) => words[low + 1].lower == "to",
        _ => false,
    };
    joined && digits(low) && digits(high)
}

/// The word a range's second number would start at, after the number ending with word `last`.
fn range_second(words: &[Word], last: usize) -> usize {
    match words.get(last + 1) {
        Some(to) if to.lower == "to" => last + 2,
        _ => last + 1,
    }
}

/// Whether the number ending with word `last` starts a range.
fn range_after(text: &str, words: &[Word], last: usize) -> bool {
    is_range(text, words, last, range_second(words, last))
}

/// When the number at word `k` ends a range, the first word of the range's first number and
/// its value.
fn range_before(text: &str, words: &[Word], k: usize) -> Option<(usize, f64)> {
    let low = [2, 1]
        .into_iter()
        .filter_map(|back| k.checked_sub(back))
        .find(|&low| is_range(text, words, low, k))?;
    let first = number_start(text, words, low);
    let value = number_value(&text[words[first].range.start..words[low].range.end])?;
    Some((first, value))
}

/// Where the words before the number at word `k` that say how it bounds what it counts start:
/// a preposition ("within"), or a bound of two or three words ("more than", "older than", "no
/// later than", "at least", "at most", "up to"); none when the word before is neither.
fn lead_in(words: &[Word], k: usize) -> Option<usize> {
    let before = |n: usize| k.checked_sub(n).map(|i| words[i].lower.as_str());
    let from = |n: usize| Some(words[k - n].range.start);
    match before(1)? {
        // The comparative is the point: "more than 10 days", "no later than 5 days".
        "than" if before(2).is_some() => from(if before(3) == Some("no") { 3 } else { 2 }),
        "least" | "most" if before(2) == Some("at") => from(2),
        "to" if before(2) == Some("up") => from(2),
        word if PREPOSITIONS.contains(&word) => from(1),
        _ => None,
    }
}

/// "1,000" → 1000, "4.99" → 4.99, "30-day"'s "30" → 30.
fn number_value(written: &str) -> Option<f64> {
    let digits: String = written
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    digits.parse().ok()
}

/// A unit right after the number: "%", "30 days", "30-day", "14 business days", "5 €".
fn unit_after(
    text: &str,
    words: &[Word],
    last: usize,
    number_end: usize,
) -> Option<(Unit, f64, usize)> {
    let rest = &text[number_end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
    let after = &rest[gap..];
    if after.starts_with('%') {
        return Some((Unit::Percent, 1.0, number_end + gap + 1));
    }
    for (symbol, code) in CURRENCIES.iter().filter(|(s, _)| !s.is_ascii()) {
        if after.starts_with(symbol) {
            return Some((Unit::Money(code), 1.0, number_end + gap + symbol.len()));
        }
    }
    // The glued "48h" is one word: its unit is what follows the digits.
    let glued = &words[last].lower;
    let glued_unit = glued.trim_start_matches(|c: char| c.is_ascii_digit());
    if !glued_unit.is_empty() {
        return word_unit(glued_unit, None).map(|(u, f)| (u, f, words[last].range.end));
    }
    let next = words
        .get(last + 1)
        .filter(|w| w.range.start == number_end + gap)?;
    let after_next = words.get(last + 2);
    match word_unit(&next.lower, after_next.map(|w| w.lower.as_str())) {
        Some((Unit::BusinessDays, f)) => Some((Unit::BusinessDays, f, after_next?.range.end)),
        Some((unit, f)) => Some((unit, f, next.range.end)),
        None => None,
    }
}

/// The unit a word names (with the next word, for "business days").
fn word_unit(word: &str, next: Option<&str>) -> Option<(Unit, f64)> {
    if let Some((_, minutes)) = DURATIONS.iter().find(|(w, _)| *w == word) {
        return Some((Unit::Duration, *minutes));
    }
    if let Some((_, code)) = CURRENCIES.iter().find(|(w, _)| *w == word) {
        return Some((Unit::Money(code), 1.0));
    }
    match word {
        "percent" => Some((Unit::Percent, 1.0)),
        "business" | "working" if next.is_some_and(|n| n == "day" || n == "days") => {
            Some((Unit::BusinessDays, 1.0))
        }
        "month" | "months" => Some((Unit::Months, 1.0)),
        "year" | "years" => Some((Unit::Years, 1.0)),
        _ => None,
    }
}

/// Money written before the number: "€50", "$ 4.99", "EUR 20".
fn money_before(
    text: &str,
    words: &[Word],
    k: usize,
    number_end: usize,
) -> Option<(Unit, f64, usize)> {
    let start = words[k].range.start;
    if let Some(at) = currency_symbol_before(text, start) {
        let symbol = text[at..start].trim_end();
        let code = CURRENCIES.iter().find(|(s, _)| *s == symbol)?.1;
        return Some((Unit::Money(code), 1.0, number_end));
    }
    let before = words.get(k.checked_sub(1)?)?;
    let (_, code) = CURRENCIES
        .iter()
        .find(|(s, _)| ["eur", "usd", "gbp"].contains(s) && *s == before.lower)?;
    Some((Unit::Money(code), 1.0, number_end))
}

/// Where a currency symbol right before `start` (a space allowed between) begins.
fn currency_symbol_before(text: &str, start: usize) -> Option<usize> {
    let before = text[..start].trim_end_matches(' ');
    let symbol = before.chars().next_back().filter(|c| "€$£".contains(*c))?;
    Some(before.len() - symbol.len_utf8())
}

/// The content words of the clause around word `k`, numbers and unit words left out; a clause
/// with none of its own ("… or 5.99 EUR") takes the whole sentence's.
fn clause_topic(words: &[Word], k: usize) -> BTreeSet<String> {
    let breaks = |w: &Word| CLAUSE_WORDS.contains(&w.lower.as_str());
    let start = words[..k].iter().rposition(breaks).map_or(0, |p| p + 1);
    let end = words[k..]
        .iter()
        .position(breaks)
        .map_or(words.len(), |p| k + p);
    let is_unit = |w: &&Word| {
        word_unit(&w.lower, None).is_some() || matches!(w.lower.as_str(), "business" | "working")
    };
    let clause = content_stems(words[start..end].iter().filter(|w| !is_unit(w)));
    if clause.is_empty() {
        content_stems(words.iter().filter(|w| !is_unit(w)))
    } else {
        clause
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::words::words;

    fn found(text: &str) -> Vec<(Unit, (f64, f64), String)> {
        quantities(text, &words(text), &[])
            .into_iter()
            .map(|q| (q.unit, q.value, q.shown))
            .collect()
    }

    #[test]
    fn numbers_with_units_are_read_as_written() {
        assert_eq!(
            found("Refunds within 30 days, a 10% fee, €4.99 or 1,000 EUR, after 48h, 5 business days."),
            [
                (Unit::Duration, one(30.0 * 1440.0), "within 30 days".into()),
                (Unit::Percent, one(10.0), "10%".into()),
                (Unit::Money("EUR"), one(4.99), "€4.99".into()),
                (Unit::Money("EUR"), one(1000.0), "1,000 EUR".into()),
                (Unit::Duration, one(48.0 * 60.0), "after 48h".into()),
                (Unit::BusinessDays, one(5.0), "5 business days".into()),
            ]
        );
        assert_eq!(found("A 14-day return window.")[0].2, "14-day");
    }

    fn one(value: f64) -> (f64, f64) {
        (value, value)
    }

    fn shown(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(_, _, shown)| shown).collect()
    }

    #[test]
    fn a_bound_is_quoted_whole_never_from_its_last_word() {
        // The demo's refund training (its sentence as the rules read it, without the bold):
        // once quoted as "than 10 business days".
        assert_eq!(
            shown(
                "If the return was received more than 10 business days ago and is not refunded \
                 yet, hand off to a human agent."
            ),
            ["more than 10 business days"]
        );
        assert_eq!(
            shown("Reply no later than 2 hours after the call, and never sooner than 5 minutes."),
            ["no later than 2 hours", "sooner than 5 minutes"]
        );
        assert_eq!(
            shown("Keep at least 30 days, at most 60 days, up to 90 days."),
            ["at least 30 days", "at most 60 days", "up to 90 days"]
        );
        // A bound word with nothing to make it one is left out rather than quoted alone.
        assert_eq!(shown("Than 3 days. Least 4 days."), ["3 days", "4 days"]);
    }

    #[test]
    fn a_range_is_one_quantity_quoted_whole() {
        assert_eq!(
            found("Refunds take 5–7 business days to reach the card, deliveries 2 to 3 days."),
            [
                (Unit::BusinessDays, (5.0, 7.0), "5–7 business days".into()),
                (
                    Unit::Duration,
                    (2.0 * 1440.0, 3.0 * 1440.0),
                    "2 to 3 days".into()
                ),
            ]
        );
        assert_eq!(
            found("Shipping costs €4.99 - 5.99 within 1-2 hours."),
            [
                (Unit::Money("EUR"), (4.99, 5.99), "€4.99 - 5.99".into()),
                (Unit::Duration, (60.0, 120.0), "within 1-2 hours".into()),
            ]
        );
        // Not a range: an amount with its own unit, or "up to".
        assert_eq!(
            shown("From 5 days - 7 days, up to 9 days."),
            ["5 days", "7 days", "up to 9 days"]
        );
    }

    #[test]
    fn numbers_without_a_unit_are_left_alone() {
        assert!(found("Press 1 for sales, see section 4.2, order 12345.").is_empty());
    }

    #[test]
    fn the_topic_is_the_clause_s_words() {
        let text = "Refunds within 30 days and exchanges within 14 days.";
        let q = quantities(text, &words(text), &[]);
        assert_eq!(q[0].topic, BTreeSet::from(["refund".to_owned()]));
        assert_eq!(q[1].topic, BTreeSet::from(["exchang".to_owned()]));
    }
}
