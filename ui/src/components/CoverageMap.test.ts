import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeBackend } from '../test/backend';
import { coverageMapAnswer } from '../test/fixtures';
import { CoverageStore } from '../lib/state/coverage.svelte';
import CoverageMap from './CoverageMap.svelte';

const CELL = {
  count: 3,
  trainings: [
    { id: 't-tone', title: 'Friendly tone', training_type: 'BEHAVIORAL', chars: 9100 },
    { id: 't-shipping', title: 'Shipping times', training_type: 'SCENARIO_SPECIFIC', chars: 40 },
  ],
  warning: 'Here, the "Always on" trainings add up to 9,100 characters, more than the 8,000 …',
};

async function setup() {
  const backend = fakeBackend({ coverage_map: () => coverageMapAnswer(), coverage_cell: () => CELL });
  const coverage = new CoverageStore();
  coverage.open(null);
  await coverage.load({ kind: 'workspace' });
  const onopen = vi.fn();
  render(CoverageMap, { coverage, heading: 'All trainings', onopen });
  const view = screen.getByRole('region', { name: 'Coverage map: All trainings' });
  return { backend, coverage, onopen, view, user: userEvent.setup() };
}

describe('CoverageMap', () => {
  it('is a table with channels and customers as headers', async () => {
    const { view } = await setup();
    const table = within(view).getByRole('table');
    const columns = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(columns).toEqual(['All customers', 'VIP customers', 'Trial users']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Web chat', 'WhatsApp']);
    expect(within(table).getByRole('cell', { name: /Web chat, All customers: 2 trainings 38 chars/ })).toBeInTheDocument();
  });

  it('says an empty cell and one over the budget in words, not by colour alone', async () => {
    const { view } = await setup();
    expect(within(view).getByRole('button', { name: 'WhatsApp, Trial users: 0 trainings None apply' })).toBeInTheDocument();
    expect(
      within(view).getByRole('button', { name: 'Web chat, VIP customers: 3 trainings 9,100 chars Over budget' }),
    ).toBeInTheDocument();
  });

  it('lists a cell’s trainings when it is chosen, each opening in the editor', async () => {
    const { view, backend, onopen, user } = await setup();
    const cell = within(view).getByRole('button', { name: /^Web chat, VIP customers:/ });
    await user.click(cell);
    expect(cell).toHaveAttribute('aria-pressed', 'true');
    expect(backend.callsTo('coverage_cell')).toEqual([{ scope: { kind: 'workspace' }, channel: 'web', segmentId: 'seg-vip-0001' }]);
    const list = await within(view).findByRole('region', { name: 'Web chat · VIP customers' });
    expect(list).toHaveTextContent(CELL.warning);
    expect(list).toHaveTextContent('Always on · 9,100 characters');
    expect(list).toHaveTextContent('And 1 more.');
    await user.click(within(list).getByRole('button', { name: 'Shipping times' }));
    expect(onopen).toHaveBeenCalledWith('t-shipping');
  });

  it('closes on Escape', async () => {
    const { coverage, user } = await setup();
    expect(screen.getByRole('heading', { name: 'Coverage map: All trainings' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(coverage.isOpen).toBe(false);
  });
});
