//! The "Review changes" dialog's content: what saving or publishing a draft would change, field
//! by field in plain words, a line diff of the instructions, and how it will read (the sanitized
//! preview, in parts: `rendered_parts.rs`). Its sentence and state line follow the workspace's
//! draft rules: where saving a draft takes a live training out of use (or may: the rules are
//! unknown), it says so and the dialog offers the careful choices instead. Every word of a field,
//! channel, type or state comes from [`crate::vocabulary`].

use std::collections::BTreeSet;
use std::time::Instant;

use chrono::{DateTime, Local, Utc};
use opencx::{Channel, Segment, Training, TrainingType};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;
use crate::line_diff;
use crate::promise::{Promise, PromisedState};
use crate::rendered_parts::RenderedParts;
use crate::vocabulary::{self, Field, PublicationState};
use crate::workspace::DirectoryEntry;

/// Everything the review dialog shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Review {
    pub changes: Vec<FieldChange>,
    pub content_diff: Vec<DiffLine>,
    /// How the text will read, in parts: only for the review of a write (empty where two
    /// versions are compared, which shows no rendered text).
    pub rendered: RenderedParts,
    pub publish: bool,
    /// The sentence at the top: what this write does to what the AI agent uses.
    pub lead: String,
    /// Set when saving this draft takes a live training out of use (or may): the dialog then
    /// offers publishing now, or a separate draft that leaves the live one as it is.
    pub out_of_use: Option<OutOfUse>,
}

/// How sure the review is that saving a draft takes the live training out of use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum OutOfUse {
    /// The workspace's check learned that a saved draft replaces the live version.
    Certain,
    /// The check could not learn it, so the review plans for the safest case.
    Possible,
}

/// What the AI agent does meanwhile with a training taken out of use.
pub(crate) const TAKE_OUT_OF_USE: &str = "the AI agent does not use it until it is published.";

/// One changed field: `label` is the field's name and `before`/`after` its values, all in the
/// vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FieldChange {
    pub field: Field,
    pub label: String,
    pub before: String,
    pub after: String,
}

/// One line of the instructions' diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DiffLine {
    #[ts(inline)]
    pub tag: DiffTag,
    pub text: String,
}

pub use crate::line_diff::DiffTag;

/// The names the review needs to turn ids into words.
#[derive(Debug, Clone, Copy)]
pub struct Names<'a> {
    pub directories: &'a [DirectoryEntry],
    pub segments: &'a [Segment],
}

/// Compares the server's training (as shown: draft text if any, else live) with the draft, on
/// a workspace where a saved draft does what `draft_save` says.
pub fn review(
    server: &Training,
    draft: &TrainingDraft,
    publish: bool,
    draft_save: DraftSave,
    names: Names<'_>,
) -> Review {
    let draft = &draft.clone().with_window_of(server);
    let promise = Promise::of_save(server, draft, publish, draft_save);
    let promised = Side::of_draft(draft).with_state(promised_state(&promise));
    let mut review = build(Side::of_training(server), promised, publish, names);
    review.out_of_use = match promise.state {
        PromisedState::Draft if promise.was_live => Some(OutOfUse::Certain),
        PromisedState::MaybeOutOfUse => Some(OutOfUse::Possible),
        _ => None,
    };
    review.lead = lead(publish, review.out_of_use, &server.title);
    review.rendered = RenderedParts::of(&draft.content);
    review
}

/// The sentence at the top of the review.
fn lead(publish: bool, out_of_use: Option<OutOfUse>, live_title: &str) -> String {
    match (publish, out_of_use) {
        (true, _) => {
            "Publishing makes this version live: the AI agent starts using it right away.".into()
        }
        (false, Some(OutOfUse::Certain)) => format!(
            "Saving a draft takes “{live_title}” out of use until it is published: the AI agent \
             stops using it in the meantime."
        ),
        (false, Some(OutOfUse::Possible)) => format!(
            "Saving a draft may take “{live_title}” out of use until it is published: Training \
             Studio could not learn how this workspace treats drafts, so it plans for the safest \
             case."
        ),
        (false, None) => {
            "Saving a draft keeps it in open.cx without changing what the AI agent uses.".into()
        }
    }
}

/// What changed from one version of a training to another (e.g. from the version an edit
/// started from to someone else's), including its state.
pub fn compare(before: &Training, after: &Training, names: Names<'_>) -> Review {
    build(
        Side::of_training(before),
        Side::of_training(after),
        after.is_live(),
        names,
    )
}

/// What changes from one form to another (e.g. from a version kept in the history to the
/// editor's form); a form has no state.
pub fn compare_drafts(before: &TrainingDraft, after: &TrainingDraft, names: Names<'_>) -> Review {
    build(Side::of_draft(before), Side::of_draft(after), false, names)
}

/// The fields a review and the conflict view compare, in the order they show them (the
/// content is shown as a line diff instead).
pub(crate) const COMPARED: [Field; 7] = [
    Field::Title,
    Field::Type,
    Field::Directory,
    Field::Channels,
    Field::Segments,
    Field::Window,
    Field::State,
];

/// The fields a review compares, of a training as shown or of a form, with the state it has
/// or is promised (a form alone has none).
pub(crate) struct Side<'a> {
    title: &'a str,
    content: &'a str,
    training_type: TrainingType,
    directory_id: Option<&'a str>,
    channels: &'a [Channel],
    segments: &'a [String],
    start: Option<DateTime<Utc>>,
    end: Option<DateTime<Utc>>,
    state: Option<PublicationState>,
}

impl<'a> Side<'a> {
    pub(crate) fn of_training(t: &'a Training) -> Self {
        Side {
            title: t.shown_title(),
            content: t.shown_content(),
            training_type: t.training_type,
            directory_id: t.directory_id.as_deref(),
            channels: &t.restricted_to_channels,
            segments: &t.restricted_to_segments,
            start: t.start_time,
            end: t.end_time,
            state: Some(PublicationState::of(t)),
        }
    }

    pub(crate) fn of_draft(d: &'a TrainingDraft) -> Self {
        Side {
            title: &d.title,
            content: &d.content,
            training_type: d.training_type,
            directory_id: d.directory_id.as_deref(),
            channels: &d.restricted_to_channels,
            segments: &d.restricted_to_segments,
            start: d.start_time,
            end: d.end_time,
            state: None,
        }
    }

    /// This side once a write has given it `state`.
    pub(crate) fn with_state(self, state: PublicationState) -> Self {
        Side {
            state: Some(state),
            ..self
        }
    }

    /// Whether both sides hold the same value in `field` (channels and segments as sets).
    pub(crate) fn same_as(&self, other: &Side<'_>, field: Field) -> bool {
        match field {
            Field::Title => self.title == other.title,
            Field::Content => self.content == other.content,
            Field::Type => self.training_type == other.training_type,
            Field::Directory => self.directory_id == other.directory_id,
            Field::Channels => channel_set(self.channels) == channel_set(other.channels),
            Field::Segments => id_set(self.segments) == id_set(other.segments),
            Field::Window => (self.start, self.end) == (other.start, other.end),
            Field::State => self.state == other.state,
        }
    }

    /// `field` in the vocabulary's words ("All channels", "Billing", "Live", …).
    pub(crate) fn words(&self, field: Field, names: Names<'_>) -> String {
        match field {
            Field::Title => self.title.to_owned(),
            Field::Content => self.content.to_owned(),
            Field::Type => vocabulary::type_label(self.training_type).to_owned(),
            Field::Directory => vocabulary::directory_label(self.directory_id, names.directories),
            Field::Channels => vocabulary::channels_label(self.channels),
            Field::Segments => vocabulary::segments_label(self.segments, names.segments),
            Field::Window => vocabulary::window_label(self.start, self.end, &Local),
            Field::State => self.state.map_or("", PublicationState::label).to_owned(),
        }
    }
}

fn build(before: Side<'_>, after: Side<'_>, publish: bool, names: Names<'_>) -> Review {
    let changes = COMPARED
        .into_iter()
        .filter(|&field| !before.same_as(&after, field))
        .map(|field| FieldChange {
            field,
            label: field.label().into(),
            before: before.words(field, names),
            after: after.words(field, names),
        })
        .collect();
    Review {
        changes,
        content_diff: content_diff(before.content, after.content),
        rendered: RenderedParts::default(),
        publish,
        lead: String::new(),
        out_of_use: None,
    }
}

pub(crate) fn channel_set(channels: &[Channel]) -> BTreeSet<&str> {
    channels.iter().map(Channel::as_str).collect()
}

pub(crate) fn id_set(ids: &[String]) -> BTreeSet<&str> {
    ids.iter().map(String::as_str).collect()
}

/// What a write promises, in the status line's words.
pub(crate) fn promised_state(promise: &Promise) -> PublicationState {
    match promise.state {
        PromisedState::Live => PublicationState::Live,
        PromisedState::LiveWithDraft => PublicationState::LiveWithUnpublishedChanges,
        PromisedState::Draft if promise.was_live => PublicationState::OutOfUseUntilPublished,
        PromisedState::Draft => PublicationState::Draft,
        PromisedState::MaybeOutOfUse => PublicationState::LiveOrOutOfUse,
    }
}

/// How long the diff may search for the smallest change set; past it, a correct but coarser
/// diff is returned. Without it a 1 MB body of repeated lines took over 20 seconds.
const DIFF_TIME_LIMIT: std::time::Duration = std::time::Duration::from_millis(300);

/// A line diff of the instructions; a missing final newline does not count as a change.
pub fn content_diff(before: &str, after: &str) -> Vec<DiffLine> {
    let with_newline = |s: &str| {
        if s.is_empty() || s.ends_with('\n') {
            s.to_owned()
        } else {
            format!("{s}\n")
        }
    };
    let (before, after) = (with_newline(before), with_newline(after));
    line_diff::diff_lines(&before, &after, Instant::now() + DIFF_TIME_LIMIT)
        .into_iter()
        .map(|(tag, text)| DiffLine {
            tag,
            text: text.trim_end_matches(['\n', '\r']).to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{segment, training};

    fn names_fixture() -> (Vec<DirectoryEntry>, Vec<Segment>) {
        (
            vec![
                DirectoryEntry {
                    id: "d1".into(),
                    name: "Billing".into(),
                    local_name_only: false,
                },
                DirectoryEntry {
                    id: "d2".into(),
                    name: "Shipping".into(),
                    local_name_only: false,
                },
            ],
            vec![segment("s1", "VIP customers"), segment("s2", "Trial users")],
        )
    }

    fn field(review: &Review, name: Field) -> Option<&FieldChange> {
        review.changes.iter().find(|c| c.field == name)
    }

    #[test]
    fn publishing_an_unchanged_training_changes_nothing() {
        let server = training("t1");
        let (dirs, segs) = names_fixture();
        let names = Names {
            directories: &dirs,
            segments: &segs,
        };
        let r = review(
            &server,
            &TrainingDraft::from_training(&server),
            true,
            DraftSave::BesideLive,
            names,
        );
        assert!(r.changes.is_empty(), "{:?}", r.changes);
        assert!(r.content_diff.iter().all(|l| l.tag == DiffTag::Equal));
        assert_eq!(r.content_diff.len(), 2);
        assert!(r.publish);
        // Saving the live text as a draft beside it changes nothing open.cx shows.
        let r = review(
            &server,
            &TrainingDraft::from_training(&server),
            false,
            DraftSave::BesideLive,
            names,
        );
        assert!(r.changes.is_empty(), "{:?}", r.changes);
        assert_eq!(r.out_of_use, None);
    }

    /// The review of "Save draft" on a live training whose text changed, in `draft_save`.
    fn save_draft_of_live(draft_save: DraftSave) -> Review {
        let mut server = training("t1");
        server.title = "Refund policy".into();
        let mut draft = TrainingDraft::from_training(&server);
        draft.content = "New words.".into();
        review(
            &server,
            &draft,
            false,
            draft_save,
            Names {
                directories: &[],
                segments: &[],
            },
        )
    }

    #[test]
    fn a_draft_beside_the_live_version_keeps_todays_promise() {
        let r = save_draft_of_live(DraftSave::BesideLive);
        assert_eq!(
            r.lead,
            "Saving a draft keeps it in open.cx without changing what the AI agent uses."
        );
        assert_eq!(r.out_of_use, None);
        let state = field(&r, Field::State).unwrap();
        assert_eq!(
            (state.before.as_str(), state.after.as_str()),
            ("Live", "Live, with unpublished changes")
        );
    }

    #[test]
    fn a_draft_that_takes_the_training_out_of_use_says_so() {
        let r = save_draft_of_live(DraftSave::TakesOutOfUse);
        assert_eq!(
            r.lead,
            "Saving a draft takes “Refund policy” out of use until it is published: the AI agent \
             stops using it in the meantime."
        );
        assert_eq!(r.out_of_use, Some(OutOfUse::Certain));
        assert_eq!(
            field(&r, Field::State).unwrap().after,
            "Draft, out of use until published"
        );
        assert!(!r.publish);
    }

    #[test]
    fn unknown_rules_say_it_may_and_plan_for_the_safest_case() {
        let r = save_draft_of_live(DraftSave::Unknown);
        assert!(
            r.lead.starts_with(
                "Saving a draft may take “Refund policy” out of use until it is published"
            ),
            "{}",
            r.lead
        );
        assert!(r.lead.contains("could not learn"), "{}", r.lead);
        assert_eq!(r.out_of_use, Some(OutOfUse::Possible));
        assert_eq!(
            field(&r, Field::State).unwrap().after,
            "Live, or out of use until published"
        );
    }

    #[test]
    fn publishing_and_drafts_of_drafts_never_warn() {
        for draft_save in [
            DraftSave::BesideLive,
            DraftSave::TakesOutOfUse,
            DraftSave::Unknown,
        ] {
            let mut server = training("t1");
            let draft = TrainingDraft::from_training(&server);
            let names = Names {
                directories: &[],
                segments: &[],
            };
            let r = review(&server, &draft, true, draft_save, names);
            assert_eq!(r.out_of_use, None);
            assert!(r.lead.starts_with("Publishing makes this version live"));
            server.is_draft = true;
            server.current_version = None;
            let r = review(&server, &draft, false, draft_save, names);
            assert_eq!(r.out_of_use, None, "{draft_save:?}");
            assert!(field(&r, Field::State).is_none());
        }
    }

    #[test]
    fn every_field_in_plain_words() {
        let mut server = training("t1");
        server.is_draft = true;
        server.current_version = None;
        server.directory_id = Some("d1".into());
        server.restricted_to_segments = vec!["s1".into()];
        let (dirs, segs) = names_fixture();
        let names = Names {
            directories: &dirs,
            segments: &segs,
        };
        let mut draft = TrainingDraft::from_training(&server);
        draft.title = "Refund policy".into();
        draft.training_type = TrainingType::Behavioral;
        draft.directory_id = Some("d2".into());
        draft.restricted_to_channels = vec![Channel::Whatsapp, Channel::PhoneVoice];
        draft.restricted_to_segments =
            vec!["s2".into(), "9a8b7c6d-1111-2222-3333-444455556666".into()];
        let r = review(&server, &draft, true, DraftSave::BesideLive, names);
        let expect = |f: Field, label: &str, before: &str, after: &str| {
            let c = field(&r, f).unwrap_or_else(|| panic!("no {f:?} change in {:?}", r.changes));
            assert_eq!(
                (c.label.as_str(), c.before.as_str(), c.after.as_str()),
                (label, before, after)
            );
        };
        expect(Field::Title, "Title", "Training t1", "Refund policy");
        expect(Field::Type, "Type", "When asked", "Always on");
        expect(Field::Directory, "Directory", "Billing", "Shipping");
        expect(
            Field::Channels,
            "Channels",
            "All channels",
            "WhatsApp, Phone",
        );
        expect(
            Field::Segments,
            "Segments",
            "VIP customers",
            "Trial users, Unknown segment (9a8b7c6d…)",
        );
        expect(Field::State, "State", "Draft", "Live");
        assert!(r.publish);
    }

    #[test]
    fn a_schedule_change_reads_in_words_on_this_computers_clock() {
        let server = training("t1");
        let mut draft = TrainingDraft::from_training(&server);
        let (start, end) = (
            "2026-12-24T09:00:00Z".parse().unwrap(),
            "2026-12-27T00:00:00Z".parse().unwrap(),
        );
        draft.start_time = Some(start);
        draft.end_time = Some(end);
        let names = Names {
            directories: &[],
            segments: &[],
        };
        let r = review(&server, &draft, false, DraftSave::BesideLive, names);
        let row = field(&r, Field::Window).expect("the schedule changed");
        assert_eq!(row.label, "Schedule");
        assert_eq!(
            row.before,
            vocabulary::window_label(server.start_time, None, &Local)
        );
        assert!(row.before.starts_with("Active from ") && row.before.ends_with(", no end"));
        assert_eq!(
            row.after,
            vocabulary::window_label(Some(start), Some(end), &Local)
        );
        assert!(row.after.starts_with("Active from ") && row.after.contains(" until "));
        // Cleared: no start or end. The schedule row comes before the state row.
        draft.start_time = None;
        draft.end_time = None;
        let r = review(&server, &draft, true, DraftSave::BesideLive, names);
        assert_eq!(field(&r, Field::Window).unwrap().after, "No start or end");
        // Untouched: no row, and a draft from an older file keeps the server's window.
        let untouched = TrainingDraft::from_training(&server);
        assert!(field(
            &review(&server, &untouched, true, DraftSave::BesideLive, names),
            Field::Window
        )
        .is_none());
        let older = TrainingDraft {
            window_from_training: true,
            start_time: None,
            ..untouched
        };
        assert!(field(
            &review(&server, &older, true, DraftSave::BesideLive, names),
            Field::Window
        )
        .is_none());
    }

    #[test]
    fn clearing_restrictions_reads_all_channels_and_all_customers() {
        let mut server = training("t1");
        server.restricted_to_channels = vec![Channel::Web];
        server.restricted_to_segments = vec!["s1".into()];
        server.directory_id = Some("d1".into());
        let (dirs, segs) = names_fixture();
        let names = Names {
            directories: &dirs,
            segments: &segs,
        };
        let mut draft = TrainingDraft::from_training(&server);
        draft.restricted_to_channels.clear();
        draft.restricted_to_segments.clear();
        draft.directory_id = None;
        let r = review(&server, &draft, false, DraftSave::BesideLive, names);
        assert_eq!(field(&r, Field::Channels).unwrap().before, "Web chat");
        assert_eq!(field(&r, Field::Channels).unwrap().after, "All channels");
        assert_eq!(field(&r, Field::Segments).unwrap().after, "All customers");
        assert_eq!(field(&r, Field::Directory).unwrap().after, "No directory");
        // The live text stays the text: no draft waits beside it afterwards.
        assert!(field(&r, Field::State).is_none());
    }

    #[test]
    fn reordering_channels_or_segments_is_not_a_change() {
        let mut server = training("t1");
        server.restricted_to_channels = vec![Channel::Web, Channel::Email];
        server.restricted_to_segments = vec!["s1".into(), "s2".into()];
        let mut draft = TrainingDraft::from_training(&server);
        draft.restricted_to_channels.reverse();
        draft.restricted_to_segments.reverse();
        let (dirs, segs) = names_fixture();
        let r = review(
            &server,
            &draft,
            true,
            DraftSave::BesideLive,
            Names {
                directories: &dirs,
                segments: &segs,
            },
        );
        assert!(r.changes.is_empty(), "{:?}", r.changes);
    }

    #[test]
    fn compares_against_the_shown_draft_text() {
        let mut server = training("t1");
        server.draft_title = Some("Pending title".into());
        server.draft_content = Some("Pending body\n".into());
        let mut draft = TrainingDraft::from_training(&server);
        draft.content = "Pending body\nMore\n".into();
        let r = review(
            &server,
            &draft,
            true,
            DraftSave::BesideLive,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        assert!(field(&r, Field::Title).is_none());
        assert_eq!(
            field(&r, Field::State).unwrap().before,
            "Live, with unpublished changes"
        );
        assert_eq!(
            r.content_diff,
            [
                DiffLine {
                    tag: DiffTag::Equal,
                    text: "Pending body".into()
                },
                DiffLine {
                    tag: DiffTag::Insert,
                    text: "More".into()
                },
            ]
        );
    }

    #[test]
    fn content_diff_is_line_by_line() {
        let diff = content_diff(
            "Greet.\nAsk the order number.\nHelp.",
            "Greet.\nAsk for the order number.\nHelp.\n",
        );
        let tags: Vec<_> = diff.iter().map(|l| (l.tag, l.text.as_str())).collect();
        assert_eq!(
            tags,
            [
                (DiffTag::Equal, "Greet."),
                (DiffTag::Delete, "Ask the order number."),
                (DiffTag::Insert, "Ask for the order number."),
                (DiffTag::Equal, "Help."),
            ]
        );
    }

    #[test]
    fn preview_is_sanitized_and_diff_tags_serialize_lowercase() {
        let server = training("t1");
        let mut draft = TrainingDraft::from_training(&server);
        draft.content = "**Hi** <script>alert(1)</script>".into();
        let r = review(
            &server,
            &draft,
            false,
            DraftSave::BesideLive,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        assert!(r.rendered.first_html.contains("<strong>Hi</strong>"));
        assert!(!r.rendered.first_html.contains("script"));
        let json = serde_json::to_value(&r.content_diff[0]).unwrap();
        assert!(["equal", "insert", "delete"].contains(&json["tag"].as_str().unwrap()));
    }

    #[test]
    fn compare_says_what_changed_between_two_versions_with_their_states() {
        let base = training("t1");
        let mut theirs = base.clone();
        theirs.draft_title = Some("Their title".into());
        theirs.draft_content = Some("Say hello.\nThen help.\nThen wave.".into());
        theirs.restricted_to_channels = vec![Channel::Sms];
        let r = compare(
            &base,
            &theirs,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        let fields: Vec<_> = r.changes.iter().map(|c| c.field).collect();
        assert_eq!(fields, [Field::Title, Field::Channels, Field::State]);
        assert_eq!(field(&r, Field::State).unwrap().before, "Live");
        assert_eq!(
            field(&r, Field::State).unwrap().after,
            "Live, with unpublished changes"
        );
        assert_eq!(r.content_diff.last().unwrap().tag, DiffTag::Insert);
        assert!(compare(
            &base,
            &base,
            Names {
                directories: &[],
                segments: &[]
            }
        )
        .changes
        .is_empty());
    }

    #[test]
    fn compare_drafts_has_no_state() {
        let before = TrainingDraft::from_training(&training("t1"));
        let mut after = before.clone();
        after.title = "Renamed".into();
        let r = compare_drafts(
            &before,
            &after,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        assert_eq!(r.changes.len(), 1);
        assert_eq!(r.changes[0].after, "Renamed");
        assert!(!r.publish);
    }

    #[test]
    fn unknown_directory_is_named_by_its_id() {
        let mut server = training("t1");
        server.directory_id = Some("0123456789abcdef".into());
        let mut draft = TrainingDraft::from_training(&server);
        draft.directory_id = None;
        let r = review(
            &server,
            &draft,
            false,
            DraftSave::BesideLive,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        assert_eq!(
            field(&r, Field::Directory).unwrap().before,
            "Unknown directory (01234567…)"
        );
    }
}
