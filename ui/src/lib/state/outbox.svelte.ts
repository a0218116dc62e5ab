// The outbox as the main view shows it: what waits to be sent to open.cx ("Waiting to send (N)"),
// kept current by the backend's "outbox-changed" events; sending now, and dropping an entry (a
// save's text then comes back as a recovered edit). Trainings that reached open.cx go into the
// workspace.
import { announce } from '../announcer.svelte';
import type { OutboxEntry } from '../bindings/OutboxEntry';
import type { OutboxView } from '../bindings/OutboxView';
import { IpcError, onOutboxChanged, outboxDiscard, outboxList, outboxSend, toIpcError, type Unlisten } from '../ipc';
import { pendingCount, savesState, waitingDraft } from '../outbox';
import type { RecoveryStore } from './recovery.svelte';
import type { WorkspaceStore } from './workspace.svelte';

export class OutboxStore {
  view = $state.raw<OutboxView | null>(null);
  /** The "Waiting to send" panel is open. */
  open = $state(false);
  sending = $state(false);
  error = $state.raw<IpcError | null>(null);
  /** How many changes are not on open.cx yet. */
  readonly pending = $derived(pendingCount(this.view));
  #workspace: WorkspaceStore;
  #recovery: RecoveryStore;

  constructor(workspace: WorkspaceStore, recovery: RecoveryStore) {
    this.#workspace = workspace;
    this.#recovery = recovery;
  }

  /** Follows the backend's outbox events; resolves to the function that stops following. */
  listen(): Promise<Unlisten> {
    return onOutboxChanged((view) => this.take(view));
  }

  take(view: OutboxView): void {
    this.view = view;
    this.#workspace.takeLanded(view.landed);
  }

  async refresh(): Promise<void> {
    try {
      this.take(await outboxList());
    } catch {
      // The count stays as it was; the next "outbox-changed" event brings it.
    }
  }

  async send(): Promise<void> {
    this.sending = true;
    this.error = null;
    try {
      this.take(await outboxSend());
      announce(this.pending === 0 ? 'Everything waiting has been sent.' : 'Some changes are still waiting.');
    } catch (raw) {
      this.error = toIpcError(raw);
    } finally {
      this.sending = false;
    }
  }

  /** Drops an entry; a save's text comes back from the journal as a recovered unsaved edit. */
  async discard(entry: OutboxEntry): Promise<void> {
    this.error = null;
    try {
      this.take(await outboxDiscard(entry.id));
      if (entry.action.kind !== 'save') {
        announce(`Discarded the change to “${entry.title}”.`);
        return;
      }
      await this.#recovery.bringBack(entry.training_id);
      announce(`Not sending the change to “${entry.title}”. Its text is kept: open it from Recovered changes.`);
    } catch (raw) {
      this.error = toIpcError(raw);
    }
  }

  close(): void {
    this.open = false;
    this.error = null;
  }

  /** Where the saves of one training stand (`null`: none waits). */
  savesOf(trainingId: string) {
    return savesState(this.view, trainingId);
  }

  /** The training's latest save still waiting (`null`: none). */
  waitingDraftOf(trainingId: string) {
    return waitingDraft(this.view, trainingId);
  }
}
