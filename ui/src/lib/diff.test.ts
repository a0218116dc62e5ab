import { describe, expect, it } from 'vitest';
import type { DiffLine } from './bindings/DiffLine';
import { foldDiff } from './diff';

const eq = (text: string): DiffLine => ({ tag: 'equal', text });

describe('foldDiff', () => {
  it('keeps context around changes and folds long unchanged runs', () => {
    const lines: DiffLine[] = [
      ...['1', '2', '3', '4', '5'].map(eq),
      { tag: 'delete', text: 'old' },
      { tag: 'insert', text: 'new' },
      ...['6', '7', '8', '9'].map(eq),
    ];
    expect(foldDiff(lines, 1)).toEqual([
      { tag: 'skipped', count: 4 },
      eq('5'),
      { tag: 'delete', text: 'old' },
      { tag: 'insert', text: 'new' },
      eq('6'),
      { tag: 'skipped', count: 3 },
    ]);
  });

  it('returns a diff without changes whole', () => {
    const lines = ['a', 'b', 'c', 'd', 'e', 'f'].map(eq);
    expect(foldDiff(lines, 1)).toEqual(lines);
  });
});
