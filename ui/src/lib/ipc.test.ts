import { describe, expect, it, vi } from 'vitest';
import { fakeBackend, ipcFailure } from '../test/backend';
import { training } from '../test/fixtures';
import {
  IpcError,
  confirmClose,
  historyCompare,
  onApiWaiting,
  onCloseRequested,
  onOutboxChanged,
  outboxDiscard,
  reviewChanges,
  saveTraining,
  searchTrainings,
  signIn,
  startJob,
  toIpcError,
} from './ipc';
import type { TrainingDraft } from './bindings/TrainingDraft';

const draft: TrainingDraft = {
  title: 'T',
  content: 'C',
  training_type: 'SCENARIO_SPECIFIC',
  directory_id: null,
  restricted_to_channels: [],
  restricted_to_segments: [],
  start_time: null,
  end_time: null,
};

describe('toIpcError', () => {
  it('keeps the kind and message the backend sent', () => {
    const e = toIpcError({ kind: 'validation', message: 'body/title must be string' });
    expect(e).toBeInstanceOf(IpcError);
    expect(e.kind).toBe('validation');
    expect(e.message).toBe('body/title must be string');
  });

  it('keeps the form field an error is about, and only a field the form knows', () => {
    const refused = { kind: 'validation', message: 'open.cx does not accept the channel “SMS”.' };
    expect(toIpcError({ ...refused, field: 'channels' }).field).toBe('channels');
    expect(toIpcError({ ...refused, field: 'colour' }).field).toBeNull();
    expect(toIpcError(refused).field).toBeNull();
  });

  it('maps anything else to kind "unknown" with a readable message', () => {
    expect(toIpcError({ kind: 'made_up', message: 'x' }).kind).toBe('unknown');
    expect(toIpcError('command not found').message).toBe('command not found');
    expect(toIpcError(new Error('boom')).message).toBe('boom');
    expect(toIpcError(undefined).message).toBe('Something went wrong.');
    expect(toIpcError({ kind: 'network', message: '' }).message).toBe('Something went wrong.');
  });
});

describe('commands', () => {
  it('send the argument names the shell expects', async () => {
    const backend = fakeBackend({
      sign_in: () => ({ id: 'w', name: 'n', base_url: 'u', is_demo: false }),
      search_trainings: () => ['t1'],
      review_changes: () => ({ changes: [], content_diff: [], rendered: { first_html: '', more_markdown: [] }, publish: true }),
      save_training: () => ({ status: 'saved', training: training(), differences: [] }),
      start_job: () => 'job-1',
      outbox_discard: () => ({ entries: [], waiting: 0, landed: [] }),
      history_compare: () => ({ changes: [], content_diff: [], rendered: { first_html: '', more_markdown: [] }, publish: false }),
      confirm_close: () => null,
    });
    await signIn('Support', 'https://api.open.cx', 'ocx_test');
    await searchTrainings('refund');
    await reviewChanges('t1', draft, true);
    await saveTraining('t1', draft, false, training());
    await startJob({ kind: 'publish', ids: ['t1'] }, { t1: '2025-01-02T10:00:00.000Z' });
    await outboxDiscard('e1');
    await historyCompare('t1', 3, draft);
    await confirmClose();
    expect(backend.calls).toEqual([
      { cmd: 'sign_in', args: { name: 'Support', baseUrl: 'https://api.open.cx', apiKey: 'ocx_test' } },
      { cmd: 'search_trainings', args: { query: 'refund' } },
      { cmd: 'review_changes', args: { id: 't1', draft, publish: true } },
      { cmd: 'save_training', args: { id: 't1', draft, publish: false, base: training() } },
      { cmd: 'start_job', args: { request: { kind: 'publish', ids: ['t1'] }, seen: { t1: '2025-01-02T10:00:00.000Z' } } },
      { cmd: 'outbox_discard', args: { entryId: 'e1' } },
      { cmd: 'history_compare', args: { id: 't1', version: 3, current: draft } },
      { cmd: 'confirm_close', args: {} },
    ]);
  });

  it('reject with a typed IpcError', async () => {
    fakeBackend({ save_training: ipcFailure('unauthorized', 'open.cx did not accept this API key (401).') });
    const error = await saveTraining('t1', draft, true, training()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IpcError);
    expect((error as IpcError).kind).toBe('unauthorized');
  });
});

describe('events', () => {
  it('deliver api-waiting payloads and close requests', async () => {
    const backend = fakeBackend();
    const waiting = vi.fn();
    const closing = vi.fn();
    const stopWaiting = await onApiWaiting(waiting);
    await onCloseRequested(closing);
    await backend.emit('api-waiting', { seconds: 12, attempt: 2 });
    await backend.emit('close-requested', { job_running: true });
    expect(waiting).toHaveBeenCalledWith({ seconds: 12, attempt: 2 });
    expect(closing).toHaveBeenCalledExactlyOnceWith(true);

    stopWaiting();
    await backend.emit('api-waiting', { seconds: 3, attempt: 3 });
    expect(waiting).toHaveBeenCalledTimes(1);
  });

  it('deliver outbox changes', async () => {
    const backend = fakeBackend();
    const changed = vi.fn();
    await onOutboxChanged(changed);
    const view = { entries: [], waiting: 0, landed: [training()] };
    await backend.emit('outbox-changed', view);
    expect(changed).toHaveBeenCalledWith(view);
  });
});
