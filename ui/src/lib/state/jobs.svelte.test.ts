import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test/backend';
import { TRAININGS, jobProgress as progress, workspaceData } from '../../test/fixtures';
import { Feedback } from './feedback.svelte';
import { JobStore } from './jobs.svelte';
import { WorkspaceStore } from './workspace.svelte';
import type { Training } from '../bindings/Training';

const SHIPPING = TRAININGS[3] as Training;


const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup(startJob: () => unknown = () => 'job-1') {
  const backend = fakeBackend({ load_workspace: () => workspaceData(), start_job: startJob, cancel_job: () => null });
  const workspace = new WorkspaceStore();
  await workspace.load();
  const feedback = new Feedback();
  const jobs = new JobStore(workspace, feedback);
  const unlisten = await jobs.listen();
  return { backend, workspace, feedback, jobs, unlisten };
}

describe('the job store', () => {
  it('knows whether a job runs by following the backend’s job events', async () => {
    const { backend, jobs, unlisten } = await setup();
    expect(jobs.running).toBe(false);
    jobs.start({ kind: 'publish', ids: ['t-invoice', 't-shipping'] });
    // Running from the moment it is asked for; named for the question before closing once the
    // backend has its id.
    expect(jobs.running).toBe(true);
    expect(jobs.runningJob).toBeNull();
    await settle();
    expect(jobs.runningJob).toEqual({ id: 'job-1', text: 'Publishing 2 trainings: 0 of 2 done' });

    await backend.emit('job-progress', progress({ kind: 'publish', total: 2, done: 1, state: 'running' }));
    expect(jobs.running).toBe(true);
    expect(jobs.runningJob?.text).toBe('Publishing 2 trainings: 1 of 2 done');
    // Another job's events are not this one's.
    await backend.emit('job-progress', progress({ job_id: 'job-other', kind: 'publish', total: 2, done: 2 }));
    expect(jobs.running).toBe(true);

    await backend.emit('job-progress', progress({ kind: 'publish', total: 2, done: 2, state: 'finished' }));
    expect(jobs.running).toBe(false);
    expect(jobs.runningJob).toBeNull();
    unlisten();
  });

  it('takes events that came before start_job answered', async () => {
    let answer: (id: string) => void = () => undefined;
    const { backend, jobs, feedback, unlisten } = await setup(() => new Promise((resolve) => (answer = resolve)));
    jobs.moveTo(['t-shipping'], 'dir-tone');
    await backend.emit('job-progress', progress());
    expect(jobs.running).toBe(true);
    answer('job-1');
    await settle();
    expect(jobs.running).toBe(false);
    expect(feedback.notice?.text).toBe('Moved 1 training to Tone of voice');
    unlisten();
  });

  it('refuses a second job while one runs', async () => {
    const { backend, jobs, feedback, unlisten } = await setup();
    jobs.start({ kind: 'delete', ids: ['t-tone'] });
    jobs.start({ kind: 'delete', ids: ['t-refund'] });
    await settle();
    expect(backend.callsTo('start_job')).toHaveLength(1);
    expect(feedback.error?.error.kind).toBe('busy');
    unlisten();
  });

  it('shows a move at once, puts a refused item back, and offers Undo of what moved', async () => {
    const { backend, workspace, jobs, feedback, unlisten } = await setup();
    jobs.moveTo(['t-shipping', 't-tone'], 'dir-billing');
    expect(workspace.byId.get('t-shipping')?.directory_id).toBe('dir-billing');
    expect(workspace.byId.get('t-tone')?.directory_id).toBe('dir-billing');
    await settle();
    await backend.emit(
      'job-progress',
      progress({
        total: 2,
        done: 2,
        failed: [{ id: 't-tone', title: 'Friendly tone', kind: 'forbidden', message: 'Not allowed.' }],
        updated: [{ ...SHIPPING, directory_id: 'dir-billing' }],
      }),
    );
    expect(workspace.byId.get('t-tone')?.directory_id).toBe('dir-tone');
    expect(workspace.byId.get('t-shipping')?.directory_id).toBe('dir-billing');
    // Ended with a failure: the panel stays, to retry.
    expect(jobs.job?.state).toBe('finished');
    jobs.close();
    expect(jobs.job).toBeNull();

    jobs.moveTo(['t-shipping'], 'dir-tone');
    await settle();
    await backend.emit('job-progress', progress({ job_id: 'job-1', updated: [{ ...SHIPPING, directory_id: 'dir-tone' }] }));
    expect(feedback.notice?.undo).toEqual({ kind: 'move', items: [{ id: 't-shipping', directory_id: 'dir-billing' }] });
    jobs.undo();
    expect(workspace.byId.get('t-shipping')?.directory_id).toBe('dir-billing');
    await settle();
    expect(backend.callsTo('start_job').at(-1)).toEqual({
      request: { kind: 'move', items: [{ id: 't-shipping', directory_id: 'dir-billing' }] },
      seen: { 't-shipping': SHIPPING.updated_at },
    });
    unlisten();
  });

  it('puts a move back when the backend does not start it', async () => {
    const { workspace, jobs, feedback, unlisten } = await setup(() => Promise.reject({ kind: 'io', message: 'Disk full.' }));
    jobs.moveTo(['t-shipping'], 'dir-tone');
    await settle();
    expect(workspace.byId.get('t-shipping')?.directory_id).toBeNull();
    expect(jobs.running).toBe(false);
    expect(feedback.error?.error.message).toBe('Disk full.');
    expect(feedback.error?.retry).toBeTypeOf('function');
    unlisten();
  });
});
