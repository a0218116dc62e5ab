// Shapes the backend's line diff for reading: long runs of unchanged lines fold into one row,
// which the reader may open again.
import type { DiffLine } from './bindings/DiffLine';

/** A folded run of `count` unchanged lines, starting at line `from` of the diff. */
export interface SkippedRun {
  tag: 'skipped';
  count: number;
  from: number;
}

export type DiffRow = DiffLine | SkippedRun;

/**
 * Keeps `context` unchanged lines around each change and folds longer unchanged runs, except
 * the runs opened by the reader (`opened`: the `from` of each). A diff without any change is
 * returned whole.
 */
export function foldDiff(lines: readonly DiffLine[], context = 2, opened: ReadonlySet<number> = new Set()): DiffRow[] {
  if (!lines.some((l) => l.tag !== 'equal')) return [...lines];
  const keep = lines.map((l) => l.tag !== 'equal');
  lines.forEach((l, i) => {
    if (l.tag === 'equal') return;
    for (let d = 1; d <= context; d++) {
      if (i - d >= 0) keep[i - d] = true;
      if (i + d < lines.length) keep[i + d] = true;
    }
  });
  const rows: DiffRow[] = [];
  let runStart = 0;
  const closeRun = (end: number) => {
    if (end === runStart) return;
    if (!opened.has(runStart)) rows.push({ tag: 'skipped', count: end - runStart, from: runStart });
    else for (const line of lines.slice(runStart, end)) rows.push(line);
  };
  lines.forEach((line, i) => {
    if (!keep[i]) return;
    closeRun(i);
    rows.push(line);
    runStart = i + 1;
  });
  closeRun(lines.length);
  return rows;
}
