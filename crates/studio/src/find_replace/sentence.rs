//! The sentence a match stands in, for the results list: from the end of the previous sentence
//! (a `.`, `!` or `?` followed by a space, or a line break) to the end of this one, cut to a
//! readable length on each side with "…".

/// How many characters of the sentence are shown on each side of the match at most.
const SIDE: usize = 60;

/// The text of the sentence before and after `text[start..end]`.
pub(super) fn around(text: &str, start: usize, end: usize) -> (String, String) {
    let head = &text[..start];
    let from = head
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || (ends_sentence(head, i, c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let tail = &text[end..];
    let to = tail
        .char_indices()
        .find(|&(i, c)| c == '\n' || ends_sentence(tail, i, c))
        .map_or(
            tail.len(),
            |(i, c)| if c == '\n' { i } else { i + c.len_utf8() },
        );
    let before = head[from..].trim_start();
    let after = tail[..to].trim_end();
    (last_chars(before), first_chars(after))
}

/// A `.`, `!` or `?` at `i` followed by white space (or the end of `text`).
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    matches!(c, '.' | '!' | '?')
        && text[i + c.len_utf8()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

fn last_chars(s: &str) -> String {
    let count = s.chars().count();
    if count <= SIDE {
        return s.to_owned();
    }
    let skip = s.char_indices().nth(count - SIDE).map_or(0, |(i, _)| i);
    format!("…{}", &s[skip..])
}

fn first_chars(s: &str) -> String {
    match s.char_indices().nth(SIDE) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, needle: &str) -> (String, String) {
        let start = text.find(needle).unwrap();
        around(text, start, start + needle.len())
    }

    #[test]
    fn the_sentence_around_the_match() {
        let text = "Greet them. Refunds within 30 days of delivery. Then help!\nNext line.";
        assert_eq!(
            at(text, "30 days"),
            ("Refunds within ".into(), " of delivery.".into())
        );
        assert_eq!(at(text, "Then"), (String::new(), " help!".into()));
        // A dot inside a number or a name is no sentence end.
        let text = "Pay $5.00 in 30 days, see example.com now";
        assert_eq!(
            at(text, "30 days"),
            ("Pay $5.00 in ".into(), ", see example.com now".into())
        );
    }

    #[test]
    fn long_sentences_are_cut_on_character_boundaries() {
        let text = format!("{} 30 days {}", "é".repeat(100), "ü".repeat(100));
        let (before, after) = at(&text, "30 days");
        assert!(before.starts_with('…') && before.chars().count() == SIDE + 1);
        assert!(after.ends_with('…') && after.chars().count() == SIDE + 1);
    }
}
