// The edit of one training, as the editor holds it: the form (a `TrainingDraft`), the copy
// open.cx holds (`saved`) and the form that copy gives (`base`, for "Unsaved changes"), kept in
// the local journal a moment after typing stops; a newer copy from elsewhere merged into every
// field not edited here; and the way from "Save draft"/"Publish" through the review to open.cx —
// saved, waiting in the outbox, refused (the field marked), or met by someone else's change (the
// conflict view), or kept as a separate draft. The review also checks the example questions the
// edit touches (a failing check never stops the save). Also restoring a version from History, and
// merging another training's text into this one (that training is deleted by the view only once
// this one is saved).
import { untrack } from 'svelte';
import { announce } from '../announcer.svelte';
import type { Conflict } from '../bindings/Conflict';
import type { HistorySummary } from '../bindings/HistorySummary';
import type { OutboxState } from '../bindings/OutboxState';
import type { Review } from '../bindings/Review';
import type { Training } from '../bindings/Training';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import type { Written } from '../bindings/Written';
import { checksOfEdit, type ReviewChecks } from '../examples';
import { markFrom, markedMessage, type FieldMark } from '../field-mark';
import { draftFromTraining, hasErrors, isDirty, validateForm } from '../form';
import { versionLabel } from '../history';
import { IpcError, reviewChanges, saveAsSeparateDraft, saveTraining, toIpcError } from '../ipc';
import { JOURNAL_DELAY_MS, forgetEdit, keepEdit } from '../journal';
import { stage, stageAsync } from '../keystroke-profile';
import { shownTitle } from '../labels';

export const QUEUED_TEXT =
  'Waiting to send — kept on this computer; it goes to open.cx when the connection returns.';
const OUTBOX_TEXT: Record<OutboxState, string> = {
  waiting: QUEUED_TEXT,
  conflict: 'Not sent: someone changed this training on open.cx meanwhile. See “Waiting to send”.',
  failed: 'Not sent: open.cx refused the saved change. See “Waiting to send”.',
};

/** What the editor tells the view around it. */
export interface EditorHooks {
  onsaved: (training: Training) => void;
  /** The edit became a separate draft training (this one untouched). */
  onseparated?: (written: Written, liveTitle: string) => void;
  /** The save could not reach open.cx and waits in the outbox. */
  onqueued?: () => void;
  /** This training, with `merged`'s text in it, is saved: `merged` can go. */
  onmerged?: (merged: MergedTraining) => void;
}

/** A training whose text was merged into the form: deleted once the form is saved. */
export interface MergedTraining {
  id: string;
  title: string;
}

/** A training to merge into the form, with its text. */
export type MergeSource = MergedTraining & { content: string };

/** `addition` below `text`, one blank line between them, the seam's extra blank lines tidied away. */
export function mergedContent(text: string, addition: string): string {
  const top = text.trimEnd();
  const bottom = addition.trim();
  if (top === '') return bottom;
  if (bottom === '') return top;
  return `${top}\n\n${bottom}`;
}

export interface EditorDraftOptions {
  training: Training;
  /** A draft recovered from the journal: the form opens with it, as unsaved changes. */
  restore?: TrainingDraft | null;
  /** The latest save of this training still in the outbox: the form opens with it, as sent. */
  waiting?: TrainingDraft | null;
  hooks: EditorHooks;
}

export type Busy = 'review' | 'save' | 'separate' | null;

export interface OpenReview {
  data: Review;
  draft: TrainingDraft;
  publish: boolean;
  /** The example questions the edit touches, checked beside the review (never blocking it). */
  checks: ReviewChecks | null;
}

const now = (): Date => new Date();

const keptAfterQueuedText = (kept: MergedTraining): string =>
  `“${kept.title}” was not deleted: delete it once this save has reached open.cx.`;

/** The first value of a field the constructor sets. */
const SET_IN_CONSTRUCTOR = null as unknown as never;

export class EditorDraft {
  saved = $state.raw<Training>(SET_IN_CONSTRUCTOR);
  /** The form as open.cx holds it (or as last sent, while that waits in the outbox). */
  base = $state<TrainingDraft>(SET_IN_CONSTRUCTOR);
  form = $state<TrainingDraft>(SET_IN_CONSTRUCTOR);
  /** "Save" was pressed: the form's own checks show. */
  attempted = $state(false);
  busy = $state<Busy>(null);
  error = $state.raw<IpcError | null>(null);
  review = $state.raw<OpenReview | null>(null);
  lastSaved = $state.raw<{ publish: boolean; at: Date } | null>(null);
  /** How open.cx's answer to the last save differed from what the review said. */
  differences = $state.raw<string[]>([]);
  /** The last save waits in the outbox (open.cx could not be reached). */
  queued = $state(false);
  conflict = $state.raw<Conflict | null>(null);
  /** The field open.cx refused in the last save, marked until the person changes it. */
  mark = $state.raw<FieldMark | null>(null);
  /** "Merge into this one" put that training's text in the form; it goes once this is saved. */
  merging = $state.raw<MergedTraining | null>(null);

  readonly changed = $derived(stage('dirty check', () => isDirty(this.form, this.base)));
  readonly errors = $derived(this.attempted ? validateForm(this.form) : {});
  /** What is said next to each field: the form's own checks first, then open.cx's refusal. */
  readonly problems = $derived({
    title: this.errors.title ?? markedMessage(this.mark, this.form, 'title'),
    content: this.errors.content ?? markedMessage(this.mark, this.form, 'content'),
    type: markedMessage(this.mark, this.form, 'type'),
    directory: markedMessage(this.mark, this.form, 'directory'),
    channels: markedMessage(this.mark, this.form, 'channels'),
    segments: markedMessage(this.mark, this.form, 'segments'),
    window: this.errors.window ?? markedMessage(this.mark, this.form, 'window'),
  });

  #hooks: EditorHooks;
  #retry: (() => void) | null = null;
  #journaled: boolean;
  #journalTimer: ReturnType<typeof setTimeout> | null = null;
  #stopWatching: () => void;

  constructor({ training, restore = null, waiting = null, hooks }: EditorDraftOptions) {
    this.#hooks = hooks;
    this.saved = training;
    // A save waiting in the outbox is what this editor last sent: the form starts from it, so
    // the editor sees (and builds on) their own latest text rather than open.cx's older copy.
    const opening = () => (waiting ? $state.snapshot(waiting) : draftFromTraining(training));
    this.base = opening();
    this.form = restore ? $state.snapshot(restore) : opening();
    this.queued = waiting !== null;
    this.#journaled = restore !== null;
    this.#stopWatching = $effect.root(() => this.#watchForm());
  }

  // ---- the journal: the unsaved form kept on disk a moment after typing stops --------------

  #watchForm() {
    let first = true;
    $effect(() => {
      stage('journal: form snapshot', () => $state.snapshot(this.form));
      untrack(() => {
        // The form as it opened is already on the server (or in the journal).
        if (first) {
          first = false;
          return;
        }
        this.#stopJournalTimer();
        this.#journalTimer = setTimeout(() => this.flushJournal(), JOURNAL_DELAY_MS);
      });
    });
  }

  /** A journal write waits for typing to stop. */
  get journalPending(): boolean {
    return this.#journalTimer !== null;
  }

  /** Writes the form to the journal now (or forgets the entry once nothing is unsaved). */
  flushJournal(): void {
    this.#stopJournalTimer();
    if (this.changed) {
      this.#journaled = true;
      void keepEdit(this.saved.id, $state.snapshot(this.form), this.saved.updated_at);
    } else if (this.#journaled) {
      this.#journaled = false;
      void forgetEdit(this.saved.id);
    }
  }

  #stopJournalTimer() {
    if (this.#journalTimer !== null) clearTimeout(this.#journalTimer);
    this.#journalTimer = null;
  }

  /** The editor closes: what is still unsaved stays in the journal (the view forgets it on discard). */
  destroy(): void {
    if (this.#journalTimer !== null) this.flushJournal();
    this.#stopWatching();
  }

  // ---- a newer copy from elsewhere ----------------------------------------------------------

  /** Takes `incoming` as the saved state, and into every field not edited here. */
  takeIncoming(incoming: Training): void {
    if (incoming === this.saved) return;
    // The same server version, read again (a reload): a save waiting in the outbox still
    // stands over it.
    if (this.queued && incoming.updated_at === this.saved.updated_at) {
      this.saved = incoming;
      return;
    }
    const next = draftFromTraining(incoming);
    const keys = Object.keys(next) as (keyof TrainingDraft)[];
    const edited = keys.filter((k) => isDirty({ ...this.base, [k]: this.form[k] }, this.base));
    const merged = { ...this.form };
    for (const k of keys) if (!edited.includes(k)) Object.assign(merged, { [k]: next[k] });
    this.saved = incoming;
    this.base = next;
    this.form = merged;
    // What waited in the outbox has reached open.cx.
    this.queued = false;
  }

  // ---- saving -------------------------------------------------------------------------------

  /** "Save draft" or "Publish": the review, or the field to fix first (`title`/`content`/`window`). */
  begin(publish: boolean): 'title' | 'content' | 'window' | null {
    this.attempted = true;
    const problems = validateForm(this.form);
    if (hasErrors(problems)) {
      announce('Fix the highlighted fields before saving.');
      return problems.title ? 'title' : problems.content ? 'content' : 'window';
    }
    void this.openReview($state.snapshot(this.form), publish);
    return null;
  }

  async openReview(draft: TrainingDraft, publish: boolean): Promise<void> {
    this.busy = 'review';
    this.error = null;
    this.differences = [];
    try {
      const [data, checks] = await Promise.all([
        stageAsync('review: backend answer (IPC round trip)', reviewChanges(this.saved.id, draft, publish)),
        stageAsync('review: example checks', checksOfEdit(this.saved.id, draft)),
      ]);
      this.review = { data, draft, publish, checks };
    } catch (raw) {
      this.#fail(raw, () => void this.openReview(draft, publish));
    } finally {
      this.busy = null;
    }
  }

  /** Sends `draft`, saying it started from `from` (the saved copy; theirs after a conflict). */
  async save(draft: TrainingDraft, publish: boolean, from: Training = this.saved): Promise<void> {
    this.busy = 'save';
    this.error = null;
    this.mark = null;
    const sent = $state.snapshot(this.form);
    try {
      const outcome = await saveTraining(this.saved.id, draft, publish, from);
      this.review = null;
      if (outcome.status === 'conflict') {
        this.conflict = outcome.conflict;
        announce('Someone else changed this training on open.cx. Nothing was overwritten: choose what to keep.');
        return;
      }
      this.conflict = null;
      this.attempted = false;
      // Either way the backend removed the journal's copy.
      this.#journaled = false;
      if (outcome.status === 'queued') {
        // Kept on this computer: the form counts as sent, the outbox takes it from here.
        this.base = $state.snapshot(draft);
        this.queued = true;
        this.lastSaved = null;
        // Not saved on open.cx yet, so the merged training stays.
        const kept = this.merging;
        this.merging = null;
        announce(kept ? `${QUEUED_TEXT} ${keptAfterQueuedText(kept)}` : QUEUED_TEXT);
        this.#hooks.onqueued?.();
        return;
      }
      const answer = outcome.training;
      this.saved = answer;
      this.base = draftFromTraining(answer);
      this.queued = false;
      // Show the server's answer, unless the person typed on while it was saving.
      if (!isDirty(this.form, sent)) this.form = draftFromTraining(answer);
      this.lastSaved = { publish, at: now() };
      this.differences = outcome.differences;
      // What open.cx did differently is read out by its own alert.
      const kept = this.differences.length === 0;
      announce(publish ? (kept ? 'Published. The AI agent uses this version now.' : 'Published.') : 'Draft saved.');
      this.#hooks.onsaved(answer);
      const merged = this.merging;
      this.merging = null;
      if (merged) this.#hooks.onmerged?.(merged);
    } catch (raw) {
      this.review = null;
      this.#fail(raw, () => void this.save(draft, publish, from));
      this.mark = this.error && markFrom(this.error, $state.snapshot(draft));
    } finally {
      this.busy = null;
    }
  }

  /** Sends `draft` as a new draft training; this training is not written, and its edit is let go. */
  async saveSeparately(draft: TrainingDraft): Promise<void> {
    this.busy = 'separate';
    this.error = null;
    this.mark = null;
    try {
      const written = await saveAsSeparateDraft(this.saved.id, draft);
      this.review = null;
      // The text lives on in the new draft: this form goes back to what open.cx has, and a
      // training merged into it stays.
      this.merging = null;
      this.#stopJournalTimer();
      this.#journaled = false;
      this.form = $state.snapshot(this.base);
      this.attempted = false;
      this.#hooks.onseparated?.(written, shownTitle(this.saved) || 'Untitled');
    } catch (raw) {
      this.review = null;
      this.#fail(raw, () => void this.saveSeparately(draft));
      this.mark = this.error && markFrom(this.error, $state.snapshot(draft));
    } finally {
      this.busy = null;
    }
  }

  // ---- a conflict: someone else saved meanwhile ---------------------------------------------

  keepMine(c: Conflict): void {
    void this.save(c.mine, c.publish, c.theirs);
  }

  saveMerge(c: Conflict, draft: TrainingDraft): void {
    void this.save(draft, c.publish, c.theirs);
  }

  /** The editor takes their version; the edit made here is let go (and the journal's copy). */
  takeTheirs(c: Conflict): void {
    this.conflict = null;
    this.merging = null;
    this.saved = c.theirs;
    this.base = draftFromTraining(c.theirs);
    this.form = draftFromTraining(c.theirs);
    this.attempted = false;
    this.queued = false;
    this.#stopJournalTimer();
    this.#journaled = false;
    void forgetEdit(c.theirs.id);
    announce('The editor shows their version now.');
    this.#hooks.onsaved(c.theirs);
  }

  // ---- history ------------------------------------------------------------------------------

  /** A version from History goes into the form as unsaved changes; nothing is sent. */
  restoreVersion(draft: TrainingDraft, version: HistorySummary): void {
    this.form = $state.snapshot(draft);
    this.merging = null;
    announce(`Restored the version “${versionLabel(version)}” into the editor as unsaved changes.`);
  }

  // ---- merging another training into this one ----------------------------------------------

  /** "Merge into this one": `other`'s text goes below this one's, as unsaved changes; `other`
   * is deleted once this training is saved (the review says so). */
  mergeIn(other: MergeSource): void {
    this.form.content = mergedContent(this.form.content, other.content);
    this.merging = { id: other.id, title: other.title };
    announce(
      `The text of “${other.title}” is below this training's now. Review and save: “${other.title}” is deleted once this one is saved.`,
    );
  }

  /** Keeps the merged training: the text stays in the form, nothing is deleted. */
  keepMerged(): void {
    const kept = this.merging;
    this.merging = null;
    if (kept) announce(`“${kept.title}” will not be deleted.`);
  }

  // ---- failures -----------------------------------------------------------------------------

  // The banner (role=alert) says what went wrong; nothing else needs announcing.
  #fail(raw: unknown, again: () => void) {
    this.error = toIpcError(raw);
    this.#retry = again;
  }

  /** "Try again" on the banner. */
  retry(): void {
    const again = this.#retry;
    this.#retry = null;
    again?.();
  }

  /** Signed in again after a rejected key: the banner goes. */
  clearError(): void {
    this.error = null;
    this.#retry = null;
  }

  /** What the status line says about the outbox (`outbox`: where this training's saves stand). */
  outboxText(outbox: OutboxState | null): string | null {
    const state = outbox ?? (this.queued ? 'waiting' : null);
    return state === null ? null : OUTBOX_TEXT[state];
  }
}
