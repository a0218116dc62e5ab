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

/** The draft's properties behind each field the editor shows. */
const FORM_KEYS: Record<FormField, readonly (keyof TrainingDraft)[]> = {
  title: ['title'],
  content: ['content'],
  type: ['training_type'],
  directory: ['directory_id'],
  channels: ['restricted_to_channels'],
  segments: ['restricted_to_segments'],
  window: ['start_time', 'end_time'],
};

/** The mark for `error`, met when sending `refused`; `null` when it is about no field the form shows. */
export function markFrom(error: IpcError, refused: TrainingDraft): FieldMark | null {
  if (error.field === null) return null;
  return { field: error.field, message: error.message, refused };
}

/** The sentence to show next to `field`, while it is the marked one and still holds the refused value. */
export function markedMessage(mark: FieldMark | null, form: TrainingDraft, field: FormField): string | undefined {
  if (mark === null || mark.field !== field) return undefined;
  const edited = Object.fromEntries(FORM_KEYS[field].map((key) => [key, form[key]]));
  const changed = isDirty({ ...mark.refused, ...edited }, mark.refused);
  return changed ? undefined : mark.message;
}
