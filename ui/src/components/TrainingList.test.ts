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

function setup(items = many) {
  const onselect = vi.fn();
  render(TrainingList, {
    items,
    inScope: items.length,
    heading: 'All trainings',
    query: '',
    typeFilter: 'all',
    stateFilter: 'all',
    selectedId: null,
    onselect,
  });
  return { onselect, user: userEvent.setup() };
}

const options = () => within(screen.getByRole('listbox', { name: 'Trainings' })).getAllByRole('option');

describe('TrainingList', () => {
  it('shows a long list in pages', async () => {
    const { user } = setup();
    expect(options()).toHaveLength(200);
    await user.click(screen.getByRole('button', { name: 'Show more (50 not shown)' }));
    expect(options()).toHaveLength(250);
    expect(screen.queryByRole('button', { name: /Show more/ })).not.toBeInTheDocument();
  });

  it('starts another directory at its top, with the first page of rows', async () => {
    const props = {
      items: many,
      inScope: many.length,
      heading: 'All trainings',
      query: '',
      typeFilter: 'all' as const,
      stateFilter: 'all' as const,
      selectedId: null,
      onselect: vi.fn(),
    };
    const { rerender } = render(TrainingList, props);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more (50 not shown)' }));
    const scroller = screen.getByRole('listbox', { name: 'Trainings' }).parentElement as HTMLElement;
    scroller.scrollTop = 900;
    await rerender({ ...props, heading: 'Billing', items: many.slice(0, 7), inScope: 7 });
    expect(scroller.scrollTop).toBe(0);
    await rerender({ ...props, heading: 'All trainings' });
    expect(options()).toHaveLength(200);
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
});
