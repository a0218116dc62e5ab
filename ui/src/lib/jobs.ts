// Jobs as the UI sees them: what a job is called while it runs and when it is done, how far it is
// ("45 of 150 · about 2 min left"), and how its progress changes the list — a move shows at once
// (optimistic) and an item goes back where it was when the server refuses it. A publish,
// unpublish or delete of one training is a job of one that says what happened in that one
// training's words (`oneOutcome`). A replace (find and replace) carries the job that puts each
// training's previous text back, for Undo.
import type { ItemDifferences } from './bindings/ItemDifferences';
import type { ItemFailure } from './bindings/ItemFailure';
import type { JobKind } from './bindings/JobKind';
import type { JobProgress } from './bindings/JobProgress';
import type { JobRequest } from './bindings/JobRequest';
import type { JobState } from './bindings/JobState';
import type { MoveItem } from './bindings/MoveItem';
import type { Training } from './bindings/Training';
import { countTrainings } from './labels';

/** Where each moved training was before the move (`null` = no directory): for reverts and Undo. */
export type Before = ReadonlyMap<string, string | null>;

export interface Job {
  /** `null` until `start_job` has answered. */
  jobId: string | null;
  kind: JobKind;
  request: JobRequest;
  /** "Moving 3 trainings to Billing". */
  title: string;
  /** "Moved 3 trainings to Billing". */
  doneText: string;
  total: number;
  done: number;
  failed: ItemFailure[];
  /** Ids put in the outbox (open.cx could not be reached): sent later, in order. */
  queued: string[];
  secondsLeft: number | null;
  state: JobState;
  /** Moves only: each item's directory before the move. */
  before: Before;
  /** Ids the server reported as changed (for a cancelled move: which ones really moved). */
  changed: ReadonlySet<string>;
  /** True for the move back or the text put back that Undo starts (it offers no Undo of its own). */
  isUndo: boolean;
  /** Replaces only: the replace that puts each training's previous text back (Undo). */
  restore: JobRequest | null;
  /** How open.cx's answers to a publish or unpublish differed from what it promised, so far. */
  differences: ItemDifferences[];
  /**
   * The title of the one training a single publish, unpublish or delete acts on: the job then
   * shows no panel and ends in that command's words (`oneOutcome`). `null` for other jobs.
   */
  one: string | null;
}

/** The jobs one training's own commands start. */
export type OneRequest = Extract<JobRequest, { kind: 'publish' | 'unpublish' | 'delete' }>;

/** The ids a request works on, in order. */
export function requestIds(request: JobRequest): string[] {
  return request.kind === 'move' || request.kind === 'replace' || request.kind === 'import'
    ? request.items.map((i) => i.id)
    : [...request.ids];
}

/** The running and the finished sentence for a job; `dirName` names a directory id (`null` = none). */
export function describeJob(
  request: JobRequest,
  dirName: (id: string | null) => string,
  isUndo = false,
): { title: string; doneText: string } {
  const n = countTrainings(requestIds(request).length);
  switch (request.kind) {
    case 'move': {
      const targets = new Set(request.items.map((i) => i.directory_id));
      if (isUndo || targets.size !== 1) return { title: `Moving ${n} back`, doneText: `Moved ${n} back` };
      const name = dirName(request.items[0]?.directory_id ?? null);
      return { title: `Moving ${n} to ${name}`, doneText: `Moved ${n} to ${name}` };
    }
    case 'publish':
      return { title: `Publishing ${n}`, doneText: `Published ${n}` };
    case 'unpublish':
      return { title: `Taking ${n} out of use`, doneText: `Took ${n} out of use` };
    case 'delete':
      return { title: `Deleting ${n}`, doneText: `Deleted ${n}` };
    case 'set_visibility':
      return {
        title: `Setting channels and segments for ${n}`,
        doneText: `Set channels and segments for ${n}`,
      };
    case 'replace':
      if (isUndo) return { title: `Putting back the text of ${n}`, doneText: `Put back the text of ${n}` };
      return request.publish
        ? { title: `Replacing and publishing in ${n}`, doneText: `Replaced and published in ${n}` }
        : { title: `Replacing in ${n}`, doneText: `Replaced in ${n}, saved as drafts` };
    case 'import':
      return { title: `Importing ${n} from the folder`, doneText: `Imported ${n} from the folder` };
  }
}

/** A job that has just been asked for. */
export function newJob(
  request: JobRequest,
  dirName: (id: string | null) => string,
  before: Before = new Map(),
  isUndo = false,
  restore: JobRequest | null = null,
): Job {
  const { title, doneText } = describeJob(request, dirName, isUndo);
  return {
    jobId: null,
    kind: request.kind,
    request,
    title,
    doneText,
    total: requestIds(request).length,
    done: 0,
    failed: [],
    queued: [],
    secondsLeft: null,
    state: 'running',
    before,
    changed: new Set(),
    isUndo,
    restore,
    differences: [],
    one: null,
  };
}

/** The request, when it is a publish, unpublish or delete of exactly one training. */
export function ofOne(request: JobRequest): OneRequest | null {
  if (request.kind !== 'publish' && request.kind !== 'unpublish' && request.kind !== 'delete') return null;
  return requestIds(request).length === 1 ? request : null;
}

/** A publish, unpublish or delete of the one training titled `title`. */
export function newJobOfOne(request: OneRequest, title: string): Job {
  return { ...newJob(request, () => ''), one: title };
}

/** The job after one progress event (`failed` is the whole list so far; `updated` only the news). */
export function applyProgress(job: Job, p: JobProgress): Job {
  const changed = new Set(job.changed);
  for (const t of p.updated) changed.add(t.id);
  for (const id of p.deleted) changed.add(id);
  return {
    ...job,
    total: p.total,
    done: p.done,
    failed: p.failed,
    queued: p.queued,
    secondsLeft: p.seconds_left,
    state: p.state,
    changed,
    differences: p.differences.length > 0 ? [...job.differences, ...p.differences] : job.differences,
  };
}

/** How a job of one ended: refused (the failure, as the command's error), or the sentence to say. */
export type OneOutcome = { failure: ItemFailure } | { text: string };

/**
 * What a publish, unpublish or delete of one training says when its job of one ends: what the
 * command always said ("Published “Refunds”.", with every way open.cx's answer differed from
 * what was promised), or that it waits to be sent while open.cx cannot be reached. `null` for a
 * job that is not of one (`Job.one`).
 */
export function oneOutcome(job: Job): OneOutcome | null {
  const title = job.one;
  if (title === null) return null;
  const failure = job.failed[0];
  if (failure) return { failure };
  if (job.queued.length > 0) {
    const what = job.kind === 'unpublish' ? `Taking “${title}” out of use` : `Publishing “${title}”`;
    return { text: `${what} waits to be sent when open.cx can be reached.` };
  }
  if (job.state === 'cancelled') return { text: `Stopped before “${title}” was changed.` };
  const said = job.differences.flatMap((d) => d.differences);
  if (said.length > 0) return { text: [`Sent to open.cx: “${title}”.`, ...said].join(' ') };
  switch (job.kind) {
    case 'publish':
      return { text: `Published “${title}”.` };
    case 'unpublish':
      return { text: `“${title}” is no longer in use.` };
    default:
      return { text: `Deleted “${title}”.` };
  }
}

/** The sentence for a finished job some of whose items wait in the outbox. */
export function queuedText(job: Pick<Job, 'title' | 'total' | 'queued'>): string {
  const waiting = job.queued.length;
  return `${job.title}: ${job.total - waiting} done, ${waiting} waiting to be sent when open.cx can be reached.`;
}

/** "about 2 min left", "less than a minute left", or nothing when unknown. */
export function timeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds <= 0) return null;
  if (seconds < 60) return 'less than a minute left';
  return `about ${Math.round(seconds / 60)} min left`;
}

/** "45 of 150 · about 2 min left". */
export function progressText(job: Pick<Job, 'done' | 'total' | 'secondsLeft'>): string {
  const left = timeLeft(job.secondsLeft);
  return left ? `${job.done} of ${job.total} · ${left}` : `${job.done} of ${job.total}`;
}

/** The move request for `ids` to `target`, leaving out those already there, and where each was. */
export function planMove(
  trainings: readonly Training[],
  ids: readonly string[],
  target: string | null,
): { items: MoveItem[]; before: Map<string, string | null> } {
  const byId = new Map(trainings.map((t) => [t.id, t]));
  const items: MoveItem[] = [];
  const before = new Map<string, string | null>();
  for (const id of ids) {
    const t = byId.get(id);
    if (!t || t.directory_id === target) continue;
    items.push({ id, directory_id: target });
    before.set(id, t.directory_id);
  }
  return { items, before };
}

/** The list with each item shown in its new directory at once. */
export function applyMove(trainings: readonly Training[], items: readonly MoveItem[]): Training[] {
  const target = new Map(items.map((i) => [i.id, i.directory_id]));
  return trainings.map((t) => {
    const to = target.get(t.id);
    return to === undefined || to === t.directory_id ? t : { ...t, directory_id: to };
  });
}

/** The list with `ids` put back where they were before the move. */
export function revert(trainings: readonly Training[], before: Before, ids: Iterable<string>): Training[] {
  const back = new Map<string, string | null>();
  for (const id of ids) {
    const dir = before.get(id);
    if (dir !== undefined) back.set(id, dir);
  }
  if (back.size === 0) return [...trainings];
  return trainings.map((t) => {
    const dir = back.get(t.id);
    return dir === undefined || dir === t.directory_id ? t : { ...t, directory_id: dir };
  });
}

/** The list with the server's fresh copies in place and deleted trainings gone. */
export function mergeProgress(
  trainings: readonly Training[],
  updated: readonly Training[],
  deleted: readonly string[],
): Training[] {
  if (updated.length === 0 && deleted.length === 0) return [...trainings];
  const fresh = new Map(updated.map((t) => [t.id, t]));
  const gone = new Set(deleted);
  return trainings.filter((t) => !gone.has(t.id)).map((t) => fresh.get(t.id) ?? t);
}

/** Ids of a move that did not happen: refused, or (after Cancel) never reached. */
export function notMoved(job: Job): string[] {
  const failed = new Set(job.failed.map((f) => f.id));
  if (job.state === 'cancelled') return [...job.before.keys()].filter((id) => failed.has(id) || !job.changed.has(id));
  return [...job.before.keys()].filter((id) => failed.has(id));
}

/** The move back to where each item was, for the items that really moved. */
export function undoItems(job: Job): MoveItem[] {
  const stayed = new Set(notMoved(job));
  return [...job.before.entries()]
    .filter(([id]) => !stayed.has(id))
    .map(([id, directory_id]) => ({ id, directory_id }));
}

/** The ids of a job whose change open.cx has: reported changed and not refused. */
function changedIds(job: Job): Set<string> {
  const failed = new Set(job.failed.map((f) => f.id));
  return new Set([...job.changed].filter((id) => !failed.has(id)));
}

/**
 * What Undo starts once `job` ended: the move back of what moved, or the replace that puts back
 * the previous text of each training replaced; `null` when there is nothing to undo (or the job
 * was itself an Undo).
 */
export function undoRequest(job: Job): JobRequest | null {
  if (job.isUndo) return null;
  if (job.kind === 'move') {
    const items = undoItems(job);
    return items.length > 0 ? { kind: 'move', items } : null;
  }
  if (job.restore?.kind === 'replace') {
    const changed = changedIds(job);
    const items = job.restore.items.filter((i) => changed.has(i.id));
    return items.length > 0 ? { ...job.restore, items } : null;
  }
  return null;
}

/** The request of a retry over the failed items only (what `retry_failed` does in the backend). */
export function retryRequest(job: Job): JobRequest {
  const failed = new Set(job.failed.map((f) => f.id));
  const r = job.request;
  switch (r.kind) {
    case 'move':
      return { kind: 'move', items: r.items.filter((i) => failed.has(i.id)) };
    case 'set_visibility':
      return { ...r, ids: r.ids.filter((id) => failed.has(id)) };
    case 'replace':
      return { ...r, items: r.items.filter((i) => failed.has(i.id)) };
    case 'import':
      return { ...r, items: r.items.filter((i) => failed.has(i.id)) };
    default:
      return { kind: r.kind, ids: r.ids.filter((id) => failed.has(id)) };
  }
}
