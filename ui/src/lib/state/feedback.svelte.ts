// What the main view tells the person after an action on the workspace: the last outcome (a
// notice, with Undo after a move or a replace) and the last failure (with "Try again" when it can be
// repeated). Outcomes are read out to screen readers as they are shown; failures by their banner.
import { announce } from '../announcer.svelte';
import type { JobRequest } from '../bindings/JobRequest';
import { IpcError, toIpcError } from '../ipc';

export interface Notice {
  text: string;
  /** The job Undo starts (a move back, or a replace putting the previous text back), if any. */
  undo: JobRequest | null;
}

export interface ActionError {
  error: IpcError;
  retry?: () => void;
}

export class Feedback {
  notice = $state.raw<Notice | null>(null);
  error = $state.raw<ActionError | null>(null);

  /** Shows and reads out an outcome. */
  tell(text: string, undo: JobRequest | null = null): void {
    this.notice = { text, undo };
    announce(text);
  }

  /** Shows a failure (`raw` as the backend sent it); `retry` repeats what failed. */
  fail(raw: unknown, retry?: () => void): void {
    this.error = { error: toIpcError(raw), retry };
  }
}
