//! The check that learns a workspace's [`DraftRules`] from the server itself, using only a
//! temporary training it creates for the purpose and deletes at once; an editor's training is
//! never touched.
//!
//! While it exists the temporary training is made harmless: its title and content say what it
//! is ("Training Studio check — safe to delete"), `metadata` marks it
//! (`{"training_studio_check": "<uuid>"}`), its schedule ended the day before it was made
//! (`start_time` two days ago, `end_time` one day ago), it is restricted to the API channel
//! and, where the server accepts it, to a segment that does not exist (so no contact is in
//! it). It is a draft except for the moment between steps 3 and 4.
//!
//! The steps (each answer is read from the server's reply):
//! 1. `POST /training` as a draft, with the metadata and the ended schedule.
//! 2. `PUT` the same text with `is_draft: true` and `metadata`, `start_time`, `end_time` left
//!    out: kept or cleared says [`OmittedFields`]. (`is_draft: true` on a never-published
//!    training keeps it a draft on every server, so nothing goes live without its ended
//!    schedule even where omitted fields are cleared.)
//! 3. `PUT` the same text with `is_draft` left out and the three fields sent again: still a
//!    draft = [`OmittedIsDraft::KeepsState`], published = [`OmittedIsDraft::Publishes`].
//! 4. If still a draft, `PUT /training/{id}/draft {is_draft: false}` publishes it.
//! 5. `PUT` other text with `is_draft: true`: still live with the old title =
//!    [`DraftSave::BesideLive`]; out of use = [`DraftSave::TakesOutOfUse`]; anything else
//!    stays [`DraftSave::Unknown`].
//! 6. `DELETE` — also after any failure along the way; a delete that fails is said plainly.
//!
//! Any failure leaves what was not learned `Unknown` and says why in `problem`; then every
//! write takes the safest path (see `draft_rules.rs`).

use chrono::{Duration, SubsecRound, Utc};
use opencx::{Channel, Client, CreateTraining, Training, TrainingType, UpdateTraining};
use serde_json::{Map, Value};

use crate::draft_rules::{DraftRules, DraftSave, OmittedFields, OmittedIsDraft};
use crate::error::{ErrorKind, StudioError};

/// The temporary training's title.
pub const CHECK_TITLE: &str = "Training Studio check — safe to delete";
/// Its title in step 5, the text saved as a draft over the live one.
const CHECK_DRAFT_TITLE: &str = "Training Studio check — safe to delete (draft)";
/// Its content.
pub const CHECK_CONTENT: &str = "Training Studio made this training to learn how this \
workspace saves drafts, and deletes it within seconds. It is never used: its schedule ended \
before it was made. If you still see it, delete it.";
/// The metadata key that marks it; the value is a UUID per check.
pub const CHECK_METADATA_KEY: &str = "training_studio_check";

/// The most requests a check makes (steps 1 to 6), so a sign-in can tell whether it fits in the
/// rate budget beside the first load.
pub(crate) const MOST_REQUESTS: u32 = 6;

/// Learns the rules through `client`. Never fails: what could not be learned is `Unknown` and
/// `problem` says why.
pub(crate) async fn learn(client: &Client) -> DraftRules {
    let mut rules = DraftRules {
        checked_at: Some(Utc::now()),
        ..DraftRules::default()
    };
    let probe = match create_probe(client).await {
        Ok(probe) => probe,
        Err(err) => {
            rules.problem = Some(could_not_check(&err));
            return rules;
        }
    };
    let observed = observe(client, &probe, &mut rules).await;
    let deleted = client.delete_training(&probe.id).await;
    rules.problem = match (observed, deleted) {
        (Ok(()), Ok(())) => None,
        (Err(err), Ok(())) => Some(could_not_check(&err)),
        (observed, Err(err)) => {
            let err = StudioError::from(err);
            let first = observed.err().map(|e| could_not_check(&e) + " ");
            Some(format!(
                "{}Training Studio could not delete its temporary training “{CHECK_TITLE}” \
                 ({}) Delete it in open.cx; it is not used by the AI agent, its schedule has \
                 ended.",
                first.unwrap_or_default(),
                err.message().trim_end_matches('.')
            ))
        }
    };
    tracing::info!(
        draft_save = ?rules.draft_save,
        omitted_is_draft = ?rules.omitted_is_draft,
        omitted_fields = ?rules.omitted_fields,
        ok = rules.problem.is_none(),
        "checked how the workspace treats drafts"
    );
    rules
}

fn could_not_check(err: &StudioError) -> String {
    format!(
        "Training Studio could not check how this workspace treats drafts: {}",
        err.message()
    )
}

/// Step 1. A server that refuses the made-up segment gets the training without it.
async fn create_probe(client: &Client) -> Result<Training, StudioError> {
    // Whole seconds, so any server's time format answers the same instant.
    let now = Utc::now().trunc_subsecs(0);
    let mut metadata = Map::new();
    metadata.insert(
        CHECK_METADATA_KEY.into(),
        Value::String(uuid::Uuid::new_v4().to_string()),
    );
    let body = CreateTraining {
        title: CHECK_TITLE.into(),
        content: CHECK_CONTENT.into(),
        training_type: TrainingType::ScenarioSpecific,
        is_draft: true,
        directory_id: None,
        restricted_to_channels: vec![Channel::Api],
        restricted_to_segments: vec![uuid::Uuid::new_v4().to_string()],
        metadata,
        start_time: Some(now - Duration::days(2)),
        end_time: Some(now - Duration::days(1)),
    };
    match client.create_training(&body).await {
        Err(err) if err.kind() == opencx::ErrorKind::Validation => {
            let without_segment = CreateTraining {
                restricted_to_segments: Vec::new(),
                ..body
            };
            Ok(client.create_training(&without_segment).await?)
        }
        created => Ok(created?),
    }
}

/// Steps 2 to 5 on the temporary training, writing what each answer shows into `rules`.
async fn observe(
    client: &Client,
    probe: &Training,
    rules: &mut DraftRules,
) -> Result<(), StudioError> {
    let id = &probe.id;
    let same = |is_draft: Option<bool>| UpdateTraining {
        is_draft,
        ..UpdateTraining::from_training(probe)
    };

    let bare = UpdateTraining {
        metadata: None,
        start_time: None,
        end_time: None,
        ..same(Some(true))
    };
    let answer = client.update_training(id, &bare).await?;
    rules.omitted_fields = omitted_fields(probe, &answer);

    let answer = client.update_training(id, &same(None)).await?;
    rules.omitted_is_draft = if answer.is_draft {
        OmittedIsDraft::KeepsState
    } else {
        OmittedIsDraft::Publishes
    };

    let live = if answer.is_draft {
        client.set_draft(id, false).await?
    } else {
        answer
    };
    if !live.is_live() {
        return Err(StudioError::new(
            ErrorKind::Server,
            "open.cx did not publish the temporary training when asked to.",
        ));
    }

    let other_text = UpdateTraining {
        title: CHECK_DRAFT_TITLE.into(),
        ..same(Some(true))
    };
    let answer = client.update_training(id, &other_text).await?;
    rules.draft_save = if answer.is_draft {
        DraftSave::TakesOutOfUse
    } else if answer.title == CHECK_TITLE {
        DraftSave::BesideLive
    } else {
        DraftSave::Unknown
    };
    Ok(())
}

/// Whether the fields the probe was made with survived a PUT that left them out: kept only
/// when every one that the server had kept at creation is still there.
fn omitted_fields(probe: &Training, answer: &Training) -> OmittedFields {
    let metadata_kept =
        answer.metadata.get(CHECK_METADATA_KEY) == probe.metadata.get(CHECK_METADATA_KEY);
    let start_kept = probe.start_time.is_none() || answer.start_time == probe.start_time;
    let end_kept = probe.end_time.is_none() || answer.end_time == probe.end_time;
    if metadata_kept && start_kept && end_kept {
        OmittedFields::Kept
    } else {
        OmittedFields::Cleared
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::training;

    #[test]
    fn omitted_fields_are_kept_only_when_all_survive() {
        let mut probe = training("p");
        probe
            .metadata
            .insert(CHECK_METADATA_KEY.into(), Value::from("m"));
        probe.end_time = probe.start_time;
        assert_eq!(omitted_fields(&probe, &probe), OmittedFields::Kept);
        let mut answer = probe.clone();
        answer.end_time = None;
        assert_eq!(omitted_fields(&probe, &answer), OmittedFields::Cleared);
        let mut answer = probe.clone();
        answer.metadata.clear();
        assert_eq!(omitted_fields(&probe, &answer), OmittedFields::Cleared);
        // A field the server did not keep at creation says nothing.
        let mut probe_without_end = probe.clone();
        probe_without_end.end_time = None;
        let mut answer = probe_without_end.clone();
        answer.end_time = None;
        assert_eq!(
            omitted_fields(&probe_without_end, &answer),
            OmittedFields::Kept
        );
    }
}
