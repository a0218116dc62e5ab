import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBackend, ipcFailure, type Handler } from '../../test/backend';
import { training } from '../../test/fixtures';
import type { Conflict } from '../bindings/Conflict';
import type { Review } from '../bindings/Review';
import type { TrainingDraft } from '../bindings/TrainingDraft';
import { draftFromTraining } from '../form';
import { JOURNAL_DELAY_MS, journalSettled } from '../journal';
import { EditorDraft, type EditorDraftOptions } from './editor-draft.svelte';

const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };
const SAVED = training({ id: 't-1', title: 'Refunds', content: 'Within 30 days.', restricted_to_channels: ['web'] });

function open(handlers: Record<string, Handler> = {}, options: Partial<EditorDraftOptions> = {}) {
  const backend = fakeBackend({ review_changes: () => REVIEW, ...handlers });
  const hooks = { onsaved: vi.fn(), onqueued: vi.fn(), onseparated: vi.fn() };
  const draft = new EditorDraft({ training: SAVED, hooks, ...options });
  flushSync();
  return { backend, draft, hooks };
}

describe('the editor’s draft', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps the form in the journal a moment after typing stops, and forgets it once nothing is unsaved', async () => {
    const { backend, draft } = open();
    expect(draft.changed).toBe(false);
    draft.form.title = 'Refunds, edited';
    flushSync();
    expect(draft.changed).toBe(true);
    expect(draft.journalPending).toBe(true);
    await vi.advanceTimersByTimeAsync(JOURNAL_DELAY_MS - 1);
    draft.form.title = 'Refunds, edited again';
    flushSync();
    await vi.advanceTimersByTimeAsync(JOURNAL_DELAY_MS - 1);
    expect(backend.callsTo('journal_write')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await journalSettled();
    expect(backend.callsTo('journal_write')).toEqual([
      { id: 't-1', draft: { ...draftFromTraining(SAVED), title: 'Refunds, edited again' }, baseUpdatedAt: SAVED.updated_at },
    ]);

    draft.form.title = 'Refunds';
    flushSync();
    draft.flushJournal();
    await journalSettled();
    expect(backend.callsTo('journal_discard')).toEqual([{ id: 't-1' }]);
    draft.destroy();
  });

  it('writes what is pending when it closes, and schedules nothing after', async () => {
    const { backend, draft } = open();
    draft.form.content = 'Within 60 days.';
    flushSync();
    draft.destroy();
    await journalSettled();
    expect(backend.callsTo('journal_write')).toHaveLength(1);
    draft.form.content = 'Within 90 days.';
    flushSync();
    expect(draft.journalPending).toBe(false);
  });

  it('takes a newer copy from elsewhere into every field not edited here', () => {
    const { draft } = open();
    draft.form.title = 'My title';
    draft.takeIncoming({ ...SAVED, title: 'Their title', directory_id: 'dir-billing', updated_at: '2026-12-05T09:00:00Z' });
    expect(draft.form.title).toBe('My title');
    expect(draft.form.directory_id).toBe('dir-billing');
    expect(draft.base.title).toBe('Their title');
    expect(draft.saved.updated_at).toBe('2026-12-05T09:00:00Z');
    expect(draft.changed).toBe(true);
    draft.destroy();
  });

  it('opens with the save waiting in the outbox, which a reload of the same version does not undo', () => {
    const waiting: TrainingDraft = { ...draftFromTraining(SAVED), content: 'Sent while offline.' };
    const { draft } = open({}, { waiting });
    expect(draft.form.content).toBe('Sent while offline.');
    expect(draft.changed).toBe(false);
    expect(draft.outboxText(null)).toMatch(/^Waiting to send/);
    draft.takeIncoming({ ...SAVED });
    expect(draft.form.content).toBe('Sent while offline.');
    // A newer version has the save in it: the outbox has sent it.
    draft.takeIncoming({ ...SAVED, content: 'Sent while offline.', updated_at: '2026-12-05T09:00:00Z' });
    expect(draft.queued).toBe(false);
    expect(draft.outboxText(null)).toBeNull();
    draft.destroy();
  });

  it('asks for the fields to fix before any review', () => {
    const { backend, draft } = open();
    draft.form.title = '  ';
    expect(draft.begin(false)).toBe('title');
    expect(draft.problems.title).toMatch(/title/i);
    expect(backend.callsTo('review_changes')).toEqual([]);
    draft.destroy();
  });

  it('goes from the review to a save, and takes open.cx’s answer', async () => {
    const answer = { ...SAVED, draft_title: 'Refunds, saved', updated_at: '2026-12-05T09:00:00Z' };
    const { draft, hooks } = open({ save_training: () => ({ status: 'saved', training: answer, differences: [] }) });
    draft.form.title = 'Refunds, saved';
    expect(draft.begin(false)).toBeNull();
    await vi.waitFor(() => expect(draft.review).not.toBeNull());
    const review = draft.review;
    if (!review) throw new Error('no review');
    await draft.save(review.draft, review.publish);
    expect(draft.review).toBeNull();
    expect(draft.changed).toBe(false);
    expect(draft.saved).toEqual(answer);
    expect(hooks.onsaved).toHaveBeenCalledWith(answer);
    draft.destroy();
  });

  it('checks the example questions the edit touches beside the review, and a check that cannot run never stops it', async () => {
    const run = {
      results: [],
      changes: [{ question_id: 'q-1', passed: false, sentence: '“Refund?” no longer uses this training.' }],
    };
    const { backend, draft } = open({ run_example_checks: () => run });
    const checks = () => draft.review?.checks;
    draft.form.restricted_to_channels = ['email'];
    draft.begin(false);
    await vi.waitFor(() => expect(draft.review).not.toBeNull());
    expect(backend.callsTo('run_example_checks')).toEqual([{ edit: { id: 't-1', draft: $state.snapshot(draft.form) } }]);
    expect(checks()).toEqual({ run, error: null });

    backend.on('run_example_checks', ipcFailure('io', 'The example questions could not be read.'));
    draft.review = null;
    draft.begin(true);
    await vi.waitFor(() => expect(draft.review).not.toBeNull());
    expect(checks()).toEqual({ run: null, error: 'The example questions could not be read.' });
    expect(draft.error).toBeNull();
    draft.destroy();
  });

  it('a save offline waits in the outbox; one that meets their change opens the conflict, and “Take theirs” lets the edit go', async () => {
    let outcome: unknown = { status: 'queued', waiting: 1 };
    const { backend, draft, hooks } = open({ save_training: () => outcome });
    draft.form.content = 'Within 45 days.';
    await draft.save($state.snapshot(draft.form), false);
    expect(draft.queued).toBe(true);
    expect(draft.changed).toBe(false);
    expect(hooks.onqueued).toHaveBeenCalledOnce();

    const theirs = { ...SAVED, draft_content: 'Within 14 days.', updated_at: '2026-12-05T09:00:00Z' };
    const conflict: Conflict = {
      training_id: 't-1',
      base: SAVED,
      theirs,
      mine: draftFromTraining(SAVED),
      publish: false,
      rows: [],
      theirs_changes: REVIEW,
      mine_changes: REVIEW,
    };
    outcome = { status: 'conflict', conflict };
    draft.form.content = 'Within 60 days.';
    await draft.save($state.snapshot(draft.form), false);
    expect(draft.conflict).toEqual(conflict);
    expect(draft.form.content).toBe('Within 60 days.');

    draft.takeTheirs(conflict);
    expect(draft.conflict).toBeNull();
    expect(draft.form.content).toBe('Within 14 days.');
    expect(hooks.onsaved).toHaveBeenCalledWith(theirs);
    await journalSettled();
    expect(backend.callsTo('journal_discard')).toEqual([{ id: 't-1' }]);
    draft.destroy();
  });

  it('marks the field open.cx refused, keeps the edit, and tries again', async () => {
    let calls = 0;
    const { draft } = open({
      save_training: () => {
        calls += 1;
        return Promise.reject({ kind: 'validation', message: 'open.cx does not accept the channel “Web”.', field: 'channels' });
      },
    });
    draft.form.restricted_to_channels = ['web', 'sms'];
    await draft.save($state.snapshot(draft.form), false);
    expect(draft.error?.kind).toBe('validation');
    expect(draft.problems.channels).toBe('open.cx does not accept the channel “Web”.');
    expect(draft.form.restricted_to_channels).toEqual(['web', 'sms']);
    draft.retry();
    await vi.waitFor(() => expect(calls).toBe(2));
    draft.form.restricted_to_channels = ['sms'];
    expect(draft.problems.channels).toBeUndefined();
    draft.destroy();
  });
});
