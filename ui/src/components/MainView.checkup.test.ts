import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CheckUpScope } from '../lib/bindings/CheckUpScope';
import { checkUpResult } from '../test/checkup';
import { renderMainView } from '../test/main-view';

function setup() {
  return renderMainView({ check_up: (args) => checkUpResult(args.scope as CheckUpScope) });
}

const listed = () =>
  within(screen.getByRole('listbox', { name: 'Trainings' }))
    .getAllByRole('option')
    .map((o) => o.querySelector('.title')?.textContent);

describe('MainView: the check-up', () => {
  it('lists what the check-up found, worst first by kind, with both sentences quoted', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Check-up' }));
    const view = await screen.findByRole('region', { name: 'Check-up: All trainings' });
    await within(view).findByText('2 things to look at in 4 trainings.');
    const groups = within(view)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups).toEqual(['Possible contradictions (1)', 'Instruction health (1)']);
    const contradictions = within(view).getByRole('region', { name: 'Possible contradictions (1)' });
    expect(within(contradictions).getByText('One says within 30 days, the other within 2 days.')).toBeInTheDocument();
    expect(contradictions).toHaveTextContent('“Refund policy”: “Offer a refund within 30 days.”');
    expect(contradictions).toHaveTextContent('“Shipping times”: “Orders ship within 2 days.”');
    expect(contradictions).toHaveTextContent('Both on Email for all customers');
    const health = within(view).getByRole('region', { name: 'Instruction health (1)' });
    expect(health).toHaveTextContent('Problem');
    expect(health).toHaveTextContent('Content, line 1: “TBD”');
  });

  it('opens a training it names in the editor', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Check-up' }));
    const view = await screen.findByRole('region', { name: 'Check-up: All trainings' });
    const actions = await within(view).findByRole('group', {
      name: 'What to do about “Refund policy” and “Shipping times”',
    });
    await user.click(within(actions).getByRole('button', { name: 'Open “Shipping times”' }));
    const editor = await screen.findByRole('region', { name: 'Editor' });
    expect(within(editor).getByRole('textbox', { name: 'Title' })).toHaveValue('Shipping times');
    expect(screen.queryByRole('region', { name: 'Check-up: All trainings' })).not.toBeInTheDocument();
  });

  it('checks the directory the list shows', async () => {
    const { user, backend } = setup();
    const nav = await screen.findByRole('navigation', { name: 'Directories' });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(nav).getByRole('button', { name: 'Billing, 2 trainings' }));
    await user.click(screen.getByRole('button', { name: 'Check-up' }));
    const view = await screen.findByRole('region', { name: 'Check-up: Billing' });
    await within(view).findByText('1 thing to look at in 2 trainings.');
    expect(backend.callsTo('check_up')).toContainEqual({ scope: { kind: 'directory', id: 'dir-billing' } });
  });

  it('“Needs attention” shows the trainings the check-up lists, once it has run', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    const filter = screen.getByRole('checkbox', { name: /^Needs attention/ });
    await waitFor(() => expect(filter).toHaveAccessibleName('Needs attention (3)'), { timeout: 4000 });
    await user.click(filter);
    expect(listed()).toEqual(['Invoice questions', 'Refund policy', 'Shipping times']);
    expect(screen.getByText('3 trainings of 4')).toBeInTheDocument();
    await user.click(filter);
    expect(listed()).toHaveLength(4);
  });
});
