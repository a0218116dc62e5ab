// Multi-selection in the trainings list, the way file managers do it: a click selects one,
// Ctrl/Cmd-click toggles one, Shift-click extends from the anchor, Ctrl/Cmd+A selects all shown.
// Plain data in, new data out: the list component and its tests share these rules.

export interface Selection {
  /** Selected ids, in the order they were added. */
  readonly ids: readonly string[];
  /** Where a Shift-click range starts (the last plain or Ctrl click). */
  readonly anchor: string | null;
  /** The training last clicked: the one the editor shows when it is the only one selected. */
  readonly focus: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: [], anchor: null, focus: null };

export type ClickMode = 'single' | 'toggle' | 'extend';

/** Which kind of click an event is: Shift extends, Ctrl (or Cmd) toggles. */
export function clickMode(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): ClickMode {
  if (event.shiftKey) return 'extend';
  if (event.ctrlKey || event.metaKey) return 'toggle';
  return 'single';
}

/** Selects exactly one training. */
export function selectOne(id: string): Selection {
  return { ids: [id], anchor: id, focus: id };
}

/** The selection after clicking `id` in the list whose shown order is `visible`. */
export function clickSelect(sel: Selection, id: string, mode: ClickMode, visible: readonly string[]): Selection {
  switch (mode) {
    case 'single':
      return selectOne(id);
    case 'toggle': {
      if (sel.ids.includes(id)) {
        const ids = sel.ids.filter((x) => x !== id);
        const focus = sel.focus === id ? (ids[ids.length - 1] ?? null) : sel.focus;
        return { ids, anchor: id, focus };
      }
      return { ids: [...sel.ids, id], anchor: id, focus: id };
    }
    case 'extend': {
      const anchor = sel.anchor !== null && visible.includes(sel.anchor) ? sel.anchor : null;
      if (anchor === null) return selectOne(id);
      const from = visible.indexOf(anchor);
      const to = visible.indexOf(id);
      if (to < 0) return sel;
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      return { ids: visible.slice(lo, hi + 1), anchor, focus: id };
    }
  }
}

/** Everything shown is selected; the focus stays when it is among them. */
export function selectAll(sel: Selection, visible: readonly string[]): Selection {
  if (visible.length === 0) return sel;
  const focus = sel.focus !== null && visible.includes(sel.focus) ? sel.focus : (visible[0] ?? null);
  return { ids: [...visible], anchor: sel.anchor ?? focus, focus };
}

/** Drops ids that no longer exist (deleted), keeping the rest as they were. */
export function keepExisting(sel: Selection, exists: (id: string) => boolean): Selection {
  if (sel.ids.every(exists) && (sel.focus === null || exists(sel.focus))) return sel;
  const ids = sel.ids.filter(exists);
  const focus = sel.focus !== null && exists(sel.focus) ? sel.focus : (ids[ids.length - 1] ?? null);
  const anchor = sel.anchor !== null && exists(sel.anchor) ? sel.anchor : focus;
  return { ids, anchor, focus };
}

/** The training the editor shows: only when exactly one is selected. */
export function editorId(sel: Selection): string | null {
  return sel.ids.length === 1 ? (sel.ids[0] ?? null) : null;
}

/** The ids a drag or a command acts on: the selection when `id` is in it, else `id` alone. */
export function actedOn(sel: Selection, id: string): string[] {
  return sel.ids.includes(id) ? [...sel.ids] : [id];
}
