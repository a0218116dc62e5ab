// Issue 5 in the main view: the workspace kept on this computer shows first, the calm offline
// banner, the outbox ("Waiting to send (N)") and its panel, and landed trainings in the list.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../lib/bindings/OutboxEntry';
import type { OutboxView } from '../lib/bindings/OutboxView';
import type { WorkspaceData } from '../lib/bindings/WorkspaceData';
import { deferred, ipcFailure, jobsThatFinish, type Handler } from '../test/backend';
import { TRAININGS, training, workspaceData } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

const FETCHED_AT = '2025-03-01T09:30:00Z';
const original = (id: string) => TRAININGS.find((t) => t.id === id) ?? training({ id });
const draft = {
  title: 'Refunds, typed offline',
  content: 'Within 60 days.',
  training_type: 'SCENARIO_SPECIFIC' as const,
  directory_id: null,
  restricted_to_channels: [],
  restricted_to_segments: [],
  start_time: null,
  end_time: null,
};

function entry(overrides: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id: 'e-refund',
    training_id: 't-refund',
    title: 'Refunds, typed offline',
    action: { kind: 'save', draft, publish: false, base: original('t-refund') },
    state: 'waiting',
    queued_at: '2025-03-01T10:00:00Z',
    message: null,
    ...overrides,
  };
}

const view = (entries: OutboxEntry[], landed: OutboxView['landed'] = []): OutboxView => ({
  entries,
  waiting: entries.filter((e) => e.state === 'waiting').length,
  landed,
});

function setup(handlers: Record<string, Handler> = {}) {
  return renderMainView(handlers, { announcer: true });
}

const list = () => screen.getByRole('listbox', { name: 'Trainings' });
const outboxButton = () => screen.queryByRole('button', { name: /^Waiting to send/ });

describe('MainView: cache first and offline', () => {
  it('shows the kept workspace before open.cx answers, then the fresh one', async () => {
    const load = deferred<WorkspaceData>();
    const { backend } = setup({
      cached_workspace: () => ({ data: workspaceData({ trainings: TRAININGS.slice(0, 2) }), fetched_at: FETCHED_AT }),
      load_workspace: () => load.promise,
    });
    await waitFor(() => expect(within(list()).getAllByRole('option')).toHaveLength(2));
    // The load is asked for once the kept copy is on screen.
    await waitFor(() => expect(backend.calls.some((c) => c.cmd === 'load_workspace')).toBe(true));
    expect(backend.calls.findIndex((c) => c.cmd === 'cached_workspace')).toBeLessThan(
      backend.calls.findIndex((c) => c.cmd === 'load_workspace'),
    );
    load.resolve(workspaceData());
    await waitFor(() => expect(within(list()).getAllByRole('option')).toHaveLength(4));
    expect(screen.queryByRole('region', { name: 'Offline' })).toBeNull();
  });

  it('offline with a kept workspace: a calm banner and "Try again"', async () => {
    let online = false;
    const { user } = setup({
      cached_workspace: () => ({ data: workspaceData(), fetched_at: FETCHED_AT }),
      load_workspace: () => (online ? workspaceData() : ipcFailure('network', "Couldn't reach open.cx.")()),
    });
    const banner = await screen.findByRole('region', { name: 'Offline' });
    expect(banner).toHaveTextContent(/^Can't reach open.cx. Showing your workspace as of .+\. Saves wait to be sent\./);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(within(list()).getAllByRole('option')).toHaveLength(4);

    online = true;
    await user.click(within(banner).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Offline' })).toBeNull());
  });

  it('offline without a kept workspace: the error with Retry, as before', async () => {
    setup({ load_workspace: ipcFailure('network', 'offline') });
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't reach open.cx");
    expect(screen.queryByRole('region', { name: 'Offline' })).toBeNull();
  });
});

describe('MainView: the outbox', () => {
  it('shows "Waiting to send (N)" only while something waits, and updates from events', async () => {
    const { backend } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    expect(outboxButton()).toBeNull();
    await backend.emit('outbox-changed', view([entry(), entry({ id: 'e2', training_id: 't-shipping', title: 'Shipping' })]));
    await waitFor(() => expect(outboxButton()).toHaveTextContent('Waiting to send (2)'));
    const landed = { ...original('t-refund'), draft_title: 'Refunds, typed offline' };
    await backend.emit('outbox-changed', view([], [landed]));
    await waitFor(() => expect(outboxButton()).toBeNull());
    expect(within(list()).getByRole('option', { name: /^Refunds, typed offline/ })).toBeInTheDocument();
  });

  it('the panel lists entries with their state; "Send now" sends them', async () => {
    const held = entry({
      id: 'e-move',
      training_id: 't-shipping',
      title: 'Shipping times',
      action: { kind: 'move', directory_id: 'dir-billing', base_updated_at: original('t-shipping').updated_at },
      state: 'conflict',
      message: '“Shipping times” was changed on open.cx since; it was not moved.',
    });
    const { user, backend } = setup({
      outbox_list: () => view([entry(), held]),
      outbox_send: () => view([held], [{ ...original('t-refund'), draft_title: 'Refunds, typed offline' }]),
    });
    await user.click(await screen.findByRole('button', { name: 'Waiting to send (2)' }));
    const dialog = screen.getByRole('dialog', { name: 'Waiting to send' });
    const items = within(within(dialog).getByRole('list', { name: 'Changes waiting' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Refunds, typed offline — Save the edited text as a draft');
    expect(items[0]).toHaveTextContent('Waiting for the connection');
    expect(items[1]).toHaveTextContent('Shipping times — Move to Billing');
    expect(items[1]).toHaveTextContent('Changed on open.cx meanwhile — not sent');
    expect(items[1]).toHaveTextContent('it was not moved.');

    await user.click(within(dialog).getByRole('button', { name: 'Send now' }));
    await waitFor(() => expect(outboxButton()).toHaveTextContent('Waiting to send (1)'));
    expect(backend.callsTo('outbox_send')).toHaveLength(1);
    expect(within(list()).getByRole('option', { name: /^Refunds, typed offline/ })).toBeInTheDocument();
  });

  it('Discard of a save keeps its text as a recovered unsaved edit; Open shows the training with the waiting text', async () => {
    const { user, backend } = setup({
      outbox_list: () => view([entry()]),
      outbox_discard: () => view([]),
      journal_list: () =>
        backend.callsTo('outbox_discard').length === 0
          ? []
          : [{ training_id: 't-refund', title: draft.title, written_at: FETCHED_AT, base_updated_at: null, draft }],
    });
    await user.click(await screen.findByRole('button', { name: 'Waiting to send (1)' }));
    let dialog = screen.getByRole('dialog', { name: 'Waiting to send' });
    await user.click(within(dialog).getByRole('button', { name: 'Open “Refunds, typed offline”' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refunds, typed offline');

    await user.click(screen.getByRole('button', { name: 'Waiting to send (1)' }));
    dialog = screen.getByRole('dialog', { name: 'Waiting to send' });
    await user.click(within(dialog).getByRole('button', { name: /^Discard/ }));
    expect(backend.callsTo('outbox_discard')).toEqual([{ entryId: 'e-refund' }]);
    const recovered = await screen.findByRole('region', { name: 'Recovered changes' });
    expect(recovered).toHaveTextContent('Refunds, typed offline');
    expect(within(dialog).getByText('Everything has been sent.')).toBeInTheDocument();
  });

  it('says in the panel why a discard was refused, and keeps the entry', async () => {
    const { user } = setup({
      outbox_list: () => view([entry()]),
      outbox_discard: ipcFailure(
        'invalid_input',
        'There is a newer unsaved edit of “Refund policy” on this computer. Open it first, then discard this one.',
      ),
    });
    await user.click(await screen.findByRole('button', { name: 'Waiting to send (1)' }));
    const dialog = screen.getByRole('dialog', { name: 'Waiting to send' });
    await user.click(within(dialog).getByRole('button', { name: /^Discard/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('There is a newer unsaved edit');
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(1);
  });

  it('a job whose items could not reach open.cx says they wait to be sent', async () => {
    const { user, backend } = setup({ start_job: () => 'job-1' });
    const listbox = await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(listbox).getByRole('option', { name: /^Refund policy/ }));
    await user.keyboard('{Control>}a{/Control}');
    await user.click(await screen.findByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));
    await backend.emit('job-progress', {
      job_id: 'job-1',
      kind: 'publish',
      total: 4,
      done: 4,
      failed: [],
      queued: ['t-refund', 't-tone'],
      updated: [],
      deleted: [],
      differences: [],
      seconds_left: null,
      state: 'finished',
    });
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent(
        'Publishing 4 trainings: 2 done, 2 waiting to be sent when open.cx can be reached.',
      ),
    );
  });

  it('a move that met someone else\'s change shows the server\'s copy, not the old place', async () => {
    const { user, backend } = setup({ start_job: () => 'job-1' });
    const listbox = await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(listbox).getByRole('option', { name: /^Shipping times/ }));
    await user.keyboard('{Control>}{Shift>}m{/Shift}{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Move to' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Filter directories' }), 'bill{Enter}');
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));
    const theirs = { ...original('t-shipping'), directory_id: 'dir-tone', updated_at: '2025-03-01T12:00:00.000Z' };
    await backend.emit('job-progress', {
      job_id: 'job-1',
      kind: 'move',
      total: 1,
      done: 1,
      failed: [
        {
          id: 't-shipping',
          title: 'Shipping times',
          kind: 'conflict',
          message: '“Shipping times” was changed on open.cx since you loaded it, so it was left as it is.',
        },
      ],
      queued: [],
      updated: [theirs],
      deleted: [],
      differences: [],
      seconds_left: null,
      state: 'finished',
    });
    const nav = screen.getByRole('navigation', { name: 'Directories' });
    await waitFor(() => expect(within(nav).getByRole('button', { name: 'Tone of voice, 2 trainings' })).toBeInTheDocument());
    expect(screen.getByRole('region', { name: 'Job progress' })).toHaveTextContent('was changed on open.cx since you loaded it');
  });

  it('taking one training out of use while open.cx cannot be reached says it waits to be sent, with no job panel', async () => {
    const { user, backend } = setup({ start_job: jobsThatFinish(() => ({ queued: ['t-refund'] })) });
    await user.click(within(await screen.findByRole('listbox', { name: 'Trainings' })).getByRole('option', { name: /^Refund policy/ }));
    await user.click(screen.getByRole('button', { name: 'Take out of use' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        { request: { kind: 'unpublish', ids: ['t-refund'] }, seen: { 't-refund': original('t-refund').updated_at } },
      ]),
    );
    await waitFor(() =>
      expect(screen.getByTestId('announcer')).toHaveTextContent(
        'Taking “Refund policy” out of use waits to be sent when open.cx can be reached.',
      ),
    );
    expect(screen.queryByRole('region', { name: 'Job progress' })).not.toBeInTheDocument();
  });
});
