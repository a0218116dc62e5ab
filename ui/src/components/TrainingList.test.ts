import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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
});
