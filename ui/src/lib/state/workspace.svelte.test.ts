import { describe, expect, it, vi } from 'vitest';
import { deferred, fakeBackend, ipcFailure } from '../../test/backend';
import { TRAININGS, training, workspaceData } from '../../test/fixtures';
import type { WorkspaceData } from '../bindings/WorkspaceData';
import { WorkspaceStore } from './workspace.svelte';
import type { Training } from '../bindings/Training';

const REFUND = TRAININGS[0] as Training;
const INVOICE = TRAININGS[1] as Training;
const SHIPPING = TRAININGS[3] as Training;

const ids = (store: WorkspaceStore) => store.trainings.map((t) => t.id);
const dirOf = (store: WorkspaceStore, id: string) => store.byId.get(id)?.directory_id;

async function loaded(): Promise<WorkspaceStore> {
  fakeBackend({ load_workspace: () => workspaceData() });
  const store = new WorkspaceStore();
  await store.load();
  return store;
}

describe('the workspace store', () => {
  it('shows the kept copy first, then open.cx’s; offline while open.cx cannot be reached', async () => {
    const kept = workspaceData({ trainings: [training({ id: 't-kept' })] });
    const answer = deferred<WorkspaceData>();
    fakeBackend({
      cached_workspace: () => ({ data: kept, fetched_at: '2026-12-01T08:00:00Z' }),
      load_workspace: () => answer.promise,
    });
    const firstData = vi.fn();
    const loadedHook = vi.fn();
    const store = new WorkspaceStore({ onfirstdata: firstData, onloaded: loadedHook });
    expect(store.loading).toBe(true);

    await store.showCached();
    expect(ids(store)).toEqual(['t-kept']);
    expect(store.cachedAt).toBe('2026-12-01T08:00:00Z');
    const loading = store.load();
    answer.reject({ kind: 'network', message: 'No connection.' });
    await loading;
    expect(store.offline).toBe(true);
    expect(store.loading).toBe(false);
    expect(ids(store)).toEqual(['t-kept']);

    fakeBackend({ load_workspace: () => workspaceData() });
    await store.load();
    expect(store.offline).toBe(false);
    expect(store.cachedAt).toBeNull();
    expect(ids(store)).toEqual(TRAININGS.map((t) => t.id));
    // The first data (the kept copy) called the hook once; each load from open.cx the other.
    expect(firstData).toHaveBeenCalledTimes(1);
    expect(loadedHook).toHaveBeenCalledTimes(1);
  });

  it('shows a kept copy asked for earlier without asking the backend again', async () => {
    const kept = workspaceData({ trainings: [training({ id: 't-early' })] });
    const backend = fakeBackend();
    const store = new WorkspaceStore();
    await store.showCached(Promise.resolve({ data: kept, fetched_at: '2026-12-01T08:00:00Z' }));
    expect(ids(store)).toEqual(['t-early']);
    expect(backend.callsTo('cached_workspace')).toHaveLength(0);
  });

  it('with nothing kept, shows each page of trainings as it arrives, then the load’s answer', async () => {
    const answer = deferred<WorkspaceData>();
    const backend = fakeBackend({ load_workspace: () => answer.promise });
    const firstData = vi.fn();
    const store = new WorkspaceStore({ onfirstdata: firstData });
    const loading = store.load();
    await vi.waitFor(() => expect(backend.callsTo('load_workspace')).toHaveLength(1));
    const page = (trainings: Training[], loaded: number) =>
      backend.emit('trainings-arrived', { workspace_id: 'ws', trainings, loaded, total: 4 });
    await page([REFUND, INVOICE], 2);
    expect(ids(store)).toEqual(['t-refund', 't-invoice']);
    expect(store.loading).toBe(true);
    expect(firstData).toHaveBeenCalledTimes(1);
    await page(TRAININGS.slice(2), 4);
    expect(ids(store)).toEqual(TRAININGS.map((t) => t.id));
    answer.resolve(workspaceData());
    await loading;
    expect(store.loading).toBe(false);
    expect(store.directories.length).toBeGreaterThan(0);
    // A page after the answer (another load's) changes nothing here.
    await page([training({ id: 't-late' })], 5);
    expect(ids(store)).toEqual(TRAININGS.map((t) => t.id));
    expect(firstData).toHaveBeenCalledTimes(1);
  });

  it('with the kept copy showing, waits for the load’s answer instead of its pages', async () => {
    const kept = workspaceData({ trainings: [training({ id: 't-kept' })] });
    const answer = deferred<WorkspaceData>();
    const backend = fakeBackend({
      cached_workspace: () => ({ data: kept, fetched_at: '2026-12-01T08:00:00Z' }),
      load_workspace: () => answer.promise,
    });
    const store = new WorkspaceStore();
    await store.showCached();
    const loading = store.load();
    await vi.waitFor(() => expect(backend.callsTo('load_workspace')).toHaveLength(1));
    await backend.emit('trainings-arrived', { workspace_id: 'ws', trainings: [REFUND], loaded: 1, total: 4 });
    expect(ids(store)).toEqual(['t-kept']);
    answer.resolve(workspaceData());
    await loading;
    expect(ids(store)).toEqual(TRAININGS.map((t) => t.id));
  });

  it('a failed load without a kept copy is an error, not offline', async () => {
    fakeBackend({ load_workspace: ipcFailure('network', 'No connection.') });
    const store = new WorkspaceStore();
    await store.load();
    expect(store.loadError?.kind).toBe('network');
    expect(store.offline).toBe(false);
  });

  it('changes its data only through its methods: the data cannot be assigned from outside', async () => {
    const store = await loaded();
    // (What is derived from it is `readonly` to the compiler.)
    expect(() => {
      (store as unknown as { data: WorkspaceData | null }).data = null;
    }).toThrow(TypeError);
    expect(ids(store)).toEqual(TRAININGS.map((t) => t.id));
  });

  it('puts, adds and removes trainings', async () => {
    const store = await loaded();
    store.putTraining({ ...REFUND, draft_title: 'Refunds, new' });
    expect(store.titleOf('t-refund')).toBe('Refunds, new');
    store.addTraining(training({ id: 't-new', title: '' }));
    expect(store.titleOf('t-new')).toBe('Untitled');
    store.removeTraining('t-invoice');
    expect(ids(store)).toEqual(['t-refund', 't-tone', 't-shipping', 't-new']);
    expect(store.counts.get('dir-billing')).toBe(1);
  });

  it('shows a move at once, puts it back, and merges a job’s news', async () => {
    const store = await loaded();
    store.showMoved([{ id: 't-shipping', directory_id: 'dir-tone' }]);
    expect(dirOf(store, 't-shipping')).toBe('dir-tone');
    store.moveBack(new Map([['t-shipping', null]]), ['t-shipping']);
    expect(dirOf(store, 't-shipping')).toBeNull();

    store.mergeJobNews([{ ...INVOICE, is_draft: false }], ['t-tone']);
    expect(store.byId.get('t-invoice')?.is_draft).toBe(false);
    expect(store.byId.has('t-tone')).toBe(false);
  });

  it('adds, renames and removes directories; a removed one’s trainings are in no directory', async () => {
    const store = await loaded();
    store.addDirectory({ id: 'dir-new', name: 'New', local_name_only: false });
    store.putDirectory({ id: 'dir-new', name: 'Renamed', local_name_only: false });
    expect(store.dirName('dir-new')).toBe('Renamed');
    store.removeDirectory('dir-billing');
    expect(store.directories.map((d) => d.id)).toEqual(['dir-tone', 'dir-new']);
    expect(dirOf(store, 't-refund')).toBeNull();
    expect(dirOf(store, 't-invoice')).toBeNull();
    expect(store.dirName(null)).toBe('No directory');
  });

  it('takes what the outbox landed, and loads afresh when the last load had failed', async () => {
    fakeBackend({ load_workspace: () => workspaceData() });
    const store = new WorkspaceStore();
    await store.load();
    fakeBackend({ load_workspace: ipcFailure('network', 'No connection.') });
    await store.load();
    const backend = fakeBackend({ load_workspace: () => workspaceData() });

    store.takeLanded([{ ...SHIPPING, draft_title: 'Shipping, sent' }]);
    expect(store.titleOf('t-shipping')).toBe('Shipping, sent');
    expect(backend.callsTo('load_workspace')).toHaveLength(1);
  });

  it('says which version of each training it shows, and what a group shares', async () => {
    const store = await loaded();
    expect(store.seenOf(['t-refund', 'gone'])).toEqual({ 't-refund': REFUND.updated_at });
    expect(store.seenOne('gone')).toBeNull();
    expect(store.sharedDirectory(['t-refund', 't-invoice'])).toBe('dir-billing');
    expect(store.sharedDirectory(['t-refund', 't-tone'])).toBeUndefined();
    expect(store.sharedByDirectory('dir-billing', (t) => t.restricted_to_channels)).toEqual([]);
    expect(store.sharedByDirectory('dir-tone', (t) => t.restricted_to_channels)).toEqual([]);
  });
});
