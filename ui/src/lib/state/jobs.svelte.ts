// The job as the UI sees it, mirroring the backend's job board through its "job-progress" events:
// the one place in the UI that knows whether a job runs (the main view's buttons and the app's
// question before closing read it here). Starting a job shows a move at once; each event brings
// the server's copies into the workspace and puts refused moves back; the end says what happened,
// with Undo after a move or a replace (find and replace). A publish, unpublish or delete of one training is a job of one too: it
// shows no panel and ends in that training's own words (or its error, with "Try again").
import { announce } from '../announcer.svelte';
import type { JobProgress } from '../bindings/JobProgress';
import type { JobRequest } from '../bindings/JobRequest';
import type { MoveItem } from '../bindings/MoveItem';
import type { ImportPlan } from '../bindings/ImportPlan';
import { IpcError, cancelJob, onJobProgress, retryFailed, startImport, startJob, type Unlisten } from '../ipc';
import {
  applyProgress,
  newJob,
  newJobOfOne,
  notMoved,
  ofOne,
  oneOutcome,
  planMove,
  queuedText,
  requestIds,
  retryRequest,
  undoRequest,
  type Before,
  type Job,
} from '../jobs';
import { countTrainings } from '../labels';
import type { Feedback } from './feedback.svelte';
import type { WorkspaceStore } from './workspace.svelte';

const BUSY_TEXT = 'Another job is still running. Wait until it is done, or cancel it.';

/** Where each training of `items` is now: what Undo's move back leaves behind. */
const whereNow = (items: readonly MoveItem[], workspace: WorkspaceStore): Before =>
  new Map(items.map((i) => [i.id, workspace.byId.get(i.id)?.directory_id ?? null]));

export class JobStore {
  #job = $state.raw<Job | null>(null);
  #cancelling = $state(false);
  /** Progress that arrived before `start_job` answered with the job's id. */
  #early: JobProgress[] = [];
  #workspace: WorkspaceStore;
  #feedback: Feedback;

  /** True from the moment a job is asked for until it ends. */
  readonly running = $derived(this.#job?.state === 'running');
  /** The running job as the question before closing names it (once the backend knows it). */
  readonly runningJob = $derived.by(() => {
    const job = this.#job;
    return job && job.state === 'running' && job.jobId !== null
      ? { id: job.jobId, text: `${job.title}: ${job.done} of ${job.total} done` }
      : null;
  });

  constructor(workspace: WorkspaceStore, feedback: Feedback) {
    this.#workspace = workspace;
    this.#feedback = feedback;
  }

  /** The job shown (running, or ended with failures to retry), or `null`. */
  get job(): Job | null {
    return this.#job;
  }
  get cancelling(): boolean {
    return this.#cancelling;
  }

  /** Follows the backend's job events; resolves to the function that stops following. */
  listen(): Promise<Unlisten> {
    return onJobProgress((p) => this.onprogress(p));
  }

  // ---- starting -----------------------------------------------------------------------------

  /** Moves `ids` to directory `target` (`null` = none), skipping those already there. */
  moveTo(ids: readonly string[], target: string | null): void {
    const workspace = this.#workspace;
    const plan = planMove(workspace.trainings, ids, target);
    if (plan.items.length === 0) {
      this.#feedback.tell(`Already in ${workspace.dirName(target)}.`);
      return;
    }
    this.#startMove(plan.items, plan.before);
  }

  /** Undo of the job the notice tells of: each training back where it was, or its previous text back. */
  undo(): void {
    const request = this.#feedback.notice?.undo;
    if (!request) return;
    if (request.kind === 'move') {
      this.#startMove([...request.items], whereNow(request.items, this.#workspace), true);
      return;
    }
    const seen = this.#workspace.seenOf(requestIds(request));
    const name = (id: string | null) => this.#workspace.dirName(id);
    void this.#launch(newJob(request, name, undefined, true), () => startJob(request, seen));
  }

  /**
   * Find and replace: writes the reviewed texts (`request`, against the versions the matches were
   * found in, `seen`); Undo then starts `restore` for the trainings replaced.
   */
  replace(request: JobRequest, seen: Record<string, string>, restore: JobRequest): void {
    const name = (id: string | null) => this.#workspace.dirName(id);
    void this.#launch(newJob(request, name, undefined, false, restore), () => startJob(request, seen));
  }

  /** Publish, unpublish, delete or set where trainings apply, for one training or several. */
  start(request: JobRequest): void {
    const workspace = this.#workspace;
    const seen = workspace.seenOf(requestIds(request));
    const one = ofOne(request);
    const view = one
      ? newJobOfOne(one, workspace.titleOf(requestIds(one)[0] ?? ''))
      : newJob(request, (id) => workspace.dirName(id));
    void this.#launch(view, () => startJob(request, seen));
  }

  /** Applies the import plan the backend read last (with its deletions when `deleteMissing`). */
  startImport(plan: ImportPlan, deleteMissing: boolean): void {
    const deletions = deleteMissing
      ? plan.missing.map((m) => ({ action: 'delete' as const, id: m.id, title: m.title }))
      : [];
    const request: JobRequest = {
      kind: 'import',
      items: [...plan.changes.map((c) => c.item), ...deletions],
      publish: plan.publish,
    };
    const name = (id: string | null) => this.#workspace.dirName(id);
    void this.#launch(newJob(request, name), () => startImport(deleteMissing));
  }

  #startMove(items: MoveItem[], before: Before, isUndo = false) {
    const request: JobRequest = { kind: 'move', items };
    const seen = this.#workspace.seenOf(items.map((i) => i.id));
    const name = (id: string | null) => this.#workspace.dirName(id);
    void this.#launch(newJob(request, name, before, isUndo), () => startJob(request, seen));
  }

  /** Shows a job at once (a move: its items in their new place), then asks the backend to run it. */
  async #launch(view: Job, run: () => Promise<string>): Promise<void> {
    const feedback = this.#feedback;
    if (this.running) {
      feedback.error = { error: new IpcError('busy', BUSY_TEXT) };
      announce(BUSY_TEXT);
      return;
    }
    feedback.error = null;
    feedback.notice = null;
    this.#cancelling = false;
    this.#early = [];
    if (view.request.kind === 'move') this.#workspace.showMoved(view.request.items);
    this.#job = view;
    if (view.total > 1) announce(`${view.title}.`);
    try {
      const jobId = await run();
      if (this.#job !== view) return;
      this.#job = { ...view, jobId };
      const pending = this.#early.filter((p) => p.job_id === jobId);
      this.#early = [];
      pending.forEach((p) => this.#apply(p));
    } catch (raw) {
      if (this.#job !== view) return;
      if (view.request.kind === 'move') this.#workspace.moveBack(view.before, view.before.keys());
      this.#job = null;
      feedback.fail(raw, () => void this.#launch(view, run));
    }
  }

  // ---- following ----------------------------------------------------------------------------

  onprogress(p: JobProgress): void {
    const job = this.#job;
    if (!job) return;
    if (job.jobId === null) this.#early.push(p);
    else if (p.job_id === job.jobId) this.#apply(p);
  }

  #apply(p: JobProgress) {
    const job = this.#job;
    if (!job) return;
    const next = applyProgress(job, p);
    this.#workspace.mergeJobNews(p.updated, p.deleted);
    // A refused move goes back where it was; one that met someone else's change shows the
    // server's copy, which came in `updated`.
    if (next.kind === 'move') {
      this.#workspace.moveBack(next.before, next.failed.filter((f) => f.kind !== 'conflict').map((f) => f.id));
    }
    this.#job = next;
    if (next.state !== 'running') this.#finish(next);
  }

  #finish(done: Job) {
    this.#cancelling = false;
    const one = oneOutcome(done);
    if (one) {
      this.#job = null;
      if ('text' in one) this.#feedback.tell(one.text);
      else {
        const { kind, message } = one.failure;
        // Publishing again is safe; a delete is asked for again, as it always was.
        const again = done.kind === 'delete' ? undefined : () => this.start(done.request);
        this.#feedback.fail(new IpcError(kind, message), again);
      }
      return;
    }
    if (done.kind === 'move' && done.state === 'cancelled') this.#workspace.moveBack(done.before, notMoved(done));
    const undo = undoRequest(done);
    if (done.failed.length > 0) {
      announce(
        `${countTrainings(done.failed.length)} could not be changed: ${done.failed
          .map((f) => `${f.title}: ${f.message}`)
          .join(' ')}`,
      );
      return;
    }
    this.#job = null;
    const text =
      done.state === 'cancelled'
        ? `Stopped after ${done.done} of ${done.total}.`
        : done.queued.length > 0
          ? queuedText(done)
          : done.doneText;
    this.#feedback.tell(text, undo);
  }

  // ---- the person's answers -----------------------------------------------------------------

  async cancel(): Promise<void> {
    const jobId = this.#job?.jobId;
    if (!jobId) return;
    this.#cancelling = true;
    try {
      await cancelJob(jobId);
    } catch (raw) {
      this.#cancelling = false;
      this.#feedback.fail(raw);
    }
  }

  /** Runs the failed items of the ended job again. */
  retry(): void {
    const last = this.#job;
    if (!last?.jobId) return;
    const jobId = last.jobId;
    this.#job = null;
    const name = (id: string | null) => this.#workspace.dirName(id);
    const view = newJob(retryRequest(last), name, last.before, last.isUndo, last.restore);
    void this.#launch(view, () => retryFailed(jobId));
  }

  /** Closes the panel of an ended job. */
  close(): void {
    this.#job = null;
  }
}
