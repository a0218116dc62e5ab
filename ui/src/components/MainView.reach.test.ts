import { screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { coverageMapAnswer, reachAnswer } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

const panelName = 'What will the AI see?';

describe('MainView: What will the AI see? and the coverage map', () => {
  it('opens from the main view, and a training clicked in it opens in the editor', async () => {
    const { user } = renderMainView({ what_will_the_ai_see: () => reachAnswer() });
    await screen.findByRole('listbox', { name: 'Trainings' });
    const button = screen.getByRole('button', { name: panelName });
    await user.click(button);
    const panel = screen.getByRole('region', { name: panelName });
    expect(within(panel).getByRole('textbox', { name: 'Customer message' })).toHaveFocus();
    expect(within(panel).getByRole('checkbox', { name: 'Trial users' })).toBeInTheDocument();

    await user.click(await within(panel).findByRole('button', { name: 'Refund policy' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy');
    expect(screen.getByRole('region', { name: panelName })).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('region', { name: panelName })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('opened from the editor, includes its unsaved changes as they are typed', async () => {
    const { user, backend } = renderMainView({ what_will_the_ai_see: () => reachAnswer() });
    const list = await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(list).getByRole('option', { name: /^Shipping times/ }));
    const editor = screen.getByRole('region', { name: 'Editor' });
    await user.click(within(editor).getByRole('button', { name: panelName }));
    const panel = screen.getByRole('region', { name: panelName });
    expect(within(panel).queryByRole('checkbox', { name: 'Include my unsaved changes' })).not.toBeInTheDocument();

    await user.type(within(editor).getByRole('textbox', { name: 'Title' }), ' for parcels');
    expect(within(panel).getByRole('checkbox', { name: 'Include my unsaved changes' })).toBeChecked();
    await vi.waitFor(() =>
      expect(backend.callsTo('what_will_the_ai_see').at(-1)).toMatchObject({
        question: { edit: { id: 't-shipping', draft: { title: 'Shipping times for parcels' } } },
      }),
    );
  });

  it('shows the coverage map of the sidebar’s directory, and opens a training of a cell', async () => {
    const cell = { count: 1, trainings: [{ id: 't-refund', title: 'Refund policy', training_type: 'SCENARIO_SPECIFIC', chars: 40 }], warning: null };
    const { user, backend } = renderMainView({ coverage_map: () => coverageMapAnswer(), coverage_cell: () => cell });
    await screen.findByRole('listbox', { name: 'Trainings' });
    const button = screen.getByRole('button', { name: 'Coverage map' });
    await user.click(button);
    const view = screen.getByRole('region', { name: 'Coverage map: All trainings' });
    await within(view).findByRole('table');
    expect(backend.callsTo('coverage_map')).toEqual([{ scope: { kind: 'workspace' } }]);

    await user.click(within(screen.getByRole('navigation', { name: 'Directories' })).getByRole('button', { name: 'Billing, 2 trainings' }));
    await vi.waitFor(() => expect(backend.callsTo('coverage_map').at(-1)).toEqual({ scope: { kind: 'directory', id: 'dir-billing' } }));
    expect(screen.getByRole('region', { name: 'Coverage map: Billing' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^WhatsApp, VIP customers:/ }));
    await user.click(await screen.findByRole('button', { name: 'Refund policy' }));
    expect(screen.queryByRole('region', { name: /^Coverage map/ })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy');
    expect(button).toHaveFocus();
  });
});
