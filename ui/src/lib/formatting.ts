// The formatting toolbar's actions as pure CodeMirror state transformations: each takes the
// editor state and returns the transaction that wraps or prefixes the selection (or undoes it
// when the selection is already formatted that way).
import { EditorSelection, type EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

export type FormatAction = 'bold' | 'italic' | 'heading' | 'bullet' | 'numbered' | 'link' | 'quote';

/** Shrinks a range so it does not start or end with spaces (a double-click often adds one). */
function trimRange(state: EditorState, from: number, to: number): { from: number; to: number } {
  const text = state.sliceDoc(from, to);
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end <= start ? { from, to } : { from: from + start, to: from + end };
}

/** Wraps each selection in `marker` (e.g. `**`), or removes it when it is already there. */
export function toggleWrap(state: EditorState, marker: string): TransactionSpec {
  const m = marker.length;
  return state.changeByRange((range) => {
    if (range.empty) {
      const pos = range.from;
      return {
        changes: { from: pos, insert: marker + marker },
        range: EditorSelection.cursor(pos + m),
      };
    }
    const { from, to } = trimRange(state, range.from, range.to);
    const before = state.sliceDoc(Math.max(0, from - m), from);
    const after = state.sliceDoc(to, to + m);
    if (before === marker && after === marker) {
      return {
        changes: [
          { from: from - m, to: from },
          { from: to, to: to + m },
        ],
        range: EditorSelection.range(from - m, to - m),
      };
    }
    const inner = state.sliceDoc(from, to);
    if (inner.length >= 2 * m && inner.startsWith(marker) && inner.endsWith(marker)) {
      return {
        changes: [
          { from, to: from + m },
          { from: to - m, to },
        ],
        range: EditorSelection.range(from, to - 2 * m),
      };
    }
    return {
      changes: [
        { from, insert: marker },
        { from: to, insert: marker },
      ],
      range: EditorSelection.range(from + m, to + m),
    };
  });
}

interface LinePrefix {
  /** Matches the prefix this action adds (to remove it again). */
  own: RegExp;
  /** Matches prefixes this action replaces (another list style). */
  replaces?: RegExp;
  prefix: (index: number) => string;
}

const BULLET = /^\s*[-*+] /;
const NUMBERED = /^\s*\d+[.)] /;

const PREFIXES: Record<'heading' | 'bullet' | 'numbered' | 'quote', LinePrefix> = {
  heading: { own: /^#{1,6} /, prefix: () => '## ' },
  bullet: { own: BULLET, replaces: NUMBERED, prefix: () => '- ' },
  numbered: { own: NUMBERED, replaces: BULLET, prefix: (i) => `${i + 1}. ` },
  quote: { own: /^> ?/, prefix: () => '> ' },
};

/** The lines the selection touches (a selection ending at a line's start leaves that line out). */
function selectedLines(state: EditorState): number[] {
  const lines = new Set<number>();
  for (const range of state.selection.ranges) {
    const first = state.doc.lineAt(range.from).number;
    let last = state.doc.lineAt(range.to).number;
    if (!range.empty && last > first && state.doc.line(last).from === range.to) last -= 1;
    for (let n = first; n <= last; n++) lines.add(n);
  }
  return [...lines].sort((a, b) => a - b);
}

/** Prefixes each selected line (`## `, `- `, `1. `, `> `), or removes the prefix when all have it. */
export function toggleLinePrefix(state: EditorState, kind: keyof typeof PREFIXES): TransactionSpec {
  const spec = PREFIXES[kind];
  const numbers = selectedLines(state);
  const lines = numbers.map((n) => state.doc.line(n));
  // Blank lines inside a multi-line selection stay blank.
  const target = lines.length > 1 ? lines.filter((l) => l.text.trim() !== '') : lines;
  const removing = target.length > 0 && target.every((l) => spec.own.test(l.text));
  const changes = target.map((line, index) => {
    if (removing) {
      const found = spec.own.exec(line.text)?.[0] ?? '';
      return { from: line.from, to: line.from + found.length };
    }
    const other = spec.replaces?.exec(line.text)?.[0] ?? '';
    return { from: line.from, to: line.from + other.length, insert: spec.prefix(index) };
  });
  const changeSet = state.changes(changes);
  // A selection grows to take in new prefixes; a bare cursor moves past them.
  const selection = EditorSelection.create(
    state.selection.ranges.map((r) => {
      if (r.empty) return EditorSelection.cursor(changeSet.mapPos(r.head, 1));
      const forward = r.head > r.anchor;
      return EditorSelection.range(changeSet.mapPos(r.anchor, forward ? -1 : 1), changeSet.mapPos(r.head, forward ? 1 : -1));
    }),
    state.selection.mainIndex,
  );
  return { changes: changeSet, selection };
}

const URL_LIKE = /^(https?:\/\/|www\.|mailto:)\S+$/i;

/**
 * Turns each selection into a link. Selected words become the link text with the placeholder
 * `url` selected to type or paste over; a selected address becomes the target instead.
 */
export function insertLink(state: EditorState): TransactionSpec {
  return state.changeByRange((range) => {
    const { from, to } = range.empty ? range : trimRange(state, range.from, range.to);
    const text = state.sliceDoc(from, to);
    if (URL_LIKE.test(text)) {
      const insert = `[link text](${text})`;
      return { changes: { from, to, insert }, range: EditorSelection.range(from + 1, from + 10) };
    }
    const label = text === '' ? 'link text' : text;
    const insert = `[${label}](url)`;
    if (text === '') {
      return { changes: { from, to, insert }, range: EditorSelection.range(from + 1, from + 1 + label.length) };
    }
    const urlStart = from + label.length + 3;
    return { changes: { from, to, insert }, range: EditorSelection.range(urlStart, urlStart + 3) };
  });
}

export function formatSpec(state: EditorState, action: FormatAction): TransactionSpec {
  switch (action) {
    case 'bold':
      return toggleWrap(state, '**');
    case 'italic':
      return toggleWrap(state, '_');
    case 'link':
      return insertLink(state);
    case 'heading':
    case 'bullet':
    case 'numbered':
    case 'quote':
      return toggleLinePrefix(state, action);
  }
}

/** Applies a formatting action to the editor as one undoable step. */
export function applyFormat(view: EditorView, action: FormatAction): boolean {
  view.dispatch(view.state.update(formatSpec(view.state, action), { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
}

/** The toolbar's buttons, in order, with their keyboard shortcuts where they have one. */
export const FORMAT_BUTTONS: readonly { action: FormatAction; label: string; key?: string }[] = [
  { action: 'bold', label: 'Bold', key: 'b' },
  { action: 'italic', label: 'Italic', key: 'i' },
  { action: 'heading', label: 'Heading' },
  { action: 'bullet', label: 'Bulleted list' },
  { action: 'numbered', label: 'Numbered list' },
  { action: 'link', label: 'Link', key: 'k' },
  { action: 'quote', label: 'Quote' },
];
