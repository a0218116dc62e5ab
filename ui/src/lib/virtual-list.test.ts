import { describe, expect, it } from 'vitest';
import { rowsInView, rowsToRender, scrollTopFor } from './virtual-list';

const geometry = { rowHeight: 50, paddingTop: 10 };

describe('virtual list', () => {
  it('renders the rows in view plus the overscan, within the list', () => {
    expect(rowsInView({ scrollTop: 0, height: 200 }, 10_000, geometry, 3)).toEqual({ start: 0, end: 7 });
    expect(rowsInView({ scrollTop: 10 + 50 * 100, height: 200 }, 10_000, geometry, 3)).toEqual({
      start: 97,
      end: 107,
    });
    expect(rowsInView({ scrollTop: 10 + 50 * 9_998, height: 200 }, 10_000, geometry, 3)).toEqual({
      start: 9_995,
      end: 10_000,
    });
    expect(rowsInView({ scrollTop: 0, height: 200 }, 0, geometry, 3)).toEqual({ start: 0, end: 0 });
    // A scroll position past the end (the list just got shorter) still shows its last rows.
    expect(rowsInView({ scrollTop: 99_999, height: 200 }, 20, geometry, 3)).toEqual({ start: 20, end: 20 });
  });

  it('scrolls just enough to show a row, and not at all when it is in view', () => {
    const view = { scrollTop: 1_000, height: 200 };
    expect(scrollTopFor(21, view, geometry)).toBe(1_000);
    expect(scrollTopFor(10, view, geometry)).toBe(500);
    expect(scrollTopFor(30, view, geometry)).toBe(10 + 31 * 50 - 200 + 10);
    expect(scrollTopFor(0, view, geometry)).toBe(0);
  });

  it('adds pinned rows outside the range, in list order and once', () => {
    const range = { start: 10, end: 14 };
    expect(rowsToRender(range, [], 100)).toEqual([10, 11, 12, 13]);
    expect(rowsToRender(range, [12, undefined, 2, 90, 2, 100, -1], 100)).toEqual([2, 10, 11, 12, 13, 90]);
  });
});
