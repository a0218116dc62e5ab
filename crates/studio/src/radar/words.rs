//! Words as the contradiction rules compare them: lower-cased runs of letters and digits (an
//! apostrophe inside a word kept: "don't", "customer's"), function words set aside, and each
//! content word reduced to its stem with the English Snowball stemmer (`rust-stemmers`, the one
//! tantivy uses), so "offer", "offers" and "offered", or "discount" and "discounts", match.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};

static ENGLISH: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

/// Words that carry no topic of their own: articles, pronouns, auxiliaries, prepositions,
/// conjunctions, and the absolutes and negations the rules read separately.
const STOP_WORDS: [&str; 119] = [
    "a", "about", "above", "after", "again", "all", "also", "always", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "can't", "cannot", "could", "did", "didn't", "do", "does",
    "doesn't", "don't", "each", "either", "ever", "every", "few", "for", "from", "had", "has",
    "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "isn't", "it",
    "it's", "its", "just", "may", "me", "might", "more", "most", "must", "mustn't", "my", "never",
    "no", "nor", "not", "of", "on", "once", "only", "or", "other", "our", "out", "over", "own",
    "please", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "too", "under", "until", "up",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "why", "will",
];

/// Further function words (kept apart so each list stays readable).
const MORE_STOP_WORDS: [&str; 14] = [
    "with",
    "within",
    "without",
    "would",
    "you",
    "your",
    "yours",
    "won't",
    "wasn't",
    "weren't",
    "shouldn't",
    "couldn't",
    "allowed",
    "via",
];

/// A word of a sentence: lower-cased, with its byte range in the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub lower: String,
    pub range: Range<usize>,
}

/// The words of `text`, in order. Curly apostrophes read as straight ones.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let apostrophe_inside = matches!(c, '\'' | '’')
            && start.is_some()
            && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || apostrophe_inside {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            words.push(word(text, s..i));
        }
    }
    if let Some(s) = start {
        words.push(word(text, s..text.len()));
    }
    words
}

fn word(text: &str, range: Range<usize>) -> Word {
    Word {
        lower: text[range.clone()].to_lowercase().replace('’', "'"),
        range,
    }
}

pub(super) fn is_stop_word(lower: &str) -> bool {
    STOP_WORDS.contains(&lower) || MORE_STOP_WORDS.contains(&lower)
}

/// A content word: not a function word, and not a bare number (numbers are compared by their
/// own rule).
pub(super) fn is_content_word(lower: &str) -> bool {
    !is_stop_word(lower) && lower.chars().any(char::is_alphabetic)
}

/// The stem of a lower-cased word, a possessive "'s" dropped first.
pub(super) fn stem(lower: &str) -> String {
    let bare = lower.strip_suffix("'s").unwrap_or(lower);
    ENGLISH.stem(bare).into_owned()
}

/// The stems of the content words among `words`.
pub(super) fn content_stems<'a>(words: impl IntoIterator<Item = &'a Word>) -> BTreeSet<String> {
    words
        .into_iter()
        .filter(|w| is_content_word(&w.lower))
        .map(|w| stem(&w.lower))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_apostrophes_and_their_place() {
        let text = "Don’t share the customer's card — ever.";
        let words = words(text);
        let found: Vec<(&str, &str)> = words
            .iter()
            .map(|w| (w.lower.as_str(), &text[w.range.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                ("don't", "Don’t"),
                ("share", "share"),
                ("the", "the"),
                ("customer's", "customer's"),
                ("card", "card"),
                ("ever", "ever")
            ]
        );
    }

    #[test]
    fn stems_match_forms_of_one_word() {
        assert_eq!(stem("offers"), stem("offer"));
        assert_eq!(stem("offered"), stem("offering"));
        assert_eq!(stem("discounts"), stem("discount"));
        assert_eq!(stem("customer's"), stem("customers"));
        assert_ne!(stem("refund"), stem("reply"));
    }

    #[test]
    fn content_words_leave_function_words_and_numbers_out() {
        let words = words("Always reply to the customer within 2 days.");
        let stems = content_stems(&words);
        assert_eq!(
            stems,
            BTreeSet::from(["repli".into(), "custom".into(), "day".into()])
        );
    }
}
