import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckUpScope } from '../bindings/CheckUpScope';
import { fakeBackend } from '../../test/backend';
import { checkUpResult } from '../../test/checkup';
import { training } from '../../test/fixtures';
import { CHECKUP_DELAY_MS, CheckUpStore, scopeOf } from './checkup.svelte';

describe('the check-up store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('checks the workspace once the trainings stay the same for a moment', async () => {
    const backend = fakeBackend({ check_up: (args) => checkUpResult(args.scope as CheckUpScope) });
    const store = new CheckUpStore();
    let stop = store.follow([training()]);
    await vi.advanceTimersByTimeAsync(CHECKUP_DELAY_MS / 2);
    stop();
    stop = store.follow([training(), training({ id: 't2' })]);
    expect(backend.callsTo('check_up')).toEqual([]);
    await vi.advanceTimersByTimeAsync(CHECKUP_DELAY_MS);
    expect(backend.callsTo('check_up')).toEqual([{ scope: { kind: 'workspace' } }]);
    expect([...store.needsAttention]).toEqual(['t-invoice', 't-refund', 't-shipping']);
    expect(store.open).toBe(false);
    stop();
  });

  it('shows a directory’s own check-up and keeps the workspace’s for the filter', async () => {
    const backend = fakeBackend({ check_up: (args) => checkUpResult(args.scope as CheckUpScope) });
    const store = new CheckUpStore();
    await store.show(scopeOf({ kind: 'dir', id: 'dir-billing' }));
    expect(backend.callsTo('check_up')).toEqual([
      { scope: { kind: 'workspace' } },
      { scope: { kind: 'directory', id: 'dir-billing' } },
    ]);
    expect(store.open).toBe(true);
    expect(store.result?.items.map((i) => i.kind)).toEqual(['health']);
    expect(store.needsAttention.size).toBe(3);
    // The workspace's view needs no second question.
    await store.show(scopeOf({ kind: 'all' }));
    expect(backend.callsTo('check_up')).toHaveLength(3);
    expect(store.result?.items).toHaveLength(2);
    store.close();
    expect(store.result).toBeNull();
  });

  it('keeps the last result when a check-up fails, and says why', async () => {
    const backend = fakeBackend({ check_up: () => checkUpResult() });
    const store = new CheckUpStore();
    await store.show({ kind: 'workspace' });
    backend.on('check_up', () => Promise.reject({ kind: 'network', message: 'open.cx could not be reached.' }));
    await store.refresh();
    expect(store.error?.kind).toBe('network');
    expect(store.result?.items).toHaveLength(2);
    expect(store.checking).toBe(false);
  });
});
