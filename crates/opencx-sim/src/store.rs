//! The in-memory state (trainings, directories, segments) and every change the API can make
//! to it, including the draft/publish state machine in both draft readings (see
//! [`DraftMode`]) and both readings of omitted fields (see [`OmittedFields`]).

use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::list::{self, TrainingPage};
use crate::model::{Directory, Segment, Training, TrainingRecord, TrainingType};
use crate::readings::{DraftMode, OmittedFields, Readings};
use crate::validation::{ListQuery, PageQuery, TrainingInput};

/// Everything the simulator knows; this is also what the state file holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub trainings: Vec<TrainingRecord>,
    pub directories: Vec<Directory>,
    pub segments: Vec<Segment>,
}

/// The list envelope of `GET /contacts/segments`: `{data, page, limit, total}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentPage {
    pub data: Vec<Segment>,
    pub page: usize,
    pub limit: usize,
    pub total: usize,
}

/// The state, the clock that stamps its changes, and the readings its writes follow.
#[derive(Debug)]
pub struct Store {
    state: State,
    clock: Clock,
    readings: Readings,
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Store {
    /// A store over `state`. In the literal draft reading, pending `draft_*` text (from a
    /// seed or a state file written in the fields reading) is dropped and the live text stays.
    pub fn new(mut state: State, readings: Readings) -> Self {
        if readings.draft_mode == DraftMode::Literal {
            for r in &mut state.trainings {
                r.training.draft_title = None;
                r.training.draft_content = None;
            }
        }
        let mut clock = Clock::default();
        for r in &state.trainings {
            clock.observe(&r.training.updated_at);
            clock.observe(&r.training.created_at);
        }
        for d in &state.directories {
            clock.observe(&d.updated_at);
        }
        Store {
            state,
            clock,
            readings,
        }
    }

    pub fn state(&self) -> &State {
        &self.state
    }

    fn record_mut(&mut self, id: &str) -> Option<&mut TrainingRecord> {
        self.state
            .trainings
            .iter_mut()
            .find(|r| r.training.id == id)
    }

    pub fn list(&self, query: &ListQuery) -> TrainingPage {
        list::page(&self.state.trainings, query)
    }

    pub fn get(&self, id: &str) -> Option<&Training> {
        self.state
            .trainings
            .iter()
            .map(|r| &r.training)
            .find(|t| t.id == id)
    }

    /// Creates a training: a draft has no version, and its text in `title/content` and (in
    /// the fields reading) also in `draft_*`; otherwise it is published as version 1.
    pub fn create(&mut self, input: TrainingInput) -> Training {
        let now = self.clock.now();
        let is_draft = input.is_draft.unwrap_or(false);
        let draft_copy = is_draft && self.readings.draft_mode == DraftMode::Fields;
        let training = Training {
            id: new_id(),
            draft_title: draft_copy.then(|| input.title.clone()),
            draft_content: draft_copy.then(|| input.content.clone()),
            title: input.title,
            content: input.content,
            training_type: input
                .training_type
                .unwrap_or(TrainingType::ScenarioSpecific),
            is_draft,
            directory_id: input.directory_id.flatten(),
            restricted_to_channels: input.restricted_to_channels.unwrap_or_default(),
            restricted_to_segments: input.restricted_to_segments.unwrap_or_default(),
            current_version: (!is_draft).then_some(1),
            metadata: input.metadata.unwrap_or_default(),
            published_at: (!is_draft).then(|| now.clone()),
            start_time: input.start_time.flatten(),
            end_time: input.end_time.flatten(),
            created_at: now.clone(),
            updated_at: now,
        };
        self.state.trainings.push(TrainingRecord {
            training: training.clone(),
            handoff_count: 0,
        });
        training
    }

    /// `PUT /training/{id}`. The non-text fields are applied at once (omitted ones kept or,
    /// for `metadata`/`start_time`/`end_time` in the cleared reading, cleared); the text and
    /// the draft state follow the draft reading (see [`DraftMode`]).
    pub fn update(&mut self, id: &str, input: TrainingInput) -> Option<Training> {
        let now = self.clock.now();
        let readings = self.readings;
        let t = &mut self.record_mut(id)?.training;
        let clear_omitted = readings.omitted_fields == OmittedFields::Cleared;
        if let Some(ty) = input.training_type {
            t.training_type = ty;
        }
        if let Some(dir) = input.directory_id {
            t.directory_id = dir;
        }
        if let Some(channels) = input.restricted_to_channels {
            t.restricted_to_channels = channels;
        }
        if let Some(segments) = input.restricted_to_segments {
            t.restricted_to_segments = segments;
        }
        match input.metadata {
            Some(metadata) => t.metadata = metadata,
            None if clear_omitted => t.metadata.clear(),
            None => {}
        }
        match input.start_time {
            Some(start) => t.start_time = start,
            None if clear_omitted => t.start_time = None,
            None => {}
        }
        match input.end_time {
            Some(end) => t.end_time = end,
            None if clear_omitted => t.end_time = None,
            None => {}
        }
        let text = (input.title, input.content);
        match readings.draft_mode {
            DraftMode::Fields => update_text_fields(t, text, input.is_draft, &now),
            DraftMode::Literal => update_text_literal(t, text, input.is_draft, &now),
        }
        t.updated_at = now;
        Some(t.clone())
    }

    /// `PUT /training/{id}/draft`: `false` promotes the draft (or the current text) to a new
    /// version; `true` takes the training out of use and keeps `current_version`. The same in
    /// both draft readings (the literal one never has `draft_*` text to promote).
    pub fn set_draft(&mut self, id: &str, is_draft: bool) -> Option<Training> {
        let now = self.clock.now();
        let t = &mut self.record_mut(id)?.training;
        if is_draft {
            t.is_draft = true;
        } else {
            if let Some(title) = t.draft_title.take() {
                t.title = title;
            }
            if let Some(content) = t.draft_content.take() {
                t.content = content;
            }
            publish(t, &now);
        }
        t.updated_at = now;
        Some(t.clone())
    }

    pub fn delete(&mut self, id: &str) -> bool {
        let before = self.state.trainings.len();
        self.state.trainings.retain(|r| r.training.id != id);
        self.state.trainings.len() != before
    }

    pub fn directories(&self) -> &[Directory] {
        &self.state.directories
    }

    pub fn create_directory(&mut self, name: String) -> Directory {
        let now = self.clock.now();
        let dir = Directory {
            id: new_id(),
            name,
            created_at: now.clone(),
            updated_at: now,
        };
        self.state.directories.push(dir.clone());
        dir
    }

    pub fn rename_directory(&mut self, id: &str, name: String) -> Option<Directory> {
        let now = self.clock.now();
        let dir = self.state.directories.iter_mut().find(|d| d.id == id)?;
        dir.name = name;
        dir.updated_at = now;
        Some(dir.clone())
    }

    /// Deletes a directory; its trainings stay, with `directory_id = null`.
    pub fn delete_directory(&mut self, id: &str) -> bool {
        let before = self.state.directories.len();
        self.state.directories.retain(|d| d.id != id);
        if self.state.directories.len() == before {
            return false;
        }
        let now = self.clock.now();
        for r in &mut self.state.trainings {
            if r.training.directory_id.as_deref() == Some(id) {
                r.training.directory_id = None;
                r.training.updated_at.clone_from(&now);
            }
        }
        true
    }

    pub fn segments(&self, query: PageQuery) -> SegmentPage {
        let all = &self.state.segments;
        let start = (query.page - 1).saturating_mul(query.limit);
        SegmentPage {
            data: all.iter().skip(start).take(query.limit).cloned().collect(),
            page: query.page,
            limit: query.limit,
            total: all.len(),
        }
    }

    pub fn segment(&self, id: &str) -> Option<&Segment> {
        self.state.segments.iter().find(|s| s.id == id)
    }
}

/// The fields reading of a `PUT`'s text: with `is_draft: true` a training that has been
/// published keeps its live text and gets the new text as `draft_*`; one never published gets
/// it everywhere and stays a draft. Otherwise the text is published as a new version.
fn update_text_fields(t: &mut Training, text: (String, String), is_draft: Option<bool>, now: &str) {
    let (title, content) = text;
    if is_draft == Some(true) {
        if t.current_version.is_none() {
            t.title.clone_from(&title);
            t.content.clone_from(&content);
            t.is_draft = true;
        }
        t.draft_title = Some(title);
        t.draft_content = Some(content);
    } else {
        t.title = title;
        t.content = content;
        publish(t, now);
    }
}

/// The literal reading of a `PUT`'s text: it always replaces the live text. `is_draft: true`
/// takes the training out of use (version kept); `false` puts it in use, as a new version when
/// it was a draft or the text changed; omitted keeps the state, and a live training whose text
/// changed becomes a new version.
fn update_text_literal(
    t: &mut Training,
    text: (String, String),
    is_draft: Option<bool>,
    now: &str,
) {
    let (title, content) = text;
    let text_changed = t.title != title || t.content != content;
    let was_draft = t.is_draft;
    t.title = title;
    t.content = content;
    t.draft_title = None;
    t.draft_content = None;
    match is_draft {
        Some(true) => t.is_draft = true,
        Some(false) if was_draft || text_changed => publish(t, now),
        None if !was_draft && text_changed => publish(t, now),
        Some(false) | None => {}
    }
}

/// Makes the current `title/content` the new live version.
fn publish(t: &mut Training, now: &str) {
    t.current_version = Some(t.current_version.map_or(1, |v| v + 1));
    t.published_at = Some(now.to_string());
    t.draft_title = None;
    t.draft_content = None;
    t.is_draft = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, is_draft: Option<bool>) -> TrainingInput {
        TrainingInput {
            title: title.into(),
            content: format!("{title} body"),
            training_type: None,
            is_draft,
            directory_id: None,
            restricted_to_channels: None,
            restricted_to_segments: None,
            metadata: None,
            start_time: None,
            end_time: None,
        }
    }

    fn fields_store() -> Store {
        Store::new(State::default(), Readings::default())
    }

    fn literal_store() -> Store {
        Store::new(
            State::default(),
            Readings {
                draft_mode: DraftMode::Literal,
                ..Readings::default()
            },
        )
    }

    #[test]
    fn create_draft_then_publish_through_the_draft_route() {
        let mut store = fields_store();
        let t = store.create(input("A", Some(true)));
        assert!(t.is_draft);
        assert_eq!(t.current_version, None);
        assert_eq!(t.published_at, None);
        assert_eq!(t.draft_title.as_deref(), Some("A"));
        let p = store.set_draft(&t.id, false).unwrap();
        assert_eq!(p.current_version, Some(1));
        assert_eq!(p.title, "A");
        assert_eq!(p.draft_title, None);
        assert!(!p.is_draft);
        assert!(p.published_at.is_some());
    }

    #[test]
    fn draft_edit_of_a_published_training_keeps_it_live() {
        let mut store = fields_store();
        let t = store.create(input("Live", None));
        assert_eq!(t.current_version, Some(1));
        let mut edit = input("Edited", Some(true));
        edit.training_type = Some(TrainingType::Behavioral);
        edit.restricted_to_channels = Some(vec!["email".into()]);
        let d = store.update(&t.id, edit).unwrap();
        assert_eq!(d.title, "Live");
        assert_eq!(d.draft_title.as_deref(), Some("Edited"));
        assert_eq!(d.draft_content.as_deref(), Some("Edited body"));
        assert_eq!(d.current_version, Some(1));
        assert_eq!(d.published_at, t.published_at);
        assert!(!d.is_draft);
        assert_eq!(d.training_type, TrainingType::Behavioral);
        assert_eq!(d.restricted_to_channels, vec!["email".to_string()]);
        assert!(d.updated_at > t.updated_at);
        let p = store.update(&t.id, input("Final", None)).unwrap();
        assert_eq!(p.title, "Final");
        assert_eq!(p.current_version, Some(2));
        assert_eq!(p.draft_title, None);
    }

    #[test]
    fn draft_edit_of_a_never_published_training_changes_everything() {
        let mut store = fields_store();
        let t = store.create(input("First", Some(true)));
        let d = store.update(&t.id, input("Second", Some(true))).unwrap();
        assert_eq!(d.title, "Second");
        assert_eq!(d.draft_title.as_deref(), Some("Second"));
        assert!(d.is_draft);
        assert_eq!(d.current_version, None);
    }

    #[test]
    fn unpublish_keeps_the_version_and_republish_bumps_it() {
        let mut store = fields_store();
        let t = store.create(input("X", None));
        let u = store.set_draft(&t.id, true).unwrap();
        assert!(u.is_draft);
        assert_eq!(u.current_version, Some(1));
        let r = store.set_draft(&t.id, false).unwrap();
        assert!(!r.is_draft);
        assert_eq!(r.current_version, Some(2));
    }

    #[test]
    fn literal_create_of_a_draft_has_no_draft_fields() {
        let mut store = literal_store();
        let t = store.create(input("A", Some(true)));
        assert!(t.is_draft);
        assert_eq!((t.title.as_str(), t.current_version), ("A", None));
        assert_eq!((t.draft_title, t.draft_content), (None, None));
    }

    #[test]
    fn literal_draft_save_takes_a_live_training_out_of_use() {
        let mut store = literal_store();
        let t = store.create(input("Live", None));
        let d = store.update(&t.id, input("Edited", Some(true))).unwrap();
        assert!(d.is_draft, "out of use");
        assert_eq!(d.title, "Edited", "the text replaces the live text");
        assert_eq!((d.draft_title, d.draft_content), (None, None));
        assert_eq!(d.current_version, Some(1));
        assert_eq!(d.published_at, t.published_at);
    }

    #[test]
    fn literal_publish_makes_a_version_only_for_a_draft_or_changed_text() {
        let mut store = literal_store();
        let t = store.create(input("Live", None));
        let same = store.update(&t.id, input("Live", Some(false))).unwrap();
        assert_eq!(
            same.current_version,
            Some(1),
            "unchanged live text: no version"
        );
        assert_eq!(same.published_at, t.published_at);
        let changed = store.update(&t.id, input("Live 2", Some(false))).unwrap();
        assert_eq!(changed.current_version, Some(2));
        assert!(changed.published_at > t.published_at);
        store.update(&t.id, input("Live 2", Some(true))).unwrap();
        let back = store.update(&t.id, input("Live 2", Some(false))).unwrap();
        assert!(!back.is_draft);
        assert_eq!(back.current_version, Some(3), "a draft put back in use");
        assert_eq!(back.draft_title, None);
    }

    #[test]
    fn literal_omitted_is_draft_keeps_the_state() {
        let mut store = literal_store();
        let live = store.create(input("Live", None));
        let same = store.update(&live.id, input("Live", None)).unwrap();
        assert_eq!((same.is_draft, same.current_version), (false, Some(1)));
        let edited = store.update(&live.id, input("Live 2", None)).unwrap();
        assert_eq!((edited.is_draft, edited.current_version), (false, Some(2)));
        let draft = store.create(input("Draft", Some(true)));
        let still = store.update(&draft.id, input("Draft 2", None)).unwrap();
        assert!(still.is_draft);
        assert_eq!(
            (still.title.as_str(), still.current_version),
            ("Draft 2", None)
        );
        assert_eq!(still.draft_title, None);
    }

    #[test]
    fn literal_draft_route_switches_use_without_draft_fields() {
        let mut store = literal_store();
        let t = store.create(input("X", None));
        let off = store.set_draft(&t.id, true).unwrap();
        assert!(off.is_draft);
        assert_eq!(off.current_version, Some(1));
        let on = store.set_draft(&t.id, false).unwrap();
        assert!(!on.is_draft);
        assert_eq!(on.current_version, Some(2));
        assert_eq!((on.title.as_str(), on.draft_title), ("X", None));
    }

    #[test]
    fn literal_reading_drops_pending_draft_text_it_starts_with() {
        let mut fields = fields_store();
        let t = fields.create(input("Live", None));
        fields.update(&t.id, input("Pending", Some(true))).unwrap();
        let literal = Store::new(
            fields.state().clone(),
            Readings {
                draft_mode: DraftMode::Literal,
                ..Readings::default()
            },
        );
        let kept = literal.get(&t.id).unwrap();
        assert_eq!((kept.title.as_str(), &kept.draft_title), ("Live", &None));
    }

    fn scheduled_with_metadata(store: &mut Store) -> Training {
        let mut i = input("Timed", None);
        i.metadata = Some(
            serde_json::json!({"team": "billing"})
                .as_object()
                .unwrap()
                .clone(),
        );
        i.start_time = Some(Some("2025-01-01T00:00:00.000Z".into()));
        i.end_time = Some(Some("2030-01-01T00:00:00.000Z".into()));
        store.create(i)
    }

    #[test]
    fn omitted_fields_are_kept_or_cleared_by_the_reading() {
        let mut kept = fields_store();
        let t = scheduled_with_metadata(&mut kept);
        let after = kept.update(&t.id, input("Timed", None)).unwrap();
        assert_eq!(after.metadata, t.metadata);
        assert_eq!(
            (&after.start_time, &after.end_time),
            (&t.start_time, &t.end_time)
        );

        let mut cleared = Store::new(
            State::default(),
            Readings {
                omitted_fields: OmittedFields::Cleared,
                ..Readings::default()
            },
        );
        let t = scheduled_with_metadata(&mut cleared);
        let mut with_metadata = input("Timed", None);
        with_metadata.metadata = Some(t.metadata.clone());
        let after = cleared.update(&t.id, with_metadata).unwrap();
        assert_eq!(after.metadata, t.metadata, "a sent field is applied");
        assert_eq!((after.start_time, after.end_time), (None, None));
        let after = cleared.update(&t.id, input("Timed", None)).unwrap();
        assert!(after.metadata.is_empty());
    }

    #[test]
    fn deleting_a_directory_detaches_its_trainings() {
        let mut store = fields_store();
        let dir = store.create_directory("Billing".into());
        let mut i = input("In dir", None);
        i.directory_id = Some(Some(dir.id.clone()));
        let t = store.create(i);
        assert_eq!(t.directory_id.as_deref(), Some(dir.id.as_str()));
        assert!(store.delete_directory(&dir.id));
        assert_eq!(store.get(&t.id).unwrap().directory_id, None);
        assert!(!store.delete_directory(&dir.id));
    }
}
