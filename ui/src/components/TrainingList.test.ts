import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { fireEvent } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { dataTransfer } from '../test/drag';
import { training } from '../test/fixtures';
import TrainingList from './TrainingList.svelte';

const many = Array.from({ length: 250 }, (_, i) =>
  training({ id: `t-${i}`, title: `Training ${String(i).padStart(3, '0')}` }),
);
const huge = Array.from({ length: 10_000 }, (_, i) =>
  training({ id: `t-${i}`, title: `Training ${String(i).padStart(5, '0')}` }),
);

function setup(items = many, more: Record<string, unknown> = {}) {
  const onselect = vi.fn();
  const result = render(TrainingList, {
    items,
    inScope: items.length,
    heading: 'All trainings',
    query: '',
    typeFilter: 'all',
    stateFilter: 'all',
    selectedId: null,
    onselect,
    ...more,
  });
  return { ...result, onselect, user: userEvent.setup() };
}

const listbox = () => screen.getByRole('listbox', { name: 'Trainings' });
const options = () => within(listbox()).getAllByRole('option');
const scroller = () => listbox().parentElement as HTMLElement;
const positions = () => options().map((o) => Number(o.getAttribute('aria-posinset')));

/** Scrolls the list as a wheel would: the position changes, then a scroll event comes. */
async function scrollTo(top: number) {
  scroller().scrollTop = top;
  await fireEvent.scroll(scroller());
}

describe('TrainingList', () => {
  it('keeps only the rows in view in the DOM at 10,000 trainings, each saying its place', async () => {
    setup(huge);
    const first = options();
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(40);
    expect(first[0]).toHaveAccessibleName(/^Training 00000/);
    expect(first.every((o) => o.getAttribute('aria-setsize') === '10000')).toBe(true);
    expect(positions()[0]).toBe(1);
    expect(listbox().style.height).toBe(`${6 + 10_000 * 70 + 16}px`);
    expect(screen.queryByRole('button', { name: /Show more/ })).not.toBeInTheDocument();

    await scrollTo(5000 * 70);
    const shownNow = positions();
    expect(shownNow.length).toBeLessThan(40);
    expect(shownNow).toContain(5001);
    // The Tab stop (the first row) stays, so Tab still lands in the list.
    expect(shownNow[0]).toBe(1);
    expect(shownNow.slice(1).every((p) => p > 4980 && p < 5030)).toBe(true);
  });

  it('renders a short list whole', () => {
    setup(many.slice(0, 100));
    expect(options()).toHaveLength(100);
  });

  it('moves through 10,000 trainings with the keyboard, scrolling the focused row into view', async () => {
    const { user, onselect } = setup(huge);
    options()[0]?.focus();
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAccessibleName(/^Training 09999/);
    expect(document.activeElement).toHaveAttribute('aria-posinset', '10000');
    expect(document.activeElement).toHaveAttribute('tabindex', '0');
    expect(scroller().scrollTop).toBeGreaterThan(9000 * 70);
    await user.keyboard('{PageUp}');
    const paged = Number(document.activeElement?.getAttribute('aria-posinset'));
    expect(paged).toBeLessThan(10_000);
    expect(paged).toBeGreaterThan(9980);
    await user.keyboard('{Home}{ArrowDown}{Enter}');
    expect(onselect).toHaveBeenLastCalledWith('t-1');
    expect(scroller().scrollTop).toBe(0);
  });

  it('keeps the focused row when it scrolls out of view, so focus is not lost', async () => {
    setup(huge);
    const row = options()[3] as HTMLElement;
    row.focus();
    await scrollTo(7000 * 70);
    expect(row).toBeInTheDocument();
    expect(row).toHaveFocus();
    expect(positions()).toContain(4);
  });

  it('starts another directory at its top', async () => {
    const props = {
      items: huge,
      inScope: huge.length,
      heading: 'All trainings',
      query: '',
      typeFilter: 'all' as const,
      stateFilter: 'all' as const,
      selectedId: null,
      onselect: vi.fn(),
    };
    const { rerender } = render(TrainingList, props);
    await scrollTo(900 * 70);
    expect(positions()).toContain(901);
    await rerender({ ...props, heading: 'Billing', items: huge.slice(0, 500), inScope: 500 });
    expect(scroller().scrollTop).toBe(0);
    expect(positions().slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('is one tab stop; arrows, Home and End move, Enter and Space open', async () => {
    const { user, onselect } = setup(many.slice(0, 5));
    const all = options();
    expect(all.filter((o) => o.tabIndex === 0)).toEqual([all[0]]);
    all[0]?.focus();
    await user.keyboard('{End}');
    expect(all[4]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(all[3]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(all[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onselect).toHaveBeenLastCalledWith('t-1');
    await user.keyboard('{ArrowDown} ');
    expect(onselect).toHaveBeenLastCalledWith('t-2');
  });

  it('reports Ctrl-click, Shift-click, Shift+arrow, Ctrl+Space and Ctrl+A as selection changes', async () => {
    const onmultiselect = vi.fn();
    const onselectall = vi.fn();
    const onselect = vi.fn();
    render(TrainingList, {
      items: many.slice(0, 5),
      inScope: 5,
      heading: 'All trainings',
      query: '',
      typeFilter: 'all',
      stateFilter: 'all',
      selectedId: 't-1',
      selectedIds: ['t-1', 't-3'],
      onselect,
      onmultiselect,
      onselectall,
    });
    const user = userEvent.setup();
    const all = options();
    expect(screen.getByRole('listbox', { name: 'Trainings' })).toHaveAttribute('aria-multiselectable', 'true');
    expect(all.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true', 'false', 'true', 'false']);
    expect(all.every((o) => o.getAttribute('draggable') === 'true')).toBe(true);

    await user.keyboard('{Control>}');
    await user.click(all[2] as HTMLElement);
    await user.keyboard('{/Control}');
    expect(onmultiselect).toHaveBeenLastCalledWith('t-2', 'toggle');
    await user.keyboard('{Shift>}');
    await user.click(all[4] as HTMLElement);
    await user.keyboard('{/Shift}');
    expect(onmultiselect).toHaveBeenLastCalledWith('t-4', 'extend');
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(onmultiselect).toHaveBeenLastCalledWith('t-3', 'extend');
    await user.keyboard('{Control>} {/Control}');
    expect(onmultiselect).toHaveBeenLastCalledWith('t-3', 'toggle');
    await user.keyboard('{Control>}a{/Control}');
    expect(onselectall).toHaveBeenCalledTimes(1);
    expect(onselect).not.toHaveBeenCalled();
  });

  it('drags the selection when a selected row is dragged, else the row alone', async () => {
    const ondragids = vi.fn();
    render(TrainingList, {
      items: many.slice(0, 3),
      inScope: 3,
      heading: 'All trainings',
      query: '',
      typeFilter: 'all',
      stateFilter: 'all',
      selectedId: 't-0',
      selectedIds: ['t-0', 't-1'],
      onselect: vi.fn(),
      ondragids,
    });
    const all = options();
    let data = dataTransfer();
    const setDragImage = vi.spyOn(data, 'setDragImage');
    fireEvent.dragStart(all[1] as HTMLElement, { dataTransfer: data });
    expect(data.getData('application/x-training-ids')).toBe('["t-0","t-1"]');
    expect((setDragImage.mock.calls[0]?.[0] as HTMLElement).textContent).toBe('Moving 2 trainings');
    expect(ondragids).toHaveBeenLastCalledWith(['t-0', 't-1']);
    fireEvent.dragEnd(all[1] as HTMLElement);
    expect(ondragids).toHaveBeenLastCalledWith(null);

    data = dataTransfer();
    fireEvent.dragStart(all[2] as HTMLElement, { dataTransfer: data });
    expect(data.getData('application/x-training-ids')).toBe('["t-2"]');
  });

  it('opens the context menu with the Menu key and closes it with Escape, focus back on the row', async () => {
    render(TrainingList, {
      items: many.slice(0, 3),
      inScope: 3,
      heading: 'All trainings',
      query: '',
      typeFilter: 'all',
      stateFilter: 'all',
      selectedId: null,
      onselect: vi.fn(),
      menuFor: (id: string) => [{ label: `Move to… (${id})`, run: vi.fn() }],
    });
    const user = userEvent.setup();
    const row = options()[1] as HTMLElement;
    row.focus();
    await user.keyboard('{ContextMenu}');
    const menu = await screen.findByRole('menu', { name: 'Training actions' });
    expect(within(menu).getByRole('menuitem', { name: 'Move to… (t-1)' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
    expect(row).toHaveFocus();
  });

  it('scrolls a training selected from elsewhere into view', async () => {
    const { rerender } = setup(huge);
    expect(positions()).not.toContain(5001);
    await rerender({ selectedId: 't-5000', selectedIds: ['t-5000'] });
    expect(positions()).toContain(5001);
    expect(within(listbox()).getByRole('option', { name: /^Training 05000/ })).toHaveAttribute('aria-selected', 'true');
    await rerender({ selectedId: 't-100', selectedIds: ['t-100'] });
    expect(positions()).toContain(101);
    expect(positions()).not.toContain(5001);
  });

  it('selects with Shift+arrows across rows that were not rendered yet', async () => {
    const onmultiselect = vi.fn();
    const { user } = setup(huge, { selectedId: 't-0', selectedIds: ['t-0'], onmultiselect });
    const rendered = options().length;
    options()[0]?.focus();
    for (let i = 0; i < rendered + 5; i++) await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(onmultiselect).toHaveBeenLastCalledWith(`t-${rendered + 5}`, 'extend');
    expect(document.activeElement).toHaveAttribute('data-id', `t-${rendered + 5}`);
  });

  it('keeps a dragged row in the DOM while the list scrolls, so the drag can end', async () => {
    const ondragids = vi.fn();
    setup(huge, { selectedId: null, selectedIds: ['t-4', 't-5000'], ondragids });
    const row = options()[4] as HTMLElement;
    const data = dataTransfer();
    fireEvent.dragStart(row, { dataTransfer: data });
    // The selection includes a training far below, not rendered: it moves all the same.
    expect(data.getData('application/x-training-ids')).toBe('["t-4","t-5000"]');
    await scrollTo(6000 * 70);
    expect(row).toBeInTheDocument();
    await fireEvent.dragEnd(row);
    expect(ondragids).toHaveBeenLastCalledWith(null);
    expect(row).not.toBeInTheDocument();
  });
});
