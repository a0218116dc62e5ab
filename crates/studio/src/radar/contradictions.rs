//! Possible contradictions between two trainings: pairs of sentences, one from each, that may
//! disagree by one of three rules an editor can read in one sentence —
//! - opposite absolutes on the same action ("always offer" / "never offer"),
//! - different numbers for the same unit about the same thing ("within 30 days" / "within 14
//!   days" where both are about refunds),
//! - different contact details of the same kind for the same thing (two support emails).
//!
//! Each flag quotes both sentences with where they are, and says which rule in one sentence. The
//! relation is symmetric: `contradictions(b, a)` flags the same pairs as `contradictions(a, b)`,
//! the quotes swapped. Two texts that read the same (the same sentences in the same order) are
//! one training compared with itself, and flag nothing.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use serde::Serialize;
use ts_rs::TS;

use super::absolutes::{absolutes, disagreement, Absolute};
use super::contacts::{contacts, Contact, ContactKind};
use super::quantities::{quantities, Quantity};
use super::sentences::{sentences, Sentence};
use super::words::{content_stems, stem, words, Word};

/// Which rule found the disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ContradictionKind {
    /// always/never, must/must not, do/do not, can/cannot, allowed/not allowed on one action.
    OppositeAbsolutes,
    /// Different numbers for the same unit (days, hours, %, money) about the same thing.
    DifferentNumbers,
    /// Different emails, phone numbers or web addresses for the same thing.
    DifferentContacts,
}

/// A sentence of one training, as a reader sees it, and where it is in the content: in bytes for
/// Rust, and in UTF-16 code units (a JavaScript string's positions) for the UI, which never
/// sees the byte range.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[ts(export)]
pub struct Quote {
    pub sentence: String,
    #[serde(skip)]
    #[ts(skip)]
    pub start: usize,
    #[serde(skip)]
    #[ts(skip)]
    pub end: usize,
    pub start_utf16: usize,
    pub end_utf16: usize,
}

/// Two sentences that may disagree: `first` from the first training, `second` from the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Contradiction {
    pub kind: ContradictionKind,
    pub first: Quote,
    pub second: Quote,
    /// The rule in one sentence: "One says within 30 days, the other within 14 days."
    pub explanation: String,
}

/// Words that say how to get in touch, not what about: two sentences sharing only these are not
/// about the same thing ("Email billing@…" and "Email shipping@…").
const CONTACT_WORDS: [&str; 24] = [
    "email", "e", "mail", "call", "phone", "number", "contact", "reach", "write", "visit", "link",
    "page", "site", "website", "address", "text", "send", "message", "ring", "dial", "click",
    "see", "team", "us",
];

/// The stems of [`CONTACT_WORDS`], worked out once.
static CONTACT_STEMS: LazyLock<BTreeSet<String>> =
    LazyLock::new(|| CONTACT_WORDS.iter().map(|w| stem(w)).collect());

/// A sentence and what the rules read in it.
#[derive(Debug, Clone)]
struct Read {
    sentence: Sentence,
    /// How the sentence is quoted: with where it is, in bytes and UTF-16 units.
    quote: Quote,
    absolutes: Vec<Absolute>,
    quantities: Vec<Quantity>,
    contacts: Vec<Contact>,
    /// The stems of its content words, contact details and contact words left out.
    contact_topic: BTreeSet<String>,
}

/// A training's content as the rules read it, read once for many comparisons (the check-up
/// compares one training with several).
#[derive(Debug, Clone)]
pub struct Reading {
    sentences: Vec<Read>,
}

impl Reading {
    pub fn of(markdown: &str) -> Self {
        Reading {
            sentences: read(markdown),
        }
    }
}

fn read(markdown: &str) -> Vec<Read> {
    sentences(markdown)
        .into_iter()
        .map(|sentence| {
            let words = words(&sentence.text);
            let contacts = contacts(&sentence);
            let in_contacts: Vec<_> = contacts.iter().filter_map(|c| c.range.clone()).collect();
            let outside = |w: &&Word| {
                !in_contacts
                    .iter()
                    .any(|r| r.start <= w.range.start && w.range.start < r.end)
            };
            let contact_topic = content_stems(words.iter().filter(outside))
                .into_iter()
                .filter(|s| !CONTACT_STEMS.contains(s))
                .collect();
            Read {
                quote: quote(markdown, &sentence),
                absolutes: absolutes(&words),
                quantities: quantities(&sentence.text, &words, &in_contacts),
                contacts,
                contact_topic,
                sentence,
            }
        })
        .collect()
}

/// The sentences of `first` and `second` that may disagree, in the order of `first`, then of
/// `second`; at most one flag per pair of sentences and rule.
pub fn contradictions(first: &str, second: &str) -> Vec<Contradiction> {
    contradictions_read(&Reading::of(first), &Reading::of(second))
}

/// [`contradictions`] of two contents read already.
pub fn contradictions_read(first: &Reading, second: &Reading) -> Vec<Contradiction> {
    let (a, b) = (&first.sentences, &second.sentences);
    let same_text = a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.sentence.text == y.sentence.text);
    if same_text {
        return Vec::new();
    }
    let mut found = Vec::new();
    for x in a.iter().filter(|r| r.may_disagree()) {
        for y in b.iter().filter(|r| r.may_disagree()) {
            if x.sentence.text == y.sentence.text {
                continue; // the same sentence agrees with itself
            }
            let rules = [
                (
                    ContradictionKind::OppositeAbsolutes,
                    disagreement(&x.absolutes, &y.absolutes),
                ),
                (ContradictionKind::DifferentNumbers, different_numbers(x, y)),
                (
                    ContradictionKind::DifferentContacts,
                    different_contacts(x, y),
                ),
            ];
            for (kind, explanation) in rules {
                if let Some(explanation) = explanation {
                    found.push(Contradiction {
                        kind,
                        first: x.quote.clone(),
                        second: y.quote.clone(),
                        explanation,
                    });
                }
            }
        }
    }
    found
}

impl Read {
    /// Whether a rule can find anything in it: a sentence without an absolute, a number or a
    /// contact detail disagrees with none (most sentences; the check-up compares many pairs).
    fn may_disagree(&self) -> bool {
        !self.absolutes.is_empty() || !self.quantities.is_empty() || !self.contacts.is_empty()
    }
}

fn quote(markdown: &str, sentence: &Sentence) -> Quote {
    let utf16 = |byte: usize| markdown[..byte].encode_utf16().count();
    Quote {
        sentence: sentence.text.clone(),
        start: sentence.range.start,
        end: sentence.range.end,
        start_utf16: utf16(sentence.range.start),
        end_utf16: utf16(sentence.range.end),
    }
}

/// Two numbers of the same unit that differ, about the same thing.
fn different_numbers(x: &Read, y: &Read) -> Option<String> {
    x.quantities.iter().find_map(|p| {
        y.quantities
            .iter()
            .find(|q| p.unit == q.unit && p.value != q.value && !p.topic.is_disjoint(&q.topic))
            .map(|q| format!("One says {}, the other {}.", p.shown, q.shown))
    })
}

/// Contact details of one kind with no value in common, in sentences about the same thing.
fn different_contacts(x: &Read, y: &Read) -> Option<String> {
    if x.contacts.is_empty()
        || y.contacts.is_empty()
        || x.contact_topic.is_disjoint(&y.contact_topic)
    {
        return None;
    }
    [ContactKind::Email, ContactKind::Phone, ContactKind::Web]
        .into_iter()
        .find_map(|kind| {
            let of_kind = |r: &Read| -> Vec<Contact> {
                r.contacts
                    .iter()
                    .filter(|c| c.kind == kind)
                    .cloned()
                    .collect()
            };
            let (mine, theirs) = (of_kind(x), of_kind(y));
            let shared = mine
                .iter()
                .any(|m| theirs.iter().any(|t| t.value == m.value));
            let (m, t) = (mine.first()?, theirs.first()?);
            (!shared).then(|| format!("One gives {}, the other {}.", m.shown, t.shown))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(a: &str, b: &str) -> Vec<(ContradictionKind, String)> {
        contradictions(a, b)
            .into_iter()
            .map(|c| (c.kind, c.explanation))
            .collect()
    }

    #[test]
    fn opposite_absolutes_are_flagged_with_both_sentences() {
        let a = "## Discounts\n\nAlways offer a discount to VIP customers.";
        let b = "Be friendly. Never offer discounts.";
        let found = contradictions(a, b);
        assert_eq!(found.len(), 1);
        let c = &found[0];
        assert_eq!(c.kind, ContradictionKind::OppositeAbsolutes);
        assert_eq!(
            c.first.sentence,
            "Always offer a discount to VIP customers."
        );
        assert_eq!(
            &a[c.first.start..c.first.end],
            "Always offer a discount to VIP customers."
        );
        assert_eq!(c.second.sentence, "Never offer discounts.");
        assert_eq!(&b[c.second.start..c.second.end], "Never offer discounts.");
        assert_eq!(
            c.explanation,
            "One says always offer, the other never offer."
        );
    }

    #[test]
    fn quotes_tell_the_ui_where_they_are_in_utf16_units() {
        let a = "Café 🎉 first. Always offer a discount.";
        let b = "Never offer discounts.";
        let c = &contradictions(a, b)[0];
        let units: Vec<u16> = a.encode_utf16().collect();
        let quoted = String::from_utf16(&units[c.first.start_utf16..c.first.end_utf16]).unwrap();
        assert_eq!(quoted, "Always offer a discount.");
        assert_eq!((c.first.start_utf16, c.first.end_utf16), (15, 39));
        assert_eq!((c.first.start, c.first.end), (18, 42));
        let json = serde_json::to_value(&c.first).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"sentence": "Always offer a discount.", "start_utf16": 15, "end_utf16": 39})
        );
    }

    #[test]
    fn different_actions_are_not_flagged() {
        assert_eq!(
            flags(
                "Never share passwords.",
                "Always verify the customer's identity."
            ),
            []
        );
    }

    #[test]
    fn different_numbers_for_the_same_thing_are_flagged() {
        assert_eq!(
            flags(
                "Refunds are possible within 30 days of delivery.",
                "- Refunds within 14 days\n- Be kind"
            ),
            [(
                ContradictionKind::DifferentNumbers,
                "One says within 30 days, the other within 14 days.".into()
            )]
        );
        assert_eq!(
            flags(
                "VIP customers get a 10% discount.",
                "The VIP discount is 15%."
            ),
            [(
                ContradictionKind::DifferentNumbers,
                "One says 10%, the other 15%.".into()
            )]
        );
        assert_eq!(
            flags(
                "Shipping costs €4.99 per order.",
                "Shipping is $4.99 or 5.99 EUR."
            ),
            [(
                ContradictionKind::DifferentNumbers,
                "One says €4.99, the other 5.99 EUR.".into()
            )]
        );
    }

    #[test]
    fn numbers_are_quoted_with_the_bound_or_range_they_belong_to() {
        // The demo's "How returns work" and "Checking the status of a return refund".
        let policy = "3. We refund within **5 business days** of receiving the parcel.";
        let status = "3. Refunds go back to the original payment method and take **5–7 business \
                      days** to show up after *Refunded*.\n\nIf the return was received more \
                      than **10 business days** ago and is not refunded yet, hand off to a human \
                      agent.";
        assert_eq!(
            flags(policy, status),
            [
                (
                    ContradictionKind::DifferentNumbers,
                    "One says within 5 business days, the other 5–7 business days.".into()
                ),
                (
                    ContradictionKind::DifferentNumbers,
                    "One says within 5 business days, the other more than 10 business days.".into()
                )
            ]
        );
        assert_eq!(
            flags(
                "Refunds reach the card in 5 days.",
                "A refund reaches the card in 5 to 7 days."
            ),
            [(
                ContradictionKind::DifferentNumbers,
                "One says in 5 days, the other in 5 to 7 days.".into()
            )]
        );
        assert_eq!(
            flags(
                "Refunds reach the card in 5–7 days.",
                "A refund reaches the card in 5 - 7 days."
            ),
            []
        );
    }

    #[test]
    fn numbers_about_other_things_or_equal_amounts_are_not() {
        assert_eq!(flags("Refunds within 30 days.", "Reply within 2 days."), []);
        assert_eq!(
            flags(
                "Refunds within 30 days.",
                "Refunds within 30 days of purchase."
            ),
            []
        );
        assert_eq!(
            flags("Answer within 48 hours.", "Answer within 2 days."),
            []
        );
        assert_eq!(
            flags(
                "Refunds within 30 days.",
                "Exchanges within 14 days and refunds within 30 days."
            ),
            []
        );
    }

    #[test]
    fn different_contact_details_for_the_same_thing_are_flagged() {
        assert_eq!(
            flags(
                "For refunds, email support@acme.com.",
                "Questions about refunds go to [our team](mailto:help@acme.com)."
            ),
            [(
                ContradictionKind::DifferentContacts,
                "One gives support@acme.com, the other help@acme.com.".into()
            )]
        );
        assert_eq!(
            flags(
                "Call billing on +1 800 555 0100.",
                "For billing, call 1-800-555-0199."
            ),
            [(
                ContradictionKind::DifferentContacts,
                "One gives +1 800 555 0100, the other 1-800-555-0199.".into()
            )]
        );
    }

    #[test]
    fn the_same_contact_or_contacts_for_other_things_are_not() {
        assert_eq!(
            flags(
                "For refunds, email support@acme.com.",
                "Refund questions: Support@Acme.com"
            ),
            []
        );
        assert_eq!(
            flags(
                "For billing, email billing@acme.com.",
                "For shipping, email shipping@acme.com."
            ),
            []
        );
        assert_eq!(
            flags(
                "Call billing on +1 800 555 0100.",
                "Call 1 800 555 0100 for billing."
            ),
            []
        );
    }

    #[test]
    fn the_same_text_or_the_same_sentence_flags_nothing() {
        let text = "Always offer a discount. Never offer a discount.";
        assert_eq!(flags(text, text), []);
        assert_eq!(
            flags("Refunds within 30 days.", "**Refunds within 30 days.**"),
            []
        );
    }
}
