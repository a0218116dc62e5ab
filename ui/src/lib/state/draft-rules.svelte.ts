// How the open workspace's server treats drafts, as the backend keeps it (read after each load),
// and the "Workspace details" dialog that shows it and can check it again.
import { announce } from '../announcer.svelte';
import type { DraftRules } from '../bindings/DraftRules';
import { IpcError, checkDraftRules, draftRules, toIpcError } from '../ipc';

export class DraftRulesStore {
  rules = $state.raw<DraftRules | null>(null);
  /** The "Workspace details" dialog, while it is open. */
  details = $state.raw<{ checking: boolean; error: IpcError | null } | null>(null);
  /** The rules could not be checked: every change takes the safest path. */
  readonly unchecked = $derived(this.rules !== null && this.rules.problem !== null);

  async read(): Promise<void> {
    try {
      this.rules = await draftRules();
    } catch {
      // No workspace open any more: nothing to show.
    }
  }

  /** Opens the workspace's details; `check` = check its draft rules again at once. */
  openDetails(check: boolean): void {
    this.details = { checking: false, error: null };
    void this.read();
    if (check) void this.checkAgain();
  }

  async checkAgain(): Promise<void> {
    this.details = { checking: true, error: null };
    try {
      const rules = await checkDraftRules();
      this.rules = rules;
      this.details = this.details && { checking: false, error: null };
      announce(rules.problem === null ? 'Checked how this workspace treats drafts.' : rules.problem);
    } catch (raw) {
      this.details = this.details && { checking: false, error: toIpcError(raw) };
    }
  }

  closeDetails(): void {
    this.details = null;
  }
}
