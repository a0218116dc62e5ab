// Shapes the backend's line diff for reading: long runs of unchanged lines fold into one row.
import type { DiffLine } from './bindings/DiffLine';

export type DiffRow = DiffLine | { tag: 'skipped'; count: number };

/**
 * Keeps `context` unchanged lines around each change and folds longer unchanged runs.
 * A diff without any change is returned whole.
 */
export function foldDiff(lines: readonly DiffLine[], context = 2): DiffRow[] {
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
  let skipped = 0;
  lines.forEach((line, i) => {
    if (keep[i]) {
      if (skipped > 0) rows.push({ tag: 'skipped', count: skipped });
      skipped = 0;
      rows.push(line);
    } else {
      skipped += 1;
    }
  });
  if (skipped > 0) rows.push({ tag: 'skipped', count: skipped });
  return rows;
}
