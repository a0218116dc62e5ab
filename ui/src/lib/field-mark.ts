// A part of the form open.cx refused: which field, the sentence saying why, and the value it
// refused. The editor marks that field until the person changes it.
import type { FormField } from './bindings/FormField';
import type { TrainingDraft } from './bindings/TrainingDraft';
import { isDirty } from './form';
import type { IpcError } from './ipc';

export interface FieldMark {
  field: FormField;
  message: string;
  /** The draft as it was sent when open.cx refused it. */
  refused: TrainingDraft;
}

/** The draft's property behind each field the editor shows (`window` is not edited here). */
const FORM_KEYS: Partial<Record<FormField, keyof TrainingDraft>> = {
  title: 'title',
  content: 'content',
  type: 'training_type',
  directory: 'directory_id',
  channels: 'restricted_to_channels',
  segments: 'restricted_to_segments',
};

/** The mark for `error`, met when sending `refused`; `null` when it is about no field the form shows. */
export function markFrom(error: IpcError, refused: TrainingDraft): FieldMark | null {
  if (error.field === null || FORM_KEYS[error.field] === undefined) return null;
  return { field: error.field, message: error.message, refused };
}

/** The sentence to show next to `field`, while it is the marked one and still holds the refused value. */
export function markedMessage(mark: FieldMark | null, form: TrainingDraft, field: FormField): string | undefined {
  const key = FORM_KEYS[field];
  if (mark === null || mark.field !== field || key === undefined) return undefined;
  const changed = isDirty({ ...mark.refused, [key]: form[key] }, mark.refused);
  return changed ? undefined : mark.message;
}
