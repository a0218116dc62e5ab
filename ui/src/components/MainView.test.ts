import { screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipcFailure, type Handler } from '../test/backend';
import { training, workspaceData } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

function setup(handlers: Record<string, Handler> = {}, options: { fakeTimers?: boolean } = {}) {
  return renderMainView(handlers, options);
}

const optionNames = () =>
  within(screen.getByRole('listbox', { name: 'Trainings' }))
    .getAllByRole('option')
    .map((o) => o.querySelector('.title')?.textContent);

describe('MainView', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the trainings with their type, state and channels', async () => {
    setup();
    const list = await screen.findByRole('listbox', { name: 'Trainings' });
    expect(optionNames()).toEqual(['Friendly tone', 'Invoice questions', 'Refund policy', 'Shipping times']);

    const refund = within(list).getByRole('option', { name: /^Refund policy/ });
    expect(refund).toHaveTextContent('When asked');
    expect(refund).toHaveTextContent('Live');
    expect(refund).toHaveTextContent('Email');
    const tone = within(list).getByRole('option', { name: /^Friendly tone/ });
    expect(tone).toHaveTextContent('Always on');
    expect(tone).toHaveTextContent('with unpublished changes');
    expect(within(list).getByRole('option', { name: /^Invoice questions/ })).toHaveTextContent('Draft');
  });

  it('shows directories with counts and filters by them', async () => {
    const { user } = setup();
    const nav = await screen.findByRole('navigation', { name: 'Directories' });
    await screen.findByRole('listbox', { name: 'Trainings' });
    expect(within(nav).getByRole('button', { name: 'All trainings' })).toHaveAttribute('aria-current', 'true');
    await user.click(within(nav).getByRole('button', { name: 'Billing, 2 trainings' }));
    expect(optionNames()).toEqual(['Invoice questions', 'Refund policy']);
    await user.click(within(nav).getByRole('button', { name: 'No directory' }));
    expect(optionNames()).toEqual(['Shipping times']);
    expect(within(nav).getByRole('button', { name: 'Tone of voice, 1 training' })).toBeInTheDocument();
  });

  it('filters instantly on title and content while typing', async () => {
    const { user, backend } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.type(screen.getByRole('searchbox', { name: 'Search trainings' }), 'portal');
    expect(optionNames()).toEqual(['Invoice questions']);
    // The server has not been asked yet: that waits for a pause in typing.
    expect(backend.callsTo('search_trainings')).toEqual([]);
  });

  it('asks the server once typing pauses and adds its matches', async () => {
    vi.useFakeTimers();
    const { user, backend } = setup({ search_trainings: () => ['t-shipping'] }, { fakeTimers: true });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.type(screen.getByRole('searchbox', { name: 'Search trainings' }), 'portal');
    expect(backend.callsTo('search_trainings')).toEqual([]);
    await vi.advanceTimersByTimeAsync(299);
    expect(backend.callsTo('search_trainings')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.callsTo('search_trainings')).toEqual([{ query: 'portal' }]);
    await waitFor(() => expect(optionNames()).toEqual(['Invoice questions', 'Shipping times']));
  });

  it('uses the Type and State filters', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type filter' }), 'Always on');
    expect(optionNames()).toEqual(['Friendly tone']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type filter' }), 'All types');
    await user.selectOptions(screen.getByRole('combobox', { name: 'State filter' }), 'Draft');
    expect(optionNames()).toEqual(['Invoice questions']);
  });

  it('says what to do when nothing matches, and clears the filters', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.type(screen.getByRole('searchbox', { name: 'Search trainings' }), 'zebra');
    expect(screen.queryByRole('listbox', { name: 'Trainings' })).not.toBeInTheDocument();
    expect(screen.getByText('No trainings match “zebra”.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(optionNames()).toHaveLength(4);
    expect(screen.getByRole('searchbox', { name: 'Search trainings' })).toHaveValue('');
  });

  it('says so when a workspace has no trainings', async () => {
    setup({ load_workspace: () => workspaceData({ trainings: [] }) });
    expect(await screen.findByText(/This workspace has no trainings yet/)).toBeInTheDocument();
  });

  it('opens a training in the editor by click and by keyboard', async () => {
    const { user, props } = setup();
    const list = await screen.findByRole('listbox', { name: 'Trainings' });
    expect(screen.getByRole('region', { name: 'Editor' })).toHaveTextContent('Choose a training');

    await user.click(within(list).getByRole('option', { name: /^Refund policy/ }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy');
    expect(within(list).getByRole('option', { name: /^Refund policy/ })).toHaveAttribute('aria-selected', 'true');

    within(list).getByRole('option', { name: /^Refund policy/ }).focus();
    await user.keyboard('{ArrowDown}');
    expect(within(list).getByRole('option', { name: /^Shipping times/ })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Shipping times');
    expect(props.confirmLeave).toHaveBeenCalledTimes(2);
  });

  it('stays on the training when leaving it is refused', async () => {
    const { user, props } = setup();
    props.confirmLeave.mockResolvedValue(false);
    const list = await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(list).getByRole('option', { name: /^Refund policy/ }));
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();
  });

  it('updates the list after a save', async () => {
    const t = workspaceData().trainings.find((x) => x.id === 't-shipping');
    const { user } = setup({
      save_training: () => ({ status: 'saved', training: training({ ...t, id: 't-shipping', title: 'Delivery times' }), differences: [] }),
      review_changes: () => ({ changes: [], content_diff: [], rendered: { first_html: '', more_markdown: [] }, publish: true, lead: '', out_of_use: null }),
    });
    const list = await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(list).getByRole('option', { name: /^Shipping times/ }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Delivery times');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await user.click(await screen.findByRole('button', { name: 'Publish now' }));
    await waitFor(() => expect(optionNames()).toContain('Delivery times'));
    expect(optionNames()).not.toContain('Shipping times');
  });

  it('offers the workspace switcher, "Add workspace" and "Sign out"', async () => {
    const { user, props } = setup();
    const switcher = await screen.findByRole('combobox', { name: 'Workspace' });
    expect(switcher).toHaveValue('ws-1');
    await user.selectOptions(switcher, 'Sales team');
    expect(props.onswitchworkspace).toHaveBeenCalledWith('ws-2');
    expect(switcher).toHaveValue('ws-1');
    await user.click(screen.getByRole('button', { name: 'Add workspace' }));
    expect(props.onaddworkspace).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(props.onsignout).toHaveBeenCalled();
  });

  it('offers Retry when the workspace could not be loaded', async () => {
    let attempts = 0;
    const { user } = setup({
      load_workspace: () => {
        attempts += 1;
        return attempts === 1 ? ipcFailure('network', 'offline')() : workspaceData();
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't reach open.cx");
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('listbox', { name: 'Trainings' })).toBeInTheDocument();
  });
});
