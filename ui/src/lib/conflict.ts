// A save that met someone else's change, as the conflict view shows it: the common base, theirs
// and yours side by side for each setting in plain words, and the draft "Edit the merge" sends
// (title and content as typed, each other setting taken from yours or theirs).
import type { Conflict } from './bindings/Conflict';
import type { DirectoryEntry } from './bindings/DirectoryEntry';
import type { Segment } from './bindings/Segment';
import type { Training } from './bindings/Training';
import type { TrainingDraft } from './bindings/TrainingDraft';
import { draftFromTraining, isDirty } from './form';
import { channelLabel, isLive, stateLabel, typeLabel, unknownSegmentLabel } from './labels';

/** The settings besides title and content, which a merge takes from one side or the other. */
export const MERGE_FIELDS = ['training_type', 'directory_id', 'restricted_to_channels', 'restricted_to_segments'] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type Side = 'mine' | 'theirs';

export interface ConflictRow {
  field: MergeField | 'title' | 'state';
  label: string;
  base: string;
  theirs: string;
  mine: string;
  /** Theirs and yours say different things here. */
  differs: boolean;
}

export interface Names {
  directories: readonly DirectoryEntry[];
  segments: readonly Segment[];
}

const LABELS: Record<ConflictRow['field'], string> = {
  title: 'Title',
  training_type: 'Type',
  directory_id: 'Directory',
  restricted_to_channels: 'Channels',
  restricted_to_segments: 'Segments',
  state: 'State',
};

/** One setting of a draft in words ("All channels", "Billing", …). */
export function describeField(draft: TrainingDraft, field: MergeField | 'title', names: Names): string {
  switch (field) {
    case 'title':
      return draft.title;
    case 'training_type':
      return typeLabel(draft.training_type);
    case 'directory_id': {
      const id = draft.directory_id;
      if (id === null) return 'No directory';
      return names.directories.find((d) => d.id === id)?.name ?? `Unknown directory (${id.slice(0, 8)}…)`;
    }
    case 'restricted_to_channels': {
      const channels = draft.restricted_to_channels;
      return channels.length === 0 ? 'All channels' : channels.map(channelLabel).join(', ');
    }
    case 'restricted_to_segments':
      return draft.restricted_to_segments.length === 0
        ? 'All customers'
        : draft.restricted_to_segments.map((s) => names.segments.find((x) => x.id === s)?.name ?? unknownSegmentLabel(s)).join(', ');
  }
}

/** The state the training would have after your save. */
function mineState(theirs: Training, publish: boolean): string {
  if (publish) return 'Live';
  return isLive(theirs) ? 'Live, with unpublished changes' : 'Draft';
}

/** Base, theirs and yours for every setting but the content (the content is shown as diffs). */
export function conflictRows(conflict: Conflict, names: Names): ConflictRow[] {
  const base = draftFromTraining(conflict.base);
  const theirs = draftFromTraining(conflict.theirs);
  const mine = conflict.mine;
  const fields = ['title', ...MERGE_FIELDS] as const;
  const rows: ConflictRow[] = fields.map((field) => {
    const values = {
      base: describeField(base, field, names),
      theirs: describeField(theirs, field, names),
      mine: describeField(mine, field, names),
    };
    return { field, label: LABELS[field], ...values, differs: values.theirs !== values.mine };
  });
  const state = {
    base: stateLabel(conflict.base),
    theirs: stateLabel(conflict.theirs),
    mine: mineState(conflict.theirs, conflict.publish),
  };
  rows.push({ field: 'state', label: LABELS.state, ...state, differs: state.theirs !== state.mine });
  return rows;
}

/** The settings where a merge has to choose (theirs and yours differ). */
export function fieldsToChoose(conflict: Conflict): MergeField[] {
  const theirs = draftFromTraining(conflict.theirs);
  const mine = conflict.mine;
  return MERGE_FIELDS.filter((f) => isDirty({ ...mine, [f]: theirs[f] }, mine));
}

/** The merged draft: title and content as edited, every other setting from the chosen side. */
export function mergeDraft(
  conflict: Conflict,
  text: { title: string; content: string },
  choices: Partial<Record<MergeField, Side>>,
): TrainingDraft {
  const theirs = draftFromTraining(conflict.theirs);
  const merged: TrainingDraft = { ...conflict.mine, title: text.title, content: text.content };
  for (const f of MERGE_FIELDS) if (choices[f] === 'theirs') Object.assign(merged, { [f]: theirs[f] });
  return merged;
}
