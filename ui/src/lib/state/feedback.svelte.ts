// What the main view tells the person after an action on the workspace: the last outcome (a
// notice, with Undo after a move) and the last failure (with "Try again" when it can be
// repeated). Outcomes are read out to screen readers as they are shown; failures by their banner.
import { announce } from '../announcer.svelte';
import type { MoveItem } from '../bindings/MoveItem';
import { IpcError, toIpcError } from '../ipc';

export interface Notice {
  text: string;
  /** The move back that Undo starts, when the outcome was a move. */
  undo: MoveItem[] | null;
}

export interface ActionError {
  error: IpcError;
  retry?: () => void;
}

export class Feedback {
  notice = $state.raw<Notice | null>(null);
  error = $state.raw<ActionError | null>(null);

  /** Shows and reads out an outcome. */
  tell(text: string, undo: MoveItem[] | null = null): void {
    this.notice = { text, undo };
    announce(text);
  }

  /** Shows a failure (`raw` as the backend sent it); `retry` repeats what failed. */
  fail(raw: unknown, retry?: () => void): void {
    this.error = { error: toIpcError(raw), retry };
  }
}
