//! The in-memory state (trainings, directories, segments) and every change the API can make
//! to it, including the draft/publish state machine.

use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::list::{self, TrainingPage};
use crate::model::{Directory, Segment, Training, TrainingRecord, TrainingType};
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

/// The state plus the clock that stamps its changes.
#[derive(Debug)]
pub struct Store {
    state: State,
    clock: Clock,
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Store {
    pub fn new(state: State) -> Self {
        let mut clock = Clock::default();
        for r in &state.trainings {
            clock.observe(&r.training.updated_at);
            clock.observe(&r.training.created_at);
        }
        for d in &state.directories {
            clock.observe(&d.updated_at);
        }
        Store { state, clock }
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

    /// Creates a training: a draft has no version and its text in both `title/content` and
    /// `draft_*`; otherwise it is published as version 1.
    pub fn create(&mut self, input: TrainingInput) -> Training {
        let now = self.clock.now();
        let is_draft = input.is_draft.unwrap_or(false);
        let training = Training {
            id: new_id(),
            draft_title: is_draft.then(|| input.title.clone()),
            draft_content: is_draft.then(|| input.content.clone()),
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

    /// `PUT /training/{id}`. The non-text fields are applied at once. With `is_draft: true` a
    /// training that has been published keeps its live text and gets the new text as
    /// `draft_*`; one never published gets it everywhere and stays a draft. Otherwise the text
    /// is published as a new version.
    pub fn update(&mut self, id: &str, input: TrainingInput) -> Option<Training> {
        let now = self.clock.now();
        let t = &mut self.record_mut(id)?.training;
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
        if let Some(metadata) = input.metadata {
            t.metadata = metadata;
        }
        if let Some(start) = input.start_time {
            t.start_time = start;
        }
        if let Some(end) = input.end_time {
            t.end_time = end;
        }
        if input.is_draft == Some(true) {
            if t.current_version.is_none() {
                t.title.clone_from(&input.title);
                t.content.clone_from(&input.content);
                t.is_draft = true;
            }
            t.draft_title = Some(input.title);
            t.draft_content = Some(input.content);
        } else {
            t.title = input.title;
            t.content = input.content;
            publish(t, &now);
        }
        t.updated_at = now;
        Some(t.clone())
    }

    /// `PUT /training/{id}/draft`: `false` promotes the draft (or the current text) to a new
    /// version; `true` takes the training out of use and keeps `current_version`.
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

    #[test]
    fn create_draft_then_publish_through_the_draft_route() {
        let mut store = Store::new(State::default());
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
        let mut store = Store::new(State::default());
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
        let mut store = Store::new(State::default());
        let t = store.create(input("First", Some(true)));
        let d = store.update(&t.id, input("Second", Some(true))).unwrap();
        assert_eq!(d.title, "Second");
        assert_eq!(d.draft_title.as_deref(), Some("Second"));
        assert!(d.is_draft);
        assert_eq!(d.current_version, None);
    }

    #[test]
    fn unpublish_keeps_the_version_and_republish_bumps_it() {
        let mut store = Store::new(State::default());
        let t = store.create(input("X", None));
        let u = store.set_draft(&t.id, true).unwrap();
        assert!(u.is_draft);
        assert_eq!(u.current_version, Some(1));
        let r = store.set_draft(&t.id, false).unwrap();
        assert!(!r.is_draft);
        assert_eq!(r.current_version, Some(2));
    }

    #[test]
    fn deleting_a_directory_detaches_its_trainings() {
        let mut store = Store::new(State::default());
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
