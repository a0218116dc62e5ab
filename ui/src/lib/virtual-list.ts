// The arithmetic of a virtualised list with rows of one fixed height: which rows a scroll
// position shows (plus a few beyond each edge, so fast scrolling never shows a gap), and where to
// scroll so that a row is in view. Plain numbers in and out: the list component and its tests
// share these rules.

export interface RowRange {
  /** The first row to render. */
  readonly start: number;
  /** One past the last row to render. */
  readonly end: number;
}

export interface Viewport {
  /** How far the scrolling area is scrolled, in pixels. */
  readonly scrollTop: number;
  /** The scrolling area's visible height, in pixels. */
  readonly height: number;
}

/** Fixed geometry: row height and the space above the first row, in pixels. */
export interface RowGeometry {
  readonly rowHeight: number;
  readonly paddingTop: number;
}

/** The rows in view, widened by `overscan` rows on each side and kept within `0..count`. */
export function rowsInView(view: Viewport, count: number, geometry: RowGeometry, overscan: number): RowRange {
  if (count <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, view.scrollTop - geometry.paddingTop);
  const first = Math.floor(top / geometry.rowHeight);
  const last = Math.ceil((top + Math.max(0, view.height)) / geometry.rowHeight);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end };
}

/** The scroll position that brings row `index` fully into view with the least movement. */
export function scrollTopFor(index: number, view: Viewport, geometry: RowGeometry): number {
  const rowTop = geometry.paddingTop + index * geometry.rowHeight;
  const rowBottom = rowTop + geometry.rowHeight;
  if (rowTop < view.scrollTop) return Math.max(0, rowTop - geometry.paddingTop);
  if (rowBottom > view.scrollTop + view.height) return Math.max(0, rowBottom - view.height + geometry.paddingTop);
  return view.scrollTop;
}

/**
 * The row indices to render: the range, plus `pinned` rows outside it (the row with focus, the
 * Tab stop, a row being dragged) so that focus and a drag survive scrolling. In list order.
 */
export function rowsToRender(range: RowRange, pinned: Iterable<number | undefined>, count: number): number[] {
  const rows: number[] = [];
  for (let i = range.start; i < range.end; i++) rows.push(i);
  const extra = new Set<number>();
  for (const index of pinned) {
    if (index !== undefined && index >= 0 && index < count && (index < range.start || index >= range.end)) {
      extra.add(index);
    }
  }
  if (extra.size === 0) return rows;
  return [...rows, ...extra].sort((a, b) => a - b);
}
