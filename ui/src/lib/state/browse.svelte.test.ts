import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBackend } from '../../test/backend';
import { workspaceData } from '../../test/fixtures';
import { SEARCH_DELAY_MS } from '../filter';
import { selectAll } from '../selection';
import { BrowseStore } from './browse.svelte';
import { WorkspaceStore } from './workspace.svelte';

async function setup(searchIds: string[] = []) {
  const backend = fakeBackend({ load_workspace: () => workspaceData(), search_trainings: () => searchIds });
  const workspace = new WorkspaceStore();
  await workspace.load();
  return { backend, workspace, browse: new BrowseStore(workspace) };
}

const titles = (browse: BrowseStore) => browse.items.map((t) => t.title);

describe('the list’s browse store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a directory’s trainings by title, narrowed by the filters', async () => {
    const { browse } = await setup();
    expect(browse.heading).toBe('All trainings');
    browse.directory = { kind: 'dir', id: 'dir-billing' };
    expect(browse.heading).toBe('Billing');
    expect(titles(browse)).toEqual(['Invoice questions', 'Refund policy']);
    browse.stateFilter = 'live';
    expect(titles(browse)).toEqual(['Refund policy']);
    expect(browse.inScope).toBe(2);
  });

  it('asks open.cx once typing pauses, and counts its matches only for the query they answer', async () => {
    const { backend, browse } = await setup(['t-shipping']);
    browse.query = 'warm';
    const stop = browse.searchServer();
    expect(browse.searching).toBe(true);
    expect(backend.callsTo('search_trainings')).toEqual([]);
    await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    expect(backend.callsTo('search_trainings')).toEqual([{ query: 'warm' }]);
    expect(browse.searching).toBe(false);
    expect(titles(browse)).toEqual(['Friendly tone', 'Shipping times']);
    stop?.();

    browse.query = 'warmer';
    expect(titles(browse)).toEqual([]);
  });

  it('drops trainings that are gone from the selection; the editor opens only one', async () => {
    const { workspace, browse } = await setup();
    browse.selection = selectAll(browse.selection, ['t-refund', 't-tone']);
    expect(browse.selectedId).toBeNull();
    workspace.removeTraining('t-tone');
    expect(browse.chosen.ids).toEqual(['t-refund']);
    expect(browse.selected?.id).toBe('t-refund');
  });

  it('reveals a training: no search or filter hides it', async () => {
    const { browse } = await setup();
    browse.query = 'nothing matches this';
    browse.typeFilter = 'BEHAVIORAL';
    browse.reveal('t-refund', { kind: 'dir', id: 'dir-billing' });
    expect(titles(browse)).toEqual(['Invoice questions', 'Refund policy']);
    expect(browse.selectedId).toBe('t-refund');
    browse.directoryGone('dir-billing');
    expect(browse.directory).toEqual({ kind: 'none' });
  });
});
