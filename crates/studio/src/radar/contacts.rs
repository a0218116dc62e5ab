//! Contact details in a sentence — email addresses, phone numbers, web addresses — from its text
//! and from its links' addresses, each normalised so the same detail written two ways compares
//! equal: emails and web addresses lower-cased (a web address without its scheme, "www." and
//! closing "/"), phone numbers as their digits.

use std::ops::Range;

use super::sentences::Sentence;

/// What kind of contact detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum ContactKind {
    Email,
    Phone,
    Web,
}

/// One contact detail: its kind, its value to compare, and how it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Contact {
    pub kind: ContactKind,
    pub value: String,
    pub shown: String,
    /// Where it is in the sentence's text (none when it comes from a link's address).
    pub range: Option<Range<usize>>,
}

/// A phone number has at least this many digits (shorter runs are amounts, days, codes).
const PHONE_MIN_DIGITS: usize = 7;

/// The contact details of a sentence, in the order of its text, then those of its links.
pub(super) fn contacts(sentence: &Sentence) -> Vec<Contact> {
    let text = &sentence.text;
    let mut found = Vec::new();
    for chunk in chunks(text) {
        let shown = &text[chunk.clone()];
        if let Some(contact) = email_or_web(shown) {
            found.push(Contact {
                range: Some(chunk),
                ..contact
            });
        }
    }
    for phone in phones(text) {
        if !found
            .iter()
            .any(|c| c.range.as_ref().is_some_and(|r| overlaps(r, &phone)))
        {
            let shown = &text[phone.clone()];
            found.push(Contact {
                kind: ContactKind::Phone,
                value: digits(shown),
                shown: shown.to_owned(),
                range: Some(phone),
            });
        }
    }
    found.sort_by_key(|c| c.range.as_ref().map(|r| r.start));
    for address in &sentence.links {
        if let Some(contact) = link_contact(address) {
            found.push(contact);
        }
    }
    found
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whitespace-separated pieces of `text`, without the punctuation around them.
fn chunks(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += piece.len();
        let edge = |c: char| c.is_whitespace() || "()[]<>\"'“”‘’,;:!?.".contains(c);
        let trimmed = piece.trim_start_matches(edge);
        let lead = piece.len() - trimmed.len();
        let inner = trimmed.trim_end_matches(edge);
        if !inner.is_empty() {
            out.push(start + lead..start + lead + inner.len());
        }
    }
    out
}

/// An email address or a web address written out.
fn email_or_web(shown: &str) -> Option<Contact> {
    let lower = shown.to_lowercase();
    if let Some((local, domain)) = lower.split_once('@') {
        let valid = !local.is_empty() && domain.contains('.') && !domain.contains('@');
        return valid.then(|| Contact {
            kind: ContactKind::Email,
            value: lower.clone(),
            shown: shown.to_owned(),
            range: None,
        });
    }
    let is_web = ["http://", "https://", "www."]
        .iter()
        .any(|start| lower.starts_with(start));
    is_web.then(|| Contact {
        kind: ContactKind::Web,
        value: web_value(&lower),
        shown: shown.to_owned(),
        range: None,
    })
}

/// "HTTPS://www.Example.com/help/" → "example.com/help".
fn web_value(lower: &str) -> String {
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .unwrap_or(lower);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.trim_end_matches('/').to_owned()
}

/// A link's address as a contact: `mailto:`, `tel:`, or a web page.
fn link_contact(address: &str) -> Option<Contact> {
    let address = address.trim();
    let lower = address.to_lowercase();
    if let Some(email) = lower.strip_prefix("mailto:") {
        let email = email.split('?').next().unwrap_or(email);
        return Some(Contact {
            kind: ContactKind::Email,
            value: email.to_owned(),
            shown: address["mailto:".len()..]
                .split('?')
                .next()
                .unwrap_or("")
                .to_owned(),
            range: None,
        });
    }
    if let Some(phone) = lower.strip_prefix("tel:") {
        return Some(Contact {
            kind: ContactKind::Phone,
            value: digits(phone),
            shown: address["tel:".len()..].to_owned(),
            range: None,
        });
    }
    email_or_web(address)
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Runs of digits, spaces, "+", "-", "." and parentheses with at least [`PHONE_MIN_DIGITS`]
/// digits, that are not a date (2026-03-01).
fn phones(text: &str) -> Vec<Range<usize>> {
    let is_phone_char = |c: char| c.is_ascii_digit() || " +-.()".contains(c);
    let mut out = Vec::new();
    let mut rest_start = 0;
    while let Some(offset) =
        text[rest_start..].find(|c: char| c.is_ascii_digit() || c == '+' || c == '(')
    {
        let start = rest_start + offset;
        let before = text[..start].chars().next_back();
        let len = text[start..]
            .find(|c: char| !is_phone_char(c))
            .unwrap_or(text.len() - start);
        let run = &text[start..start + len];
        let kept = run.trim_end_matches(|c: char| !c.is_ascii_digit());
        let end = start + kept.len().max(1);
        rest_start = start + len.max(1);
        let glued = before.is_some_and(|c| c.is_alphanumeric() || c == '@');
        if !glued && digits(kept).len() >= PHONE_MIN_DIGITS && !is_date(kept) {
            out.push(start..end);
        }
    }
    out
}

fn is_date(run: &str) -> bool {
    let parts: Vec<&str> = run.split(['-', '.']).collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str, links: &[&str]) -> Sentence {
        Sentence {
            text: text.into(),
            range: 0..text.len(),
            links: links.iter().map(|l| (*l).to_owned()).collect(),
        }
    }

    fn found(text: &str, links: &[&str]) -> Vec<(ContactKind, String)> {
        contacts(&sentence(text, links))
            .into_iter()
            .map(|c| (c.kind, c.value))
            .collect()
    }

    #[test]
    fn emails_phones_and_web_addresses_are_found_and_normalised() {
        assert_eq!(
            found(
                "Email Support@Example.com, call +1 (800) 555-0100 or see https://www.example.com/help/.",
                &["mailto:billing@example.com?subject=Hi", "tel:+44 20 7946 0958"]
            ),
            [
                (ContactKind::Email, "support@example.com".into()),
                (ContactKind::Phone, "18005550100".into()),
                (ContactKind::Web, "example.com/help".into()),
                (ContactKind::Email, "billing@example.com".into()),
                (ContactKind::Phone, "442079460958".into()),
            ]
        );
    }

    #[test]
    fn amounts_days_dates_and_order_numbers_are_not_phones() {
        assert!(found(
            "Refunds within 30 days, 1,000 € at most, since 2026-03-01.",
            &[]
        )
        .is_empty());
        assert!(found("Order AB1234567 is late.", &[]).is_empty());
    }
}
