// Plain-language names for the API's codes: channels, training types and publication state. The
// words themselves are generated from Rust (`./bindings/vocabulary.ts`, from
// crates/studio/src/vocabulary.rs), so the UI and the review never word one thing two ways; this
// file only picks the word for a value.
import type { Channel } from './bindings/Channel';
import type { PublicationState } from './bindings/PublicationState';
import type { Training } from './bindings/Training';
import type { TrainingType } from './bindings/TrainingType';
import { KNOWN_CHANNELS, STATE_LABELS, TRAINING_TYPES, unknownChannelLabel } from './bindings/vocabulary';

export function isKnownChannel(channel: Channel): boolean {
  return KNOWN_CHANNELS.some((c) => c.value === channel);
}

/** The label of a channel; a channel this app does not know keeps its own code, said plainly. */
export function channelLabel(channel: Channel): string {
  return KNOWN_CHANNELS.find((c) => c.value === channel)?.label ?? unknownChannelLabel(channel);
}

export function typeLabel(type: TrainingType): string {
  return TRAINING_TYPES.find((t) => t.value === type)?.label ?? type;
}

export const shownTitle = (t: Training): string => t.draft_title ?? t.title;
export const shownContent = (t: Training): string => t.draft_content ?? t.content;
export const isLive = (t: Training): boolean => !t.is_draft && t.current_version !== null;
export const hasUnpublishedChanges = (t: Training): boolean =>
  t.draft_title !== null || t.draft_content !== null;

/** The state of a training as open.cx holds it (the rule of `PublicationState::of` in Rust). */
export function publicationState(t: Training): PublicationState {
  if (!isLive(t)) return 'draft';
  return hasUnpublishedChanges(t) ? 'live_with_unpublished_changes' : 'live';
}

/** "Live", "Draft" or "Live, with unpublished changes". */
export function stateLabel(t: Training): string {
  return STATE_LABELS[publicationState(t)];
}

/** "1 training", "3 trainings". */
export function countTrainings(n: number): string {
  return n === 1 ? '1 training' : `${n} trainings`;
}
