//! What "Find" looks for ([`FindQuery`]) turned into a [`Matcher`]: plain text by default (the
//! text as typed, every character literal), "Match case" off unless asked, "Whole words" judged
//! on letters and digits of any script (so "day" is not found in "days", nor "été" in "étés"),
//! and a regular expression only when the editor asks for one ("Advanced"), whose mistakes come
//! back as one sentence an editor can act on. Matches are found left to right without overlap;
//! an empty match (a pattern such as `a*`) is never a match.

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Result, StudioError};

/// Where to look in each training.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum FindIn {
    Titles,
    Content,
    #[default]
    Both,
}

impl FindIn {
    pub fn titles(self) -> bool {
        matches!(self, FindIn::Titles | FindIn::Both)
    }

    pub fn content(self) -> bool {
        matches!(self, FindIn::Content | FindIn::Both)
    }
}

/// What to find and what to put in its place, with the editor's options.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FindQuery {
    pub find: String,
    pub replacement: String,
    pub match_case: bool,
    pub whole_words: bool,
    /// "Advanced": `find` is a regular expression and `replacement` may name its groups
    /// (`$1`, `${name}`). Off: both are plain text.
    pub regex: bool,
    pub within: FindIn,
}

/// The largest compiled pattern accepted; past it the pattern is refused as too complex.
const SIZE_LIMIT: usize = 1 << 20;

/// A query ready to find its matches in a text.
#[derive(Debug, Clone)]
pub struct Matcher {
    pattern: Regex,
    whole_words: bool,
    /// Plain text: the replacement is put in as typed (no `$1`).
    literal_replacement: bool,
    replacement: String,
}

/// One match in a text: byte offsets and the text that replaces it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Matcher {
    /// The matcher of `query`; kind `invalid_input` with a sentence for an empty search or a
    /// regular expression that is not valid.
    pub fn new(query: &FindQuery) -> Result<Matcher> {
        if query.find.is_empty() {
            return Err(StudioError::invalid_input("Type the text to find."));
        }
        let source = if query.regex {
            query.find.clone()
        } else {
            regex::escape(&query.find)
        };
        let pattern = RegexBuilder::new(&source)
            .case_insensitive(!query.match_case)
            .size_limit(SIZE_LIMIT)
            .build()
            .map_err(|e| invalid_pattern(&query.find, &e))?;
        Ok(Matcher {
            pattern,
            whole_words: query.whole_words,
            literal_replacement: !query.regex,
            replacement: query.replacement.clone(),
        })
    }

    /// Every match in `text`, left to right, without overlap.
    pub fn find_in(&self, text: &str) -> Vec<Found> {
        let mut found = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(m) = self.pattern.find_at(text, at) else {
                break;
            };
            if m.is_empty() || (self.whole_words && !whole_word(text, m.start(), m.end())) {
                // Look again one character further on: a longer or later match may be whole.
                at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            found.push(Found {
                start: m.start(),
                end: m.end(),
                replacement: self.replacement_of(text, m.start()),
            });
            at = m.end();
        }
        found
    }

    /// What replaces the match that starts at `start` (groups expanded in a regular expression).
    fn replacement_of(&self, text: &str, start: usize) -> String {
        if self.literal_replacement {
            return self.replacement.clone();
        }
        let mut out = String::new();
        if let Some(caps) = self.pattern.captures_at(text, start) {
            caps.expand(&self.replacement, &mut out);
        }
        out
    }
}

/// A letter or digit of any script, or `_`: what a word is made of.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` neither begins nor ends inside a word: a match that begins (ends)
/// with a word character must not have one just before (after) it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let inner = &text[start..end];
    let starts_word = inner.chars().next().is_some_and(is_word_char);
    let ends_word = inner.chars().next_back().is_some_and(is_word_char);
    let before = text[..start].chars().next_back().is_some_and(is_word_char);
    let after = text[end..].chars().next().is_some_and(is_word_char);
    !((starts_word && before) || (ends_word && after))
}

/// The sentence for a regular expression the regex crate refused: what it found wrong (the
/// last line of its report, without the pattern drawn above it).
fn invalid_pattern(find: &str, err: &regex::Error) -> StudioError {
    let why = match err {
        regex::Error::CompiledTooBig(_) => "it is too complex".to_owned(),
        other => other
            .to_string()
            .lines()
            .rev()
            .find_map(|line| line.trim().strip_prefix("error: ").map(str::to_owned))
            .unwrap_or_else(|| "it cannot be read".to_owned()),
    };
    StudioError::invalid_input(format!(
        "“{find}” is not a valid regular expression: {why}. Correct it, or turn off “Regular \
         expression” to find the text as typed."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn query(find: &str, replacement: &str) -> FindQuery {
        FindQuery {
            find: find.into(),
            replacement: replacement.into(),
            ..FindQuery::default()
        }
    }

    fn spans(q: &FindQuery, text: &str) -> Vec<(usize, usize, String)> {
        Matcher::new(q)
            .unwrap()
            .find_in(text)
            .into_iter()
            .map(|f| (f.start, f.end, f.replacement))
            .collect()
    }

    fn matched<'a>(q: &FindQuery, text: &'a str) -> Vec<&'a str> {
        spans(q, text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect()
    }

    #[test]
    fn plain_text_ignores_case_unless_match_case() {
        let mut q = query("30 Days", "45 days");
        let text = "Within 30 days. 30 DAYS. 30 Days.";
        assert_eq!(matched(&q, text), ["30 days", "30 DAYS", "30 Days"]);
        q.match_case = true;
        assert_eq!(matched(&q, text), ["30 Days"]);
        // Unicode case folding too.
        let q = query("ÉTÉ", "");
        assert_eq!(matched(&q, "un été chaud"), ["été"]);
    }

    #[test]
    fn plain_text_is_literal_in_the_pattern_and_the_replacement() {
        let q = query("$5.00 (net)", "$1 and ${x}");
        let found = spans(&q, "Pay $5.00 (net) or $5x00 (net).");
        assert_eq!(found, [(4, 15, "$1 and ${x}".to_owned())]);
    }

    #[test]
    fn whole_words_in_any_script() {
        let mut q = query("day", "");
        q.whole_words = true;
        assert_eq!(matched(&q, "day days today day_off day."), ["day", "day"]);
        let mut q = query("été", "");
        q.whole_words = true;
        assert_eq!(matched(&q, "étés été, préété"), ["été"]);
        let mut q = query("день", "");
        q.whole_words = true;
        assert_eq!(matched(&q, "деньги день"), ["день"]);
        // A match that starts or ends with punctuation only needs its word ends whole.
        let mut q = query("(net)", "");
        q.whole_words = true;
        assert_eq!(matched(&q, "30(net) and (net)x"), ["(net)", "(net)"]);
        // A rejected match does not hide a later whole one that overlaps it.
        let mut q = query("aa", "");
        q.whole_words = true;
        assert_eq!(spans(&q, "aaa aa").len(), 1);
    }

    #[test]
    fn a_regular_expression_only_when_asked_with_groups_in_the_replacement() {
        let mut q = query(r"(\d+) days", "$1 calendar days");
        assert!(
            matched(&q, "within 30 days").is_empty(),
            "plain text by default"
        );
        q.regex = true;
        assert_eq!(
            spans(&q, "within 30 days or 14 days"),
            [
                (7, 14, "30 calendar days".to_owned()),
                (18, 25, "14 calendar days".to_owned())
            ]
        );
        // An empty match is never a match.
        let mut q = query("x*", "y");
        q.regex = true;
        assert_eq!(matched(&q, "ab xx c"), ["xx"]);
    }

    #[test]
    fn mistakes_are_one_clear_sentence() {
        let err = Matcher::new(&query("", "x")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(err.message(), "Type the text to find.");
        let mut q = query("(30 days", "");
        assert!(
            Matcher::new(&q).is_ok(),
            "plain text: a bracket is a bracket"
        );
        q.regex = true;
        let err = Matcher::new(&q).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(
            err.message(),
            "“(30 days” is not a valid regular expression: unclosed group. Correct it, or turn \
             off “Regular expression” to find the text as typed."
        );
        assert!(!err.message().contains('\n'));
        let mut q = query("a{1000}{1000}{1000}", "");
        q.regex = true;
        assert!(Matcher::new(&q)
            .unwrap_err()
            .message()
            .contains("it is too complex"));
    }
}
