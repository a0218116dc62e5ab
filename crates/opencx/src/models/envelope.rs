//! The list answers whose shape is not published: a bare array, or an object carrying the items
//! under `data` or `items` with optional paging counts.

use serde::Deserialize;

/// A list answer in any of the accepted shapes.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum Envelope<T> {
    Bare(Vec<T>),
    Wrapped {
        #[serde(alias = "items")]
        data: Vec<T>,
        #[serde(default)]
        total: Option<u64>,
    },
}

impl<T> Envelope<T> {
    /// The items and, when the server said, how many there are over all pages.
    pub(crate) fn into_parts(self) -> (Vec<T>, Option<u64>) {
        match self {
            Envelope::Bare(items) => (items, None),
            Envelope::Wrapped { data, total } => (data, total),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Segment;

    fn parts(json: &str) -> (Vec<String>, Option<u64>) {
        let (items, total) = serde_json::from_str::<Envelope<Segment>>(json)
            .unwrap()
            .into_parts();
        (items.into_iter().map(|s| s.id).collect(), total)
    }

    #[test]
    fn accepts_data_items_and_bare_arrays() {
        assert_eq!(
            parts(r#"{"data":[{"id":"a","name":"A"}],"page":1,"limit":20,"total":1}"#),
            (vec!["a".to_string()], Some(1))
        );
        assert_eq!(
            parts(r#"{"items":[{"id":"b","name":"B"}]}"#),
            (vec!["b".to_string()], None)
        );
        assert_eq!(
            parts(r#"[{"id":"c","name":"C"}]"#),
            (vec!["c".to_string()], None)
        );
    }

    #[test]
    fn rejects_an_object_without_a_list() {
        assert!(serde_json::from_str::<Envelope<Segment>>(r#"{"total":3}"#).is_err());
    }
}
