// A fake backend for component tests: `mockIPC` with per-command handlers, every call recorded.
import { mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import type { JobProgress } from '../lib/bindings/JobProgress';
import type { JobRequest } from '../lib/bindings/JobRequest';
import type { PreviewBlock } from '../lib/bindings/PreviewBlock';
import { requestIds } from '../lib/jobs';

export type Handler = (args: Record<string, unknown>) => unknown;

export interface FakeBackend {
  /** Every command invoked, in order, with its arguments (events excluded). */
  calls: { cmd: string; args: Record<string, unknown> }[];
  callsTo(cmd: string): Record<string, unknown>[];
  /** Replaces or adds a handler. */
  on(cmd: string, handler: Handler): void;
  /** Sends an event from the "shell". */
  emit(event: string, payload?: unknown): Promise<void>;
}

/**
 * A render_preview answer: each piece of HTML one block keyed by its HTML, sent unless the page
 * said it shows that key (`args.known`), as the backend does.
 */
export function previewBlocks(pieces: readonly string[], args: Record<string, unknown>): PreviewBlock[] {
  const known = new Set((args.known as string[] | undefined) ?? []);
  return pieces.map((html) => ({ key: html, html: known.has(html) ? null : html }));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Defaults: previews render as a paragraph, the journal is empty and takes every write, no cached
 * workspace, an empty outbox and history, no health notes, no example questions, a workspace
 * checked as keeping drafts beside the live version; anything not handled rejects, so a stray
 * call shows. */
export function fakeBackend(handlers: Record<string, Handler> = {}): FakeBackend {
  const table: Record<string, Handler> = {
    render_preview: (args) => previewBlocks([`<p>${escapeHtml(String(args.markdown))}</p>`], args),
    // The local journal of unsaved edits: empty, and every write accepted.
    journal_list: () => [],
    journal_write: () => null,
    journal_discard: () => null,
    // Nothing kept from an earlier start, nothing waiting to be sent, no history yet.
    cached_workspace: () => null,
    outbox_list: () => ({ entries: [], waiting: 0, landed: [] }),
    history_list: () => [],
    // The writing radar: a training with nothing to improve, a workspace with nothing to check.
    instruction_health: () => [],
    // No example questions kept: nothing to check.
    example_questions: () => ({ questions: [], results: {} }),
    run_example_checks: () => ({ results: [], changes: [] }),
    check_up: () => ({ items: [], checked: 0, needs_attention: [] }),
    // No training like the one being edited.
    similar_trainings: () => ({ trainings: [], compared_percent: 100 }),
    draft_rules: () => ({
      draft_save: 'beside_live',
      omitted_is_draft: 'publishes',
      omitted_fields: 'kept',
      checked_at: '2026-12-05T02:00:00Z',
      problem: null,
    }),
    ...handlers,
  };
  const calls: FakeBackend['calls'] = [];
  mockIPC(
    (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      const handler = table[cmd];
      if (!handler) return Promise.reject({ kind: 'unsupported', message: `No fake for ${cmd}` });
      return handler(args);
    },
    { shouldMockEvents: true },
  );
  return {
    calls,
    callsTo: (cmd) => calls.filter((c) => c.cmd === cmd).map((c) => c.args),
    on: (cmd, handler) => {
      table[cmd] = handler;
    },
    emit: (event, payload) => emit(event, payload),
  };
}

/** A failure the way the backend sends it: `{kind, message}`. */
export function ipcFailure(kind: string, message: string): () => Promise<never> {
  return () => Promise.reject({ kind, message });
}

/** A promise resolved from outside, for holding a command mid-flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (e: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** What a job ends with: the news of its items (`updated`, `deleted`, `differences`) and its
 * failures and waiting items (`failed`, `queued`). */
export type JobEnd = Partial<Pick<JobProgress, 'updated' | 'deleted' | 'differences' | 'failed' | 'queued'>>;

/**
 * A `start_job` that runs every job at once, as the shell reports it: a running report with the
 * items' news, then the finished one. `end` says how each job ends (by default: every item done).
 */
export function jobsThatFinish(end: (request: JobRequest) => JobEnd = () => ({})): Handler {
  let jobs = 0;
  return (args) => {
    const request = args.request as JobRequest;
    const jobId = `job-${++jobs}`;
    const total = requestIds(request).length;
    const { updated = [], deleted = [], differences = [], failed = [], queued = [] } = end(request);
    const report = (news: Pick<JobProgress, 'updated' | 'deleted' | 'differences'>, state: JobProgress['state']) => ({
      job_id: jobId,
      kind: request.kind,
      total,
      done: total,
      failed,
      queued,
      seconds_left: null,
      state,
      ...news,
    });
    void (async () => {
      await emit('job-progress', report({ updated, deleted, differences }, 'running'));
      await emit('job-progress', report({ updated: [], deleted: [], differences: [] }, 'finished'));
    })();
    return jobId;
  };
}
