// The local journal of unsaved edits seen from the UI: the editor's form is kept a moment after
// typing stops (JOURNAL_DELAY_MS), and forgotten when it is saved or discarded. Calls go out one
// after the other, so a "forget" never overtakes the "keep" written just before it. Failures are
// not the editor's business while typing: the text is still in the form.
import type { TrainingDraft } from './bindings/TrainingDraft';
import { journalDiscard, journalWrite } from './ipc';

/** How long after the last keystroke the form is written to the journal. */
export const JOURNAL_DELAY_MS = 800;

let queue: Promise<unknown> = Promise.resolve();

function enqueue(run: () => Promise<unknown>): Promise<void> {
  const next = queue.then(run).then(
    () => undefined,
    (error: unknown) => console.warn('journal:', error),
  );
  queue = next;
  return next;
}

/** Writes the unsaved form of training `id` to the journal. */
export const keepEdit = (id: string, draft: TrainingDraft, baseUpdatedAt: string | null): Promise<void> =>
  enqueue(() => journalWrite(id, draft, baseUpdatedAt));

/** Removes the journal's copy of training `id`. */
export const forgetEdit = (id: string): Promise<void> => enqueue(() => journalDiscard(id));

/** Resolves once every call made so far has answered (for tests). */
export const journalSettled = (): Promise<void> => enqueue(() => Promise.resolve());
