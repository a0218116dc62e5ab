import { describe, expect, it } from 'vitest';
import { deferred, fakeBackend, ipcFailure } from '../../test/backend';
import { coverageMapAnswer } from '../../test/fixtures';
import type { CoverageMap } from '../bindings/CoverageMap';
import { CoverageStore } from './coverage.svelte';

const CELL = { count: 1, trainings: [{ id: 't-tone', title: 'Friendly tone', training_type: 'BEHAVIORAL', chars: 38 }], warning: null };

describe('the coverage map store', () => {
  it('loads the map of a scope, and lists the trainings of the cell chosen', async () => {
    const backend = fakeBackend({ coverage_map: () => coverageMapAnswer(), coverage_cell: () => CELL });
    const coverage = new CoverageStore();
    await coverage.load({ kind: 'directory', id: 'dir-tone' });
    expect(backend.callsTo('coverage_map')).toEqual([{ scope: { kind: 'directory', id: 'dir-tone' } }]);
    expect(coverage.map?.rows).toHaveLength(2);

    await coverage.choose({ row: 1, column: 1 });
    expect(backend.callsTo('coverage_cell')).toEqual([
      { scope: { kind: 'directory', id: 'dir-tone' }, channel: 'whatsapp', segmentId: 'seg-vip-0001' },
    ]);
    expect(coverage.cell).toEqual(CELL);

    // The same scope again (the trainings changed): the cell stays chosen and is listed again.
    await coverage.load({ kind: 'directory', id: 'dir-tone' });
    await Promise.resolve();
    expect(coverage.chosen).toEqual({ row: 1, column: 1 });
    expect(backend.callsTo('coverage_cell')).toHaveLength(2);

    // Another directory: the cell is let go.
    await coverage.load({ kind: 'workspace' });
    expect(coverage.chosen).toBeNull();
    expect(coverage.cell).toBeNull();
  });

  it('drops the map of a directory no longer chosen', async () => {
    const slow = deferred<CoverageMap>();
    const other = { ...coverageMapAnswer(), in_scope: 9 };
    let calls = 0;
    fakeBackend({ coverage_map: () => (++calls === 1 ? slow.promise : other) });
    const coverage = new CoverageStore();
    const first = coverage.load({ kind: 'no_directory' });
    await coverage.load({ kind: 'workspace' });
    slow.resolve(coverageMapAnswer());
    await first;
    expect(coverage.map?.in_scope).toBe(9);
  });

  it('says why the map did not come, and gives focus back on close', async () => {
    fakeBackend({ coverage_map: ipcFailure('no_workspace', 'Open a workspace first.') });
    const button = document.createElement('button');
    document.body.append(button);
    const coverage = new CoverageStore();
    coverage.open(button);
    await coverage.load({ kind: 'workspace' });
    expect(coverage.error?.kind).toBe('no_workspace');
    coverage.close();
    expect(coverage.isOpen).toBe(false);
    expect(button).toHaveFocus();
    button.remove();
  });
});
