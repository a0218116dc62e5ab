import { describe, expect, it } from 'vitest';
import type { ItemFailure } from './bindings/ItemFailure';
import type { JobProgress } from './bindings/JobProgress';
import { jobProgress, training } from '../test/fixtures';
import {
  applyMove,
  applyProgress,
  queuedText,
  describeJob,
  mergeProgress,
  newJob,
  newJobOfOne,
  notMoved,
  oneOutcome,
  planMove,
  progressText,
  retryRequest,
  revert,
  timeLeft,
  undoItems,
  undoRequest,
} from './jobs';

const names = (id: string | null) => (id === null ? 'No directory' : id === 'd-billing' ? 'Billing' : 'Other');
const list = [
  training({ id: 'a', directory_id: null }),
  training({ id: 'b', directory_id: 'd-other' }),
  training({ id: 'c', directory_id: 'd-billing' }),
];

/** A bulk move of two that is still running, unless said otherwise. */
const progress = (overrides: Partial<JobProgress>): JobProgress =>
  jobProgress({ total: 2, done: 0, state: 'running', ...overrides });

describe('jobs of one', () => {
  const publish = { kind: 'publish' as const, ids: ['a'] };
  const end = (overrides: Partial<JobProgress>) => progress({ kind: 'publish', total: 1, done: 1, state: 'finished', ...overrides });

  it('end in the words of the one training’s own command', () => {
    const job = newJobOfOne(publish, 'Refunds');
    expect(job.total).toBe(1);
    expect(oneOutcome(applyProgress(job, end({})))).toEqual({ text: 'Published “Refunds”.' });
    const unpublish = newJobOfOne({ kind: 'unpublish', ids: ['a'] }, 'Refunds');
    expect(oneOutcome(applyProgress(unpublish, end({ kind: 'unpublish' })))).toEqual({
      text: '“Refunds” is no longer in use.',
    });
    const remove = newJobOfOne({ kind: 'delete', ids: ['a'] }, 'Refunds');
    expect(oneOutcome(applyProgress(remove, end({ kind: 'delete', deleted: ['a'] })))).toEqual({ text: 'Deleted “Refunds”.' });
    expect(oneOutcome(newJob(publish, names))).toBeNull();
  });

  it('say every way open.cx’s answer differed from what the publish promised', () => {
    const said = 'open.cx did not put this training in use: it is still a draft the AI agent does not use.';
    let job = newJobOfOne(publish, 'Refunds');
    job = applyProgress(job, progress({ kind: 'publish', total: 1, done: 1, differences: [{ id: 'a', differences: [said] }] }));
    job = applyProgress(job, end({}));
    expect(job.differences).toEqual([{ id: 'a', differences: [said] }]);
    expect(oneOutcome(job)).toEqual({ text: `Sent to open.cx: “Refunds”. ${said}` });
  });

  it('say a change waits in the outbox, and hand a refusal back as the command’s error', () => {
    const queued = applyProgress(newJobOfOne(publish, 'Refunds'), end({ queued: ['a'] }));
    expect(oneOutcome(queued)).toEqual({ text: 'Publishing “Refunds” waits to be sent when open.cx can be reached.' });
    const unpublish = newJobOfOne({ kind: 'unpublish', ids: ['a'] }, 'Refunds');
    expect(oneOutcome(applyProgress(unpublish, end({ kind: 'unpublish', queued: ['a'] })))).toEqual({
      text: 'Taking “Refunds” out of use waits to be sent when open.cx can be reached.',
    });
    const failure: ItemFailure = { id: 'a', title: 'Refunds', kind: 'conflict', message: 'Changed on open.cx.' };
    expect(oneOutcome(applyProgress(newJobOfOne(publish, 'Refunds'), end({ failed: [failure] })))).toEqual({ failure });
  });
});

describe('jobs', () => {
  it('names a job while it runs and when it is done', () => {
    const move = { kind: 'move' as const, items: [{ id: 'a', directory_id: 'd-billing' }, { id: 'b', directory_id: 'd-billing' }] };
    expect(describeJob(move, names)).toEqual({ title: 'Moving 2 trainings to Billing', doneText: 'Moved 2 trainings to Billing' });
    expect(describeJob({ kind: 'move', items: [{ id: 'a', directory_id: null }] }, names).doneText).toBe(
      'Moved 1 training to No directory',
    );
    expect(describeJob(move, names, true).title).toBe('Moving 2 trainings back');
    expect(describeJob({ kind: 'publish', ids: ['a'] }, names).doneText).toBe('Published 1 training');
    expect(describeJob({ kind: 'unpublish', ids: ['a', 'b'] }, names).title).toBe('Taking 2 trainings out of use');
    expect(describeJob({ kind: 'delete', ids: ['a', 'b'] }, names).doneText).toBe('Deleted 2 trainings');
    expect(describeJob({ kind: 'set_visibility', ids: ['a'], channels: [], segments: [] }, names).title).toBe(
      'Setting channels and segments for 1 training',
    );
  });

  it('says how far it is and how long is left', () => {
    expect(progressText({ done: 45, total: 150, secondsLeft: 125 })).toBe('45 of 150 · about 2 min left');
    expect(progressText({ done: 1, total: 3, secondsLeft: 20 })).toBe('1 of 3 · less than a minute left');
    expect(progressText({ done: 0, total: 3, secondsLeft: null })).toBe('0 of 3');
    expect(timeLeft(0)).toBeNull();
  });

  it('plans a move without the items already in the target, remembering where each was', () => {
    const plan = planMove(list, ['a', 'b', 'c', 'gone'], 'd-billing');
    expect(plan.items).toEqual([
      { id: 'a', directory_id: 'd-billing' },
      { id: 'b', directory_id: 'd-billing' },
    ]);
    expect([...plan.before]).toEqual([
      ['a', null],
      ['b', 'd-other'],
    ]);
  });

  it('shows a move at once and reverts refused items', () => {
    const plan = planMove(list, ['a', 'b'], 'd-billing');
    const moved = applyMove(list, plan.items);
    expect(moved.map((t) => t.directory_id)).toEqual(['d-billing', 'd-billing', 'd-billing']);
    expect(moved[2]).toBe(list[2]);
    const back = revert(moved, plan.before, ['b']);
    expect(back.map((t) => t.directory_id)).toEqual(['d-billing', 'd-other', 'd-billing']);
  });

  it('puts the server copies in place and drops deleted trainings', () => {
    const fresh = training({ id: 'b', title: 'Fresh', directory_id: 'd-billing' });
    const merged = mergeProgress(list, [fresh], ['c']);
    expect(merged.map((t) => t.id)).toEqual(['a', 'b']);
    expect(merged[1]).toBe(fresh);
  });

  it('follows progress, and knows what to undo and what to retry', () => {
    const plan = planMove(list, ['a', 'b'], 'd-billing');
    let job = newJob({ kind: 'move', items: plan.items }, names, plan.before);
    expect(job).toMatchObject({ title: 'Moving 2 trainings to Billing', total: 2, done: 0, state: 'running' });
    job = applyProgress(job, progress({ done: 1, updated: [training({ id: 'a', directory_id: 'd-billing' })], seconds_left: 3 }));
    expect(job).toMatchObject({ done: 1, secondsLeft: 3 });
    const failure: ItemFailure = { id: 'b', title: 'B', kind: 'forbidden', message: 'Not allowed.' };
    job = applyProgress(job, progress({ done: 2, failed: [failure], state: 'finished' }));
    expect(job.state).toBe('finished');
    expect(notMoved(job)).toEqual(['b']);
    expect(undoItems(job)).toEqual([{ id: 'a', directory_id: null }]);
    expect(retryRequest(job)).toEqual({ kind: 'move', items: [{ id: 'b', directory_id: 'd-billing' }] });
  });

  it('a replace offers Undo of the trainings it changed and retries only the failed ones', () => {
    const request = {
      kind: 'replace' as const,
      publish: false,
      items: [
        { id: 'a', title: 'A', content: '45 days' },
        { id: 'b', title: 'B', content: '45 days' },
      ],
    };
    const restore = { ...request, items: request.items.map((i) => ({ ...i, content: '30 days' })) };
    let job = newJob(request, names, new Map(), false, restore);
    expect(job).toMatchObject({ title: 'Replacing in 2 trainings', total: 2 });
    const failure: ItemFailure = { id: 'b', title: 'B', kind: 'conflict', message: 'Changed on open.cx.' };
    job = applyProgress(
      job,
      progress({ kind: 'replace', done: 2, updated: [training({ id: 'a' }), training({ id: 'b' })], failed: [failure], state: 'finished' }),
    );
    expect(undoRequest(job)).toEqual({ ...restore, items: [{ id: 'a', title: 'A', content: '30 days' }] });
    expect(retryRequest(job)).toEqual({ ...request, items: [request.items[1]] });
    const undo = newJob(restore, names, new Map(), true);
    expect(undo.title).toBe('Putting back the text of 2 trainings');
    expect(undoRequest(undo)).toBeNull();
  });

  it('after Cancel, the items never reached count as not moved', () => {
    const plan = planMove(list, ['a', 'b'], 'd-billing');
    let job = newJob({ kind: 'move', items: plan.items }, names, plan.before);
    job = applyProgress(job, progress({ done: 1, updated: [training({ id: 'a', directory_id: 'd-billing' })], state: 'cancelled' }));
    expect(notMoved(job)).toEqual(['b']);
    expect(undoItems(job)).toEqual([{ id: 'a', directory_id: null }]);
  });

  it('counts the items that wait in the outbox apart', () => {
    let job = newJob({ kind: 'publish', ids: ['a', 'b', 'c'] }, names);
    job = applyProgress(job, progress({ kind: 'publish', total: 3, done: 3, queued: ['b'], state: 'finished' }));
    expect(job.queued).toEqual(['b']);
    expect(queuedText(job)).toBe('Publishing 3 trainings: 2 done, 1 waiting to be sent when open.cx can be reached.');
  });

  it('retries only the failed ids of other kinds', () => {
    let job = newJob({ kind: 'set_visibility', ids: ['a', 'b'], channels: ['email'], segments: [] }, names);
    job = applyProgress(job, progress({ kind: 'set_visibility', done: 2, failed: [{ id: 'a', title: 'A', kind: 'server', message: 'x' }], state: 'finished' }));
    expect(retryRequest(job)).toEqual({ kind: 'set_visibility', ids: ['a'], channels: ['email'], segments: [] });
  });
});
