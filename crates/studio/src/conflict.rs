//! Conflicts: whether someone else changed a training since the version an edit started from
//! ([`changed_since`]), and what the conflict view shows when they did ([`Conflict`]): the
//! common base, their version, the editor's form, each setting of the three side by side
//! ([`ConflictRow`]), and both sides' changes in the words and line diff of the review dialog.
//! Every setting is worded by the same code as the review, from [`crate::vocabulary`], so the
//! conflict view and the review never name one thing two ways.

use opencx::Training;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::draft::TrainingDraft;
use crate::draft_rules::DraftSave;
use crate::error::{ErrorKind, StudioError};
use crate::moves::without_identical_draft;
use crate::promise::Promise;
use crate::review::{self, channel_set, id_set, promised_state, Names, Review, Side, COMPARED};
use crate::vocabulary::Field;

/// Whether `server` holds changes that `base` (the version the edit started from) does not:
/// never when `updated_at` is the same; otherwise when any field an editor can change differs
/// (channels and segments compared as sets). A newer `updated_at` alone (e.g. a write that
/// changed nothing) is no conflict.
pub fn changed_since(base: &Training, server: &Training) -> bool {
    if base.updated_at == server.updated_at {
        return false;
    }
    // What the UI holds went through the same normalisation as what it is compared with.
    let (a, b) = (
        without_identical_draft(base.clone()),
        without_identical_draft(server.clone()),
    );
    a.title != b.title
        || a.content != b.content
        || a.draft_title != b.draft_title
        || a.draft_content != b.draft_content
        || a.training_type != b.training_type
        || a.is_draft != b.is_draft
        || a.directory_id != b.directory_id
        || channel_set(&a.restricted_to_channels) != channel_set(&b.restricted_to_channels)
        || id_set(&a.restricted_to_segments) != id_set(&b.restricted_to_segments)
        || (a.start_time, a.end_time) != (b.start_time, b.end_time)
}

/// The refusal of a change to a training open.cx holds another version of than the editor
/// saw (kind `conflict`); nothing was written.
pub fn changed_on_open_cx(title: &str) -> StudioError {
    StudioError::new(
        ErrorKind::Conflict,
        format!(
            "“{title}” was changed on open.cx since you loaded it, so it was left as it is. \
             Reload to see the change, then try again."
        ),
    )
}

/// Whether `server` already is what saving `draft` (with `publish`) would make it: the shown
/// fields equal the form's (channels and segments as sets) and, for a publish, it is live with
/// no unpublished changes. A save whose answer was lost after it landed looks like this.
pub fn already_saved(server: &Training, draft: &TrainingDraft, publish: bool) -> bool {
    let server = without_identical_draft(server.clone());
    let shown = TrainingDraft::from_training(&server);
    let same = shown.title == draft.title
        && shown.content == draft.content
        && shown.training_type == draft.training_type
        && shown.directory_id == draft.directory_id
        && channel_set(&shown.restricted_to_channels) == channel_set(&draft.restricted_to_channels)
        && id_set(&shown.restricted_to_segments) == id_set(&draft.restricted_to_segments)
        && (shown.start_time, shown.end_time) == (draft.start_time, draft.end_time);
    same && (!publish || (server.is_live() && !server.has_unpublished_changes()))
}

/// What the conflict view shows: the version the edit started from (`base`), the server's
/// (`theirs`), the editor's form (`mine`, to be saved with `publish`), every setting of the three
/// in words (`rows`), and the changes of each side from the base.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Conflict {
    pub training_id: String,
    pub base: Training,
    pub theirs: Training,
    pub mine: TrainingDraft,
    pub publish: bool,
    pub rows: Vec<ConflictRow>,
    pub theirs_changes: Review,
    pub mine_changes: Review,
}

/// One setting in the conflict view: its name, and its value in the version the edit started
/// from, in theirs and in yours (the state yours would give it, as the review promises),
/// in the vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConflictRow {
    pub field: Field,
    pub label: String,
    pub base: String,
    pub theirs: String,
    pub mine: String,
    /// Theirs and yours hold different values here (channels and segments as sets), so a
    /// merge has to choose.
    pub differs: bool,
}

/// Base, theirs and yours for every setting the review compares, title first, state last.
fn rows(
    base: &Training,
    theirs: &Training,
    mine: &TrainingDraft,
    publish: bool,
    draft_save: DraftSave,
    names: Names<'_>,
) -> Vec<ConflictRow> {
    let kept = Promise::of_save(theirs, mine, publish, draft_save);
    let (base, theirs, mine) = (
        Side::of_training(base),
        Side::of_training(theirs),
        Side::of_draft(mine).with_state(promised_state(&kept)),
    );
    COMPARED
        .into_iter()
        .map(|field| ConflictRow {
            field,
            label: field.label().into(),
            base: base.words(field, names),
            theirs: theirs.words(field, names),
            mine: mine.words(field, names),
            differs: !theirs.same_as(&mine, field),
        })
        .collect()
}

impl Conflict {
    /// `draft_save`: what a saved draft does on this workspace (for the state `mine` leads to).
    pub fn new(
        base: Training,
        theirs: Training,
        mine: TrainingDraft,
        publish: bool,
        draft_save: DraftSave,
        names: Names<'_>,
    ) -> Self {
        let theirs = without_identical_draft(theirs);
        Conflict {
            training_id: theirs.id.clone(),
            rows: rows(&base, &theirs, &mine, publish, draft_save, names),
            theirs_changes: review::compare(&base, &theirs, names),
            mine_changes: review::review(&base, &mine, publish, draft_save, names),
            base,
            theirs,
            mine,
            publish,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{bindings_dir, segment, training};
    use crate::workspace::DirectoryEntry;
    use opencx::{Channel, TrainingType};

    fn later(t: &Training) -> Training {
        let mut t = t.clone();
        t.updated_at += chrono::Duration::seconds(5);
        t
    }

    #[test]
    fn the_same_version_is_never_a_conflict() {
        let base = training("t1");
        let mut server = base.clone();
        server.title = "Changed without a new updated_at".into();
        assert!(!changed_since(&base, &server));
    }

    #[test]
    fn each_editable_field_counts() {
        let base = training("t1");
        let changes: [fn(&mut Training); 11] = [
            |t| t.title = "x".into(),
            |t| t.content = "x".into(),
            |t| t.draft_title = Some("x".into()),
            |t| t.draft_content = Some("x".into()),
            |t| t.training_type = TrainingType::Behavioral,
            |t| t.is_draft = true,
            |t| t.directory_id = Some("d9".into()),
            |t| t.restricted_to_channels = vec![Channel::Email],
            |t| t.restricted_to_segments = vec!["s1".into()],
            |t| t.start_time = None,
            |t| t.end_time = Some(t.updated_at),
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut server = later(&base);
            change(&mut server);
            assert!(changed_since(&base, &server), "change {i}");
        }
    }

    #[test]
    fn order_metadata_and_an_identical_draft_do_not_count() {
        let mut base = training("t1");
        base.restricted_to_channels = vec![Channel::Web, Channel::Email];
        base.restricted_to_segments = vec!["a".into(), "b".into()];
        let mut server = later(&base);
        server.restricted_to_channels.reverse();
        server.restricted_to_segments.reverse();
        server.metadata.insert("touched".into(), true.into());
        server.draft_title = Some(server.title.clone());
        server.draft_content = Some(server.content.clone());
        assert!(!changed_since(&base, &server));
    }

    #[test]
    fn a_landed_save_is_recognised() {
        let server = training("t1");
        let mut draft = TrainingDraft::from_training(&server);
        assert!(already_saved(&server, &draft, true));
        assert!(already_saved(&server, &draft, false));
        draft.content = "Other".into();
        assert!(!already_saved(&server, &draft, false));
        let mut rescheduled = TrainingDraft::from_training(&server);
        rescheduled.end_time = Some(server.updated_at);
        assert!(!already_saved(&server, &rescheduled, true));
        let mut pending = server.clone();
        pending.draft_content = Some("Other".into());
        assert!(already_saved(&pending, &draft, false));
        assert!(!already_saved(&pending, &draft, true));
    }

    #[test]
    fn a_conflict_holds_both_sides_changes() {
        let base = training("t1");
        let mut theirs = later(&base);
        theirs.draft_title = Some("Theirs".into());
        let mut mine = TrainingDraft::from_training(&base);
        mine.content = "Mine.".into();
        let c = Conflict::new(
            base.clone(),
            theirs,
            mine,
            true,
            DraftSave::BesideLive,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        assert_eq!(c.training_id, "t1");
        assert_eq!(c.theirs_changes.changes[0].after, "Theirs");
        assert!(c
            .mine_changes
            .changes
            .iter()
            .all(|f| f.field != Field::Title));
        assert!(c
            .mine_changes
            .content_diff
            .iter()
            .any(|l| l.text == "Mine."));
        let json = serde_json::to_value(&c).unwrap();
        let mut keys: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "base",
                "mine",
                "mine_changes",
                "publish",
                "rows",
                "theirs",
                "theirs_changes",
                "training_id"
            ]
        );
    }

    fn row(c: &Conflict, field: Field) -> &ConflictRow {
        c.rows.iter().find(|r| r.field == field).unwrap()
    }

    fn change(review: &Review, field: Field) -> &crate::review::FieldChange {
        review.changes.iter().find(|c| c.field == field).unwrap()
    }

    #[test]
    fn the_conflict_view_and_the_review_word_each_setting_alike() {
        let base = training("t1");
        let mut theirs = later(&base);
        theirs.restricted_to_channels = vec![Channel::Web, Channel::from("fax")];
        theirs.restricted_to_segments = vec!["9a8b7c6d-1111".into()];
        theirs.directory_id = Some("0123456789abcdef".into());
        theirs.training_type = TrainingType::Behavioral;
        theirs.end_time = Some("2027-01-01T00:00:00Z".parse().unwrap());
        let mut mine = TrainingDraft::from_training(&base);
        mine.restricted_to_channels = vec![Channel::from("fax")];
        let names = Names {
            directories: &[],
            segments: &[],
        };
        let c = Conflict::new(base, theirs, mine, false, DraftSave::BesideLive, names);
        let fields: Vec<_> = c.rows.iter().map(|r| r.field).collect();
        assert_eq!(fields, COMPARED);
        for field in [
            Field::Type,
            Field::Directory,
            Field::Channels,
            Field::Segments,
            Field::Window,
        ] {
            let (row, theirs) = (row(&c, field), change(&c.theirs_changes, field));
            assert_eq!((&row.label, &row.base), (&theirs.label, &theirs.before));
            assert_eq!(row.theirs, theirs.after, "{field:?}");
        }
        assert_eq!(
            row(&c, Field::Channels).theirs,
            "Web chat, Other channel (fax)"
        );
        assert_eq!(row(&c, Field::Channels).mine, "Other channel (fax)");
        assert_eq!(
            change(&c.mine_changes, Field::Channels).after,
            "Other channel (fax)"
        );
        assert_eq!(
            row(&c, Field::Segments).theirs,
            "Unknown segment (9a8b7c6d…)"
        );
        assert_eq!(row(&c, Field::Segments).mine, "All customers");
    }

    #[test]
    fn yours_has_the_state_the_review_promises_for_the_same_save() {
        let base = training("t1");
        let mut theirs = later(&base);
        theirs.title = "Theirs".into();
        let mut mine = TrainingDraft::from_training(&base);
        mine.content = "Mine.".into();
        let names = Names {
            directories: &[],
            segments: &[],
        };
        for (draft_save, promised) in [
            (DraftSave::BesideLive, "Live, with unpublished changes"),
            (
                DraftSave::TakesOutOfUse,
                "Draft, out of use until published",
            ),
            (DraftSave::Unknown, "Live, or out of use until published"),
        ] {
            let c = Conflict::new(
                base.clone(),
                theirs.clone(),
                mine.clone(),
                false,
                draft_save,
                names,
            );
            let state = row(&c, Field::State);
            assert_eq!(
                (state.base.as_str(), state.theirs.as_str()),
                ("Live", "Live")
            );
            assert_eq!(state.mine, promised);
            assert_eq!(change(&c.mine_changes, Field::State).after, promised);
            assert!(state.differs);
        }
    }

    #[test]
    fn a_merge_chooses_only_where_the_values_differ() {
        let mut base = training("t1");
        base.restricted_to_channels = vec![Channel::Web, Channel::Email];
        let mut theirs = later(&base);
        theirs.restricted_to_channels.reverse();
        theirs.training_type = TrainingType::Behavioral;
        let mine = TrainingDraft::from_training(&base);
        let c = Conflict::new(
            base,
            theirs,
            mine,
            true,
            DraftSave::BesideLive,
            Names {
                directories: &[],
                segments: &[],
            },
        );
        let differing: Vec<_> = c
            .rows
            .iter()
            .filter(|r| r.differs)
            .map(|r| r.field)
            .collect();
        assert_eq!(differing, [Field::Type]);
    }

    /// Writes a conflict as Rust words it to `ui/src/lib/bindings/examples/Conflict.json`, so the
    /// UI's tests render the conflict view and the review of the same save from Rust's own words
    /// (committed; CI fails when it is stale, like the bindings). Both sides hold a channel this
    /// app does not know, a segment the workspace does not list and a directory it does.
    #[test]
    fn export_an_example_conflict_for_the_ui() {
        let mut base = training("t1");
        base.title = "Refund policy".into();
        base.directory_id = Some("dir-billing".into());
        base.restricted_to_channels = vec![Channel::Web];
        let mut theirs = later(&base);
        theirs.draft_title = Some("Refund policy (theirs)".into());
        theirs.restricted_to_channels = vec![Channel::Web, Channel::from("fax")];
        theirs.restricted_to_segments = vec!["seg-vip-0001".into()];
        let mut mine = TrainingDraft::from_training(&base);
        mine.title = "Refund policy (mine)".into();
        mine.content.push_str("\nWithin 60 days.");
        mine.training_type = TrainingType::Behavioral;
        mine.restricted_to_channels = vec![Channel::from("fax")];
        mine.restricted_to_segments = vec!["9a8b7c6d-1111-2222-3333-444455556666".into()];
        let directories = [DirectoryEntry {
            id: "dir-billing".into(),
            name: "Billing".into(),
            local_name_only: false,
        }];
        let segments = [segment("seg-vip-0001", "VIP customers")];
        let names = Names {
            directories: &directories,
            segments: &segments,
        };
        let c = Conflict::new(base, theirs, mine, false, DraftSave::BesideLive, names);
        assert_eq!(row(&c, Field::Channels).mine, "Other channel (fax)");
        let dir = bindings_dir().join("examples");
        std::fs::create_dir_all(&dir).unwrap();
        let json = serde_json::to_string_pretty(&c).unwrap() + "\n";
        std::fs::write(dir.join("Conflict.json"), json).unwrap();
    }
}
