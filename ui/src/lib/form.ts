// The editor's form: built from a training, compared with what the server holds (dirty
// tracking), checked before anything is sent, and turned into the `TrainingDraft` to save.
import type { Channel } from './bindings/Channel';
import type { Training } from './bindings/Training';
import type { TrainingDraft } from './bindings/TrainingDraft';
import type { TrainingType } from './bindings/TrainingType';
import { shownContent, shownTitle } from './labels';

export interface TrainingForm {
  title: string;
  content: string;
  type: TrainingType;
  directoryId: string | null;
  channels: Channel[];
  segments: string[];
}

/** The form as the server holds the training now (the draft text when there is one). */
export function formFromTraining(t: Training): TrainingForm {
  return {
    title: shownTitle(t),
    content: shownContent(t),
    type: t.type,
    directoryId: t.directory_id,
    channels: [...t.restricted_to_channels],
    segments: [...t.restricted_to_segments],
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = new Set(a);
  return b.every((x) => left.has(x)) && new Set(b).size === left.size;
}

/** True when the form differs from `base`; ticking and unticking again is no change. */
export function isDirty(form: TrainingForm, base: TrainingForm): boolean {
  return (
    form.title !== base.title ||
    form.content !== base.content ||
    form.type !== base.type ||
    form.directoryId !== base.directoryId ||
    !sameSet(form.channels, base.channels) ||
    !sameSet(form.segments, base.segments)
  );
}

export interface FormErrors {
  title?: string;
  content?: string;
}

/** What must be fixed before saving; empty when the form may be sent. */
export function validateForm(form: TrainingForm): FormErrors {
  const errors: FormErrors = {};
  if (form.title.trim() === '') errors.title = 'Give this training a title.';
  if (form.content.trim() === '') errors.content = 'Write what the AI should do: the content cannot be empty.';
  return errors;
}

export const hasErrors = (errors: FormErrors): boolean =>
  errors.title !== undefined || errors.content !== undefined;

/** The form holding a draft (one recovered from the journal). */
export function formFromDraft(d: TrainingDraft): TrainingForm {
  return {
    title: d.title,
    content: d.content,
    type: d.training_type,
    directoryId: d.directory_id,
    channels: [...d.restricted_to_channels],
    segments: [...d.restricted_to_segments],
  };
}

/** The exact body the backend saves. */
export function toDraft(form: TrainingForm): TrainingDraft {
  return {
    title: form.title,
    content: form.content,
    training_type: form.type,
    directory_id: form.directoryId,
    restricted_to_channels: [...form.channels],
    restricted_to_segments: [...form.segments],
  };
}

/** Adds or removes one value, keeping the order of the others. */
export function toggleIn<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((x) => x !== value);
  return on ? [...without, value] : without;
}
