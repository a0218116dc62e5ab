// The outbox as the UI tells it: what each waiting change will do and where it stands, in plain
// words, and which trainings to show fresh after a send.
import type { OutboxEntry } from './bindings/OutboxEntry';
import type { OutboxState } from './bindings/OutboxState';
import type { OutboxView } from './bindings/OutboxView';
import type { Training } from './bindings/Training';
import type { TrainingDraft } from './bindings/TrainingDraft';

/** "Save draft", "Publish", "Move to Billing", "Take out of use". */
export function describeAction(entry: OutboxEntry, dirName: (id: string | null) => string): string {
  const a = entry.action;
  switch (a.kind) {
    case 'save':
      return a.publish ? 'Publish the edited text' : 'Save the edited text as a draft';
    case 'move':
      return `Move to ${dirName(a.directory_id)}`;
    case 'set_published':
      return a.published ? 'Publish' : 'Take out of use';
  }
}

/** Where the entry stands, in words. */
export function describeState(entry: OutboxEntry): string {
  switch (entry.state) {
    case 'waiting':
      return 'Waiting for the connection';
    case 'conflict':
      return 'Changed on open.cx meanwhile — not sent';
    case 'failed':
      return 'open.cx refused it — not sent';
  }
}

/** How many changes are not on open.cx yet (waiting, or held for a decision). */
export const pendingCount = (view: OutboxView | null): number => view?.entries.length ?? 0;

/** Where the saves of one training in the outbox stand: a held one first, `null` when none. */
export function savesState(view: OutboxView | null, trainingId: string): OutboxState | null {
  const states = new Set(
    (view?.entries ?? []).filter((e) => e.training_id === trainingId && e.action.kind === 'save').map((e) => e.state),
  );
  for (const state of ['conflict', 'failed', 'waiting'] as const) if (states.has(state)) return state;
  return null;
}

/** The form of the training's latest save still in the outbox (`null`: none). */
export function waitingDraft(view: OutboxView | null, trainingId: string): TrainingDraft | null {
  let latest: TrainingDraft | null = null;
  for (const e of view?.entries ?? []) {
    if (e.training_id === trainingId && e.action.kind === 'save') latest = e.action.draft;
  }
  return latest;
}

/** The list with the trainings that just reached open.cx in place. */
export function withLanded(trainings: readonly Training[], landed: readonly Training[]): Training[] {
  if (landed.length === 0) return [...trainings];
  const fresh = new Map(landed.map((t) => [t.id, t]));
  return trainings.map((t) => fresh.get(t.id) ?? t);
}
