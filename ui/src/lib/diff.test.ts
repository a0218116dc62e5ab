import { describe, expect, it } from 'vitest';
import type { DiffLine } from './bindings/DiffLine';
import { foldDiff } from './diff';

const eq = (text: string): DiffLine => ({ tag: 'equal', text });

const lines: DiffLine[] = [
  ...['1', '2', '3', '4', '5'].map(eq),
  { tag: 'delete', text: 'old' },
  { tag: 'insert', text: 'new' },
  ...['6', '7', '8', '9'].map(eq),
];

describe('foldDiff', () => {
  it('keeps context around changes and folds long unchanged runs, saying where each starts', () => {
    expect(foldDiff(lines, 1)).toEqual([
      { tag: 'skipped', count: 4, from: 0 },
      eq('5'),
      { tag: 'delete', text: 'old' },
      { tag: 'insert', text: 'new' },
      eq('6'),
      { tag: 'skipped', count: 3, from: 8 },
    ]);
  });

  it('shows the runs the reader opened in full and keeps the others folded', () => {
    expect(foldDiff(lines, 1, new Set([8]))).toEqual([
      { tag: 'skipped', count: 4, from: 0 },
      eq('5'),
      { tag: 'delete', text: 'old' },
      { tag: 'insert', text: 'new' },
      ...['6', '7', '8', '9'].map(eq),
    ]);
    expect(foldDiff(lines, 1, new Set([0, 8]))).toEqual(lines);
  });

  it('returns a diff without changes whole', () => {
    const same = ['a', 'b', 'c', 'd', 'e', 'f'].map(eq);
    expect(foldDiff(same, 1)).toEqual(same);
  });

  it('folds a long document with one change down to the change and its context', () => {
    const long = Array.from({ length: 100_000 }, (_, i) => eq(`line ${i}`));
    long[50_000] = { tag: 'insert', text: 'added' };
    const rows = foldDiff(long);
    expect(rows).toHaveLength(7);
    expect(rows[0]).toEqual({ tag: 'skipped', count: 49_998, from: 0 });
    expect(rows[6]).toEqual({ tag: 'skipped', count: 49_997, from: 50_003 });
  });
});
