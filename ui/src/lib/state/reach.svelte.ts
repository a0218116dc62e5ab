// "What will the AI see?": the panel's question (a customer's message, the channel, the
// contact's segments, the day, and whether the open editor's unsaved edit counts) and the answer
// the reach engine gives for it. The answer is asked for a moment after the question last
// changed — typing in the message box or in the editor never waits for it — and an answer to an
// older question is dropped. Opened from the editor, the panel follows that editor's form until
// the editor closes.
import type { Channel } from '../bindings/Channel';
import type { Reach } from '../bindings/Reach';
import type { ReachQuestion } from '../bindings/ReachQuestion';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import { clock, dayOf, momentOf } from '../days';
import { IpcError, toIpcError, whatWillTheAiSee } from '../ipc';

/** How long the question must stay unchanged before the answer is asked for. */
export const REACH_DELAY_MS = 250;

/** The editor the panel was opened from: its training, its form, and whether it is edited. */
export interface EditSource {
  readonly saved: { readonly id: string };
  readonly form: TrainingDraft;
  readonly changed: boolean;
}

export class ReachStore {
  isOpen = $state(false);
  message = $state('');
  channel = $state<Channel>('web');
  segmentIds = $state<string[]>([]);
  day = $state('');
  includeUnsaved = $state(true);
  /** The editor the panel was opened from, while it is open. */
  editor = $state.raw<EditSource | null>(null);
  answer = $state.raw<Reach | null>(null);
  error = $state.raw<IpcError | null>(null);
  /** An answer is being asked for. */
  asking = $state(false);
  /** The button that opened the panel: focus goes back to it on close. */
  #opener: HTMLElement | null = null;
  #now: () => Date;

  /** "Include my unsaved changes" is offered: opened from an editor that holds an edit. */
  readonly offersUnsaved = $derived(this.editor !== null && this.editor.changed);

  constructor(now: () => Date = clock) {
    this.#now = now;
    this.day = dayOf(now());
  }

  /** Opens the panel (`editor`: the editor it was opened from, whose edit may count). */
  open(opener: HTMLElement | null, editor: EditSource | null = null): void {
    this.#opener = opener;
    this.editor = editor;
    this.isOpen = true;
  }

  /** Closes the panel; focus goes back to the button that opened it. */
  close(): void {
    this.isOpen = false;
    this.editor = null;
    this.asking = false;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  }

  /** The editor `editor` closed: its edit no longer counts. */
  editorClosed(editor: EditSource): void {
    if (this.editor === editor) this.editor = null;
  }

  /** The question as it stands now. */
  question(): ReachQuestion {
    const at = momentOf(this.day, this.#now());
    const editor = this.editor;
    const edit =
      editor && editor.changed && this.includeUnsaved
        ? { id: editor.saved.id, draft: $state.snapshot(editor.form) as TrainingDraft }
        : null;
    return {
      message: this.message,
      channel: this.channel,
      segment_ids: [...this.segmentIds],
      at: at.toISOString(),
      utc_offset_minutes: -at.getTimezoneOffset(),
      edit,
    };
  }

  /**
   * Asks for the answer a moment after the question last changed. Run inside an effect while the
   * panel is open: it follows every part of the question (the editor's form too, when its edit
   * counts), and the function it returns forgets an answer that is no longer wanted.
   */
  follow(): () => void {
    // Read every part now, so the effect follows them; the question is built when the timer fires.
    void [this.message, this.channel, this.day, this.includeUnsaved, [...this.segmentIds]];
    const editor = this.editor;
    if (editor?.changed && this.includeUnsaved) $state.snapshot(editor.form);
    let stale = false;
    const timer = setTimeout(() => {
      this.asking = true;
      whatWillTheAiSee(this.question())
        .then((answer) => {
          if (stale) return;
          this.answer = answer;
          this.error = null;
        })
        .catch((raw: unknown) => {
          if (!stale) this.error = toIpcError(raw);
        })
        .finally(() => {
          if (!stale) this.asking = false;
        });
    }, REACH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }
}
