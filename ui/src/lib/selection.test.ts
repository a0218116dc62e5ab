import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  actedOn,
  clickMode,
  clickSelect,
  editorId,
  keepExisting,
  selectAll,
  selectOne,
} from './selection';

const visible = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('reads the click mode from the modifier keys', () => {
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: false })).toBe('single');
    expect(clickMode({ shiftKey: false, ctrlKey: true, metaKey: false })).toBe('toggle');
    expect(clickMode({ shiftKey: false, ctrlKey: false, metaKey: true })).toBe('toggle');
    expect(clickMode({ shiftKey: true, ctrlKey: true, metaKey: false })).toBe('extend');
  });

  it('a plain click selects one and replaces the rest', () => {
    const sel = clickSelect({ ids: ['a', 'b'], anchor: 'a', focus: 'b' }, 'd', 'single', visible);
    expect(sel).toEqual({ ids: ['d'], anchor: 'd', focus: 'd' });
  });

  it('Ctrl-click toggles one, moving the focus to the last one clicked', () => {
    let sel = selectOne('a');
    sel = clickSelect(sel, 'c', 'toggle', visible);
    expect(sel).toEqual({ ids: ['a', 'c'], anchor: 'c', focus: 'c' });
    sel = clickSelect(sel, 'c', 'toggle', visible);
    expect(sel.ids).toEqual(['a']);
    expect(sel.focus).toBe('a');
    sel = clickSelect(sel, 'a', 'toggle', visible);
    expect(sel.ids).toEqual([]);
    expect(sel.focus).toBeNull();
  });

  it('Shift-click selects the range from the anchor, in either direction', () => {
    let sel = selectOne('b');
    sel = clickSelect(sel, 'd', 'extend', visible);
    expect(sel).toEqual({ ids: ['b', 'c', 'd'], anchor: 'b', focus: 'd' });
    sel = clickSelect(sel, 'a', 'extend', visible);
    expect(sel).toEqual({ ids: ['a', 'b'], anchor: 'b', focus: 'a' });
  });

  it('Shift-click without a visible anchor selects just that one', () => {
    expect(clickSelect(EMPTY_SELECTION, 'c', 'extend', visible)).toEqual(selectOne('c'));
    expect(clickSelect(selectOne('gone'), 'c', 'extend', visible)).toEqual(selectOne('c'));
  });

  it('Ctrl+A selects everything shown and keeps the focus', () => {
    expect(selectAll(selectOne('c'), visible)).toEqual({ ids: visible, anchor: 'c', focus: 'c' });
    expect(selectAll(EMPTY_SELECTION, visible).focus).toBe('a');
    expect(selectAll(selectOne('c'), [])).toEqual(selectOne('c'));
  });

  it('forgets deleted trainings', () => {
    const sel = { ids: ['a', 'b', 'c'], anchor: 'a', focus: 'c' };
    expect(keepExisting(sel, () => true)).toBe(sel);
    expect(keepExisting(sel, (id) => id !== 'c')).toEqual({ ids: ['a', 'b'], anchor: 'a', focus: 'b' });
  });

  it('shows the editor only for exactly one', () => {
    expect(editorId(selectOne('a'))).toBe('a');
    expect(editorId(EMPTY_SELECTION)).toBeNull();
    expect(editorId({ ids: ['a', 'b'], anchor: 'a', focus: 'b' })).toBeNull();
  });

  it('acts on the selection when the item is in it, else on the item alone', () => {
    const sel = { ids: ['a', 'b'], anchor: 'a', focus: 'b' };
    expect(actedOn(sel, 'b')).toEqual(['a', 'b']);
    expect(actedOn(sel, 'e')).toEqual(['e']);
  });
});
