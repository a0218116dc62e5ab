// The editor's form rules over the generated `TrainingDraft` (the body the backend saves): the
// draft a training opens with, whether an edit differs from what the server holds (dirty
// tracking), and what must be fixed before anything is sent.
import type { Training } from './bindings/Training';
import type { TrainingDraft } from './bindings/TrainingDraft';
import { shownContent, shownTitle } from './labels';
import { sameMoment } from './schedule';

/** The draft as the server holds the training now (the draft text when there is one). */
export function draftFromTraining(t: Training): TrainingDraft {
  return {
    title: shownTitle(t),
    content: shownContent(t),
    training_type: t.type,
    directory_id: t.directory_id,
    restricted_to_channels: [...t.restricted_to_channels],
    restricted_to_segments: [...t.restricted_to_segments],
    start_time: t.start_time,
    end_time: t.end_time,
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = new Set(a);
  return b.every((x) => left.has(x)) && new Set(b).size === left.size;
}

/** True when `draft` differs from `base`; ticking and unticking again is no change. */
export function isDirty(draft: TrainingDraft, base: TrainingDraft): boolean {
  return (
    draft.title !== base.title ||
    draft.content !== base.content ||
    draft.training_type !== base.training_type ||
    draft.directory_id !== base.directory_id ||
    !sameSet(draft.restricted_to_channels, base.restricted_to_channels) ||
    !sameSet(draft.restricted_to_segments, base.restricted_to_segments) ||
    !sameMoment(draft.start_time, base.start_time) ||
    !sameMoment(draft.end_time, base.end_time)
  );
}

export interface FormErrors {
  title?: string;
  content?: string;
  window?: string;
}

/** What must be fixed before saving; empty when the draft may be sent. */
export function validateForm(draft: TrainingDraft): FormErrors {
  const errors: FormErrors = {};
  if (draft.title.trim() === '') errors.title = 'Give this training a title.';
  if (draft.content.trim() === '') errors.content = 'Write what the AI should do: the content cannot be empty.';
  if (draft.start_time !== null && draft.end_time !== null && Date.parse(draft.end_time) <= Date.parse(draft.start_time))
    errors.window = 'The end must come after the start. Change the end, or clear it for no end.';
  return errors;
}

export const hasErrors = (errors: FormErrors): boolean =>
  errors.title !== undefined || errors.content !== undefined || errors.window !== undefined;

/** Adds or removes one value, keeping the order of the others. */
export function toggleIn<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((x) => x !== value);
  return on ? [...without, value] : without;
}
