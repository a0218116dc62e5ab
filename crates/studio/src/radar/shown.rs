//! The radar's findings as the UI shows them. The rules point at text with UTF-8 byte ranges; a
//! JavaScript string (the title box, the content editor) counts UTF-16 code units, so every range
//! becomes a [`Place`] here — UTF-16 positions, the line it starts on and the text it covers —
//! before it crosses IPC. Nothing in the UI counts bytes.

use std::ops::Range;

use serde::Serialize;
use ts_rs::TS;

use super::health::{HealthCode, HealthNote, Severity};
use crate::vocabulary::Field;

/// Where a finding is in the title or the content: `start..end` in UTF-16 code units (as a
/// JavaScript string, a text box's selection and the content editor count), the line it starts
/// on (from 1) and the text it covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct Place {
    pub field: Field,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub text: String,
}

impl Place {
    /// The place of the byte range `range` of `text`, the value of `field`. A range off the
    /// text or off a character boundary (never made by the rules) is narrowed to one that is.
    pub fn of(field: Field, text: &str, range: Range<usize>) -> Self {
        let end = floor_boundary(text, range.end);
        let start = floor_boundary(text, range.start.min(end));
        let before = &text[..start];
        let covered = &text[start..end];
        let start16 = utf16_len(before);
        Place {
            field,
            start: start16,
            end: start16 + utf16_len(covered),
            line: 1 + before.matches('\n').count(),
            text: covered.to_owned(),
        }
    }
}

fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum()
}

/// The last character boundary of `text` at or before byte `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A health note as the UI shows it: its [`Place`] instead of a byte range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct HealthFinding {
    pub code: HealthCode,
    pub severity: Severity,
    /// One sentence: what is wrong and why it matters.
    pub explanation: String,
    /// One sentence: what to do about it.
    pub fix: String,
    /// Where in the text, when the note is about a piece of it.
    pub place: Option<Place>,
}

impl HealthFinding {
    /// `note`, found on a training with this `title` and `content`.
    pub fn of(note: HealthNote, title: &str, content: &str) -> Self {
        let place = note.span.map(|span| {
            let text = if span.field == Field::Title {
                title
            } else {
                content
            };
            Place::of(span.field, text, span.start..span.end)
        });
        HealthFinding {
            code: note.code,
            severity: note.severity,
            explanation: note.explanation,
            fix: note.fix,
            place,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::radar::TextSpan;

    #[test]
    fn positions_count_utf16_units_so_emoji_count_two_and_accents_one() {
        let content = "Café ☕ first.\n😀 Refunds TBD now.";
        let start = content.find("TBD").unwrap();
        let place = Place::of(Field::Content, content, start..start + 3);
        // "Café ☕ first.\n" is 14 characters, each one UTF-16 unit (é is 2 bytes, ☕ 3); "😀
        // Refunds " is 10 characters and 11 units, the emoji two (and 4 bytes).
        assert_eq!((place.start, place.end), (25, 28));
        assert_eq!(start, 30);
        assert_eq!(place.line, 2);
        assert_eq!(place.text, "TBD");
        let utf16: Vec<u16> = content.encode_utf16().collect();
        assert_eq!(
            String::from_utf16(&utf16[place.start..place.end]).unwrap(),
            "TBD"
        );
    }

    #[test]
    fn a_decomposed_accent_is_its_own_unit() {
        // "e" + COMBINING ACUTE ACCENT: two characters, two units, three bytes.
        let title = "Re\u{301}sume\u{301} TODO";
        let start = title.find("TODO").unwrap();
        let place = Place::of(Field::Title, title, start..title.len());
        assert_eq!((place.start, place.end, place.line), (9, 13, 1));
    }

    #[test]
    fn a_range_off_a_boundary_is_narrowed_never_split() {
        let text = "é😀";
        let place = Place::of(Field::Content, text, 1..5);
        assert_eq!((place.start, place.end, place.text.as_str()), (0, 1, "é"));
        let past = Place::of(Field::Content, text, 4..99);
        assert_eq!((past.start, past.end, past.text.as_str()), (1, 3, "😀"));
    }

    #[test]
    fn a_note_is_placed_in_the_field_it_points_at() {
        let note = |span| HealthNote {
            code: HealthCode::Placeholder,
            severity: Severity::Problem,
            explanation: "e".into(),
            fix: "f".into(),
            span,
        };
        let title = "Ünïcode TBD";
        let content = "Plain TBD";
        let in_title = HealthFinding::of(
            note(Some(TextSpan {
                field: Field::Title,
                start: 10,
                end: 13,
            })),
            title,
            content,
        );
        let place = in_title.place.unwrap();
        assert_eq!(
            (place.field, place.start, place.text.as_str()),
            (Field::Title, 8, "TBD")
        );
        let nowhere = HealthFinding::of(note(None), title, content);
        assert_eq!(nowhere.place, None);
    }
}
