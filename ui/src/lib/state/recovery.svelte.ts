// Unsaved edits a crash (or a discarded outbox save) left in the local journal, offered back when
// the workspace opens: which ones wait to be opened or discarded, and the one the editor is
// opening now (as unsaved changes, with its review when the person chose to compare).
import { announce } from '../announcer.svelte';
import type { RecoveredEdit } from '../bindings/RecoveredEdit';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import { journalList } from '../ipc';
import { forgetEdit } from '../journal';
import { countTrainings } from '../labels';
import type { Feedback } from './feedback.svelte';
import type { WorkspaceStore } from './workspace.svelte';

export interface Restoring {
  id: string;
  draft: TrainingDraft;
  /** Open "Review changes" at once, to compare with open.cx. */
  review: boolean;
}

export class RecoveryStore {
  /** Recovered edits not yet opened or discarded. */
  edits = $state.raw<RecoveredEdit[]>([]);
  /** The recovered draft the editor opens with. */
  restoring = $state.raw<Restoring | null>(null);
  #workspace: WorkspaceStore;
  #feedback: Feedback;

  constructor(workspace: WorkspaceStore, feedback: Feedback) {
    this.#workspace = workspace;
    this.#feedback = feedback;
  }

  /** What a crash left in the journal, for trainings the workspace still has. */
  async check(): Promise<void> {
    try {
      const edits = await journalList();
      const known = this.#workspace.byId;
      this.edits = edits.filter((e) => known.has(e.training_id));
      if (this.edits.length > 0) announce(`Recovered unsaved changes to ${countTrainings(this.edits.length)}.`);
    } catch (raw) {
      this.#feedback.fail(raw, () => void this.check());
    }
  }

  /** The journal's copy of one training comes back to the list (its outbox save was dropped). */
  async bringBack(trainingId: string): Promise<void> {
    const back = (await journalList()).filter((e) => e.training_id === trainingId);
    this.edits = [...back, ...this.edits.filter((e) => e.training_id !== trainingId)];
  }

  /** Takes `edit` off the list: the editor opens with it. */
  open(edit: RecoveredEdit, review: boolean): void {
    this.edits = this.edits.filter((e) => e !== edit);
    this.restoring = { id: edit.training_id, draft: edit.draft, review };
  }

  /** The draft the editor of training `id` opens with, if it is the one being restored. */
  draftFor(id: string): Restoring | null {
    return this.restoring?.id === id ? this.restoring : null;
  }

  /** Forgets every recovered edit, here and in the journal. */
  async discardAll(): Promise<void> {
    const gone = this.edits;
    this.edits = [];
    await Promise.all(gone.map((e) => forgetEdit(e.training_id)));
    announce(`Discarded the recovered changes to ${countTrainings(gone.length)}.`);
  }
}
