// A save that met someone else's change, and the draft "Edit the merge" sends: title and content
// as typed, each other setting taken from yours or theirs. The conflict view's words (each
// setting of the common base, theirs and yours) come worded from Rust in `conflict.rows`, by the
// same code and vocabulary as the review, so nothing here names a setting.
import type { Conflict } from './bindings/Conflict';
import type { ConflictRow } from './bindings/ConflictRow';
import type { Field } from './bindings/Field';
import type { TrainingDraft } from './bindings/TrainingDraft';
import { draftFromTraining } from './form';

/** The settings besides title and content a merge takes from one side or the other: the row that
 *  shows each, and the draft's key that holds it. */
const MERGE_KEYS = {
  type: ['training_type'],
  directory: ['directory_id'],
  channels: ['restricted_to_channels'],
  segments: ['restricted_to_segments'],
  window: ['start_time', 'end_time'],
} as const satisfies Partial<Record<Field, readonly (keyof TrainingDraft)[]>>;
export type MergeField = keyof typeof MERGE_KEYS;
export type Side = 'mine' | 'theirs';
export type MergeRow = ConflictRow & { field: MergeField };

const isMergeRow = (row: ConflictRow): row is MergeRow => row.field in MERGE_KEYS;

/** The settings where a merge has to choose: theirs and yours hold different values. */
export function rowsToChoose(conflict: Conflict): MergeRow[] {
  return conflict.rows.filter(isMergeRow).filter((row) => row.differs);
}

/** The merged draft: title and content as edited, every other setting from the chosen side. */
export function mergeDraft(
  conflict: Conflict,
  text: { title: string; content: string },
  choices: Partial<Record<MergeField, Side>>,
): TrainingDraft {
  const theirs = draftFromTraining(conflict.theirs);
  const merged: TrainingDraft = { ...conflict.mine, title: text.title, content: text.content };
  for (const [field, keys] of Object.entries(MERGE_KEYS)) {
    if (choices[field as MergeField] !== 'theirs') continue;
    for (const key of keys) Object.assign(merged, { [key]: theirs[key] });
  }
  return merged;
}
