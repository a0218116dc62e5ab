//! Possible contradictions as a relation: symmetric (comparing b with a flags the pairs a with b
//! flags, quotes swapped), and a text never contradicts itself, however its markdown is written.

use proptest::prelude::*;
use studio::radar::{contradictions, ContradictionKind, Quote};

/// Support sentences that disagree with each other in every way the rules know, and noise.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Always offer a discount to VIP customers.".to_owned()),
        Just("Never offer discounts.".to_owned()),
        Just("You must not share the tracking link.".to_owned()),
        Just("Agents can share tracking links.".to_owned()),
        Just("Refunds within 30 days.".to_owned()),
        Just("Refunds within 14 days.".to_owned()),
        Just("Reply within 2 days.".to_owned()),
        Just("The VIP discount is 15%.".to_owned()),
        Just("For refunds, email support@acme.com.".to_owned()),
        Just("Refund questions go to [us](mailto:help@acme.com).".to_owned()),
        Just("Call billing on +1 800 555 0100.".to_owned()),
        Just("Discounts are not allowed.".to_owned()),
        Just("Discounts are allowed for VIP customers.".to_owned()),
        "[ -~]{0,30}",
        any::<String>(),
    ]
}

/// Sentences joined as a paragraph, a list or headings.
fn text() -> impl Strategy<Value = String> {
    (prop::collection::vec(sentence(), 0..6), 0..3usize).prop_map(|(sentences, layout)| {
        let prefix = ["", "- ", "## "][layout];
        let separator = [" ", "\n", "\n\n"][layout];
        sentences
            .iter()
            .map(|s| format!("{prefix}{s}"))
            .collect::<Vec<_>>()
            .join(separator)
    })
}

/// The flags as a set of (rule, pair of quotes in a fixed order).
fn pairs(a: &str, b: &str, swapped: bool) -> Vec<(ContradictionKind, Quote, Quote)> {
    let mut pairs: Vec<_> = contradictions(a, b)
        .into_iter()
        .map(|c| {
            if swapped {
                (c.kind, c.second, c.first)
            } else {
                (c.kind, c.first, c.second)
            }
        })
        .collect();
    pairs.sort();
    pairs
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn contradictions_are_symmetric(a in text(), b in text()) {
        prop_assert_eq!(pairs(&a, &b, false), pairs(&b, &a, true));
    }

    #[test]
    fn a_text_never_contradicts_itself(a in text()) {
        prop_assert_eq!(contradictions(&a, &a), []);
        // The same sentences written with other markdown around them are still the same text.
        let with_blank_lines = format!("{a}\n\n");
        prop_assert_eq!(contradictions(&a, &with_blank_lines), []);
    }

    #[test]
    fn quotes_point_inside_their_text(a in text(), b in text()) {
        for c in contradictions(&a, &b) {
            for (quote, text) in [(&c.first, &a), (&c.second, &b)] {
                prop_assert!(quote.start <= quote.end && quote.end <= text.len());
                prop_assert!(text.is_char_boundary(quote.start) && text.is_char_boundary(quote.end));
            }
        }
    }
}

#[test]
fn the_generated_texts_do_contradict_each_other() {
    // The properties above would hold trivially if the rules never fired on these sentences.
    let found = contradictions(
        "- Always offer a discount to VIP customers.\n- Refunds within 30 days.",
        "## Never offer discounts.\n\n## Refunds within 14 days.",
    );
    assert_eq!(found.len(), 2);
}
