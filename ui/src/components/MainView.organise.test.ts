// Issue 4 in the main view: selecting several, dragging onto directories, "Move to", Undo, the
// job panel, directories, publishing and deleting — all through the (fake) backend.
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { JobRequest } from '../lib/bindings/JobRequest';
import { jobsThatFinish, type Handler } from '../test/backend';
import { dataTransfer } from '../test/drag';
import { TRAININGS, jobProgress as progress, training, workspaceData } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

function setup(handlers: Record<string, Handler> = {}) {
  let jobs = 0;
  return renderMainView(
    {
      start_job: () => `job-${++jobs}`,
      cancel_job: () => null,
      retry_failed: () => `job-${++jobs}`,
      ...handlers,
    },
    { announcer: true },
  );
}

const list = () => screen.getByRole('listbox', { name: 'Trainings' });
const option = (title: string) => within(list()).getByRole('option', { name: new RegExp(`^${title}`) });
const nav = () => screen.getByRole('navigation', { name: 'Directories' });
const announced = () => screen.getByTestId('announcer');
const original = (id: string) => TRAININGS.find((t) => t.id === id) ?? training({ id });
/** What the view passes as `seen`: the version of each training it showed. */
const seen = (...ids: string[]) => Object.fromEntries(ids.map((id) => [id, original(id).updated_at]));


/** The visible notice (the live region says the same words). */
async function findNotice(text: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getAllByText(text).find((el) => el.getAttribute('role') === 'status');
    if (!found) throw new Error(`No notice "${text}"`);
    return found;
  });
}

function drag(from: HTMLElement, to: HTMLElement) {
  const data = dataTransfer();
  fireEvent.dragStart(from, { dataTransfer: data });
  fireEvent.dragEnter(to, { dataTransfer: data });
  fireEvent.dragOver(to, { dataTransfer: data });
  return {
    data,
    drop: () => {
      fireEvent.drop(to, { dataTransfer: data });
      fireEvent.dragEnd(from, { dataTransfer: data });
    },
  };
}

describe('MainView: organising trainings', () => {
  it('selects several with Ctrl-click, Shift-click and Ctrl+A, and says how many', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    expect(list()).toHaveAttribute('aria-multiselectable', 'true');

    await user.click(option('Friendly tone'));
    await user.keyboard('{Control>}');
    await user.click(option('Refund policy'));
    await user.keyboard('{/Control}');
    expect(option('Friendly tone')).toHaveAttribute('aria-selected', 'true');
    expect(option('Refund policy')).toHaveAttribute('aria-selected', 'true');
    expect(option('Invoice questions')).toHaveAttribute('aria-selected', 'false');
    expect(announced()).toHaveTextContent('2 trainings selected');
    expect(screen.getByRole('heading', { name: '2 selected' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument();

    await user.click(option('Friendly tone'));
    await user.keyboard('{Shift>}');
    await user.click(option('Refund policy'));
    await user.keyboard('{/Shift}');
    expect(announced()).toHaveTextContent('3 trainings selected');
    expect(option('Invoice questions')).toHaveAttribute('aria-selected', 'true');
    expect(option('Shipping times')).toHaveAttribute('aria-selected', 'false');

    option('Friendly tone').focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(announced()).toHaveTextContent('4 trainings selected');
    expect(within(list()).getAllByRole('option').every((o) => o.getAttribute('aria-selected') === 'true')).toBe(true);
  });

  it('drags a training onto a directory: highlight, instant move, then "Moved … — Undo"', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    const target = within(nav()).getByRole('button', { name: 'Tone of voice, 1 training' });
    const dnd = drag(option('Shipping times'), target);
    expect(dnd.data.getData('application/x-training-ids')).toBe('["t-shipping"]');
    expect(dnd.data.getData('text/plain')).toBe('t-shipping');
    await waitFor(() => expect(announced()).toHaveTextContent('Moving 1 training'));
    await waitFor(() => expect(target.closest('li')).toHaveClass('drop'));
    dnd.drop();
    await waitFor(() => expect(target.closest('li')).not.toHaveClass('drop'));

    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        { request: { kind: 'move', items: [{ id: 't-shipping', directory_id: 'dir-tone' }] }, seen: seen('t-shipping') },
      ]),
    );
    // Shown in its new place before the server has answered.
    expect(within(nav()).getByRole('button', { name: 'Tone of voice, 2 trainings' })).toBeInTheDocument();

    await backend.emit('job-progress', progress({ updated: [{ ...original('t-shipping'), directory_id: 'dir-tone' }] }));
    await findNotice('Moved 1 training to Tone of voice');
    // A one-item job needs no panel.
    expect(screen.queryByRole('region', { name: 'Job progress' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(2));
    expect(backend.callsTo('start_job')[1]).toEqual({
      request: { kind: 'move', items: [{ id: 't-shipping', directory_id: null }] },
      seen: seen('t-shipping'),
    });
    expect(within(nav()).getByRole('button', { name: 'Tone of voice, 1 training' })).toBeInTheDocument();
  });

  it('drags the whole selection, and leaves out those already in the target', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(option('Invoice questions'));
    await user.keyboard('{Control>}');
    await user.click(option('Shipping times'));
    await user.keyboard('{/Control}');
    const target = within(nav()).getByRole('button', { name: 'Billing, 2 trainings' });
    const dnd = drag(option('Shipping times'), target);
    expect(JSON.parse(dnd.data.getData('application/x-training-ids'))).toEqual(['t-invoice', 't-shipping']);
    dnd.drop();
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        { request: { kind: 'move', items: [{ id: 't-shipping', directory_id: 'dir-billing' }] }, seen: seen('t-shipping') },
      ]),
    );
  });

  it('puts a refused item back with the reason, and retries the failed ones', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(option('Friendly tone'));
    await user.keyboard('{Control>}');
    await user.click(option('Shipping times'));
    await user.keyboard('{/Control}');
    const none = within(nav()).getByRole('button', { name: 'No directory' });
    drag(option('Friendly tone'), none).drop();
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));
    // Shipping times is in no directory already: only one item moves, and one item needs no panel.
    expect(within(nav()).getByRole('button', { name: 'Tone of voice, 0 trainings' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Job progress' })).not.toBeInTheDocument();

    await backend.emit(
      'job-progress',
      progress({
        failed: [{ id: 't-tone', title: 'Friendly tone', kind: 'forbidden', message: 'This API key is not allowed to do that.' }],
      }),
    );
    const panel = await screen.findByRole('region', { name: 'Job progress' });
    expect(panel).toHaveTextContent('Moving 1 training to No directory');
    await waitFor(() => expect(panel).toHaveTextContent('Friendly tone — This API key is not allowed to do that.'));
    expect(announced()).toHaveTextContent('1 training could not be changed');
    // Back in its own directory.
    expect(within(nav()).getByRole('button', { name: 'Tone of voice, 1 training' })).toBeInTheDocument();

    await user.click(within(panel).getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(backend.callsTo('retry_failed')).toEqual([{ jobId: 'job-1' }]));
    expect(within(nav()).getByRole('button', { name: 'Tone of voice, 0 trainings' })).toBeInTheDocument();
  });

  it('shows a long job with its progress, time left and Cancel', async () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      training({ id: `m-${i}`, title: `Bulk ${String(i).padStart(3, '0')}`, directory_id: null }),
    );
    const { backend, user } = setup({ load_workspace: () => workspaceData({ trainings: many }) });
    await screen.findByRole('listbox', { name: 'Trainings' });
    option('Bulk 000').focus();
    await user.keyboard('{Control>}a{/Control}');
    await user.keyboard('{Control>}{Shift>}m{/Shift}{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Move to' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Filter directories' }), 'bill{Enter}');
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));
    const request = backend.callsTo('start_job')[0]?.request as JobRequest;
    expect(request.kind === 'move' && request.items.length).toBe(150);

    await backend.emit('job-progress', progress({ total: 150, done: 45, seconds_left: 125, state: 'running' }));
    const panel = screen.getByRole('region', { name: 'Job progress' });
    expect(panel).toHaveTextContent('Moving 150 trainings to Billing');
    await waitFor(() => expect(panel).toHaveTextContent('45 of 150 · about 2 min left'));
    const bar = within(panel).getByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('value', '45');
    expect(bar).toHaveAttribute('max', '150');

    await user.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(backend.callsTo('cancel_job')).toEqual([{ jobId: 'job-1' }]);
    await backend.emit('job-progress', progress({ total: 150, done: 46, state: 'cancelled' }));
    await findNotice('Stopped after 46 of 150.');
    // Only the ones that were really moved stay moved (none were reported here).
    expect(within(nav()).getByRole('button', { name: 'Billing, 0 trainings' })).toBeInTheDocument();
  }, 20_000);

  it('"Move to" works by keyboard alone: filter, arrows, Enter; Escape cancels', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(option('Shipping times'));
    await user.click(screen.getByRole('button', { name: 'Move to…' }));
    let dialog = screen.getByRole('dialog', { name: 'Move to' });
    const filter = within(dialog).getByRole('searchbox', { name: 'Filter directories' });
    expect(filter).toHaveFocus();
    const listbox = within(dialog).getByRole('listbox', { name: 'Directories' });
    expect(within(listbox).getAllByRole('option').map((o) => o.textContent?.trim())).toEqual([
      'No directory (where they are now)',
      'Billing',
      'Tone of voice',
    ]);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = within(listbox).getByRole('option', { name: 'Tone of voice' });
    expect(active).toHaveAttribute('aria-selected', 'true');
    expect(filter).toHaveAttribute('aria-activedescendant', active.id);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog', { name: 'Move to' })).not.toBeInTheDocument();
    expect(backend.callsTo('start_job')).toEqual([]);

    option('Shipping times').focus();
    await user.keyboard('{Control>}{Shift>}M{/Shift}{/Control}');
    dialog = screen.getByRole('dialog', { name: 'Move to' });
    await user.keyboard('zzz');
    expect(dialog).toHaveTextContent('No directory matches “zzz”.');
    await user.clear(within(dialog).getByRole('searchbox', { name: 'Filter directories' }));
    await user.keyboard('tone{Enter}');
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        { request: { kind: 'move', items: [{ id: 't-shipping', directory_id: 'dir-tone' }] }, seen: seen('t-shipping') },
      ]),
    );
  });

  it('Ctrl+Z undoes the last move while the notice shows, but not while typing', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    drag(option('Shipping times'), within(nav()).getByRole('button', { name: /^Billing,/ })).drop();
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));
    await backend.emit('job-progress', progress({}));
    await findNotice('Moved 1 training to Billing');

    await user.click(screen.getByRole('searchbox', { name: 'Search trainings' }));
    await user.keyboard('{Control>}z{/Control}');
    expect(backend.callsTo('start_job')).toHaveLength(1);

    option('Refund policy').focus();
    await user.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(2));
    expect(backend.callsTo('start_job')[1]).toEqual({
      request: { kind: 'move', items: [{ id: 't-shipping', directory_id: null }] },
      seen: seen('t-shipping'),
    });
  });

  it('the context menu (Shift+F10) offers Move to…, Publish/Unpublish and Delete, each a job of one', async () => {
    const { backend, user } = setup({
      start_job: jobsThatFinish((request) =>
        request.kind === 'delete' ? { deleted: ['t-invoice'] } : { updated: [{ ...original('t-refund'), is_draft: true }] },
      ),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    option('Refund policy').focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    let menu = screen.getByRole('menu', { name: 'Training actions' });
    expect(within(menu).getAllByRole('menuitem').map((m) => m.textContent?.trim())).toEqual([
      'Move to…',
      'Unpublish',
      'Delete',
    ]);
    expect(within(menu).getByRole('menuitem', { name: 'Move to…' })).toHaveFocus();
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([{ request: { kind: 'unpublish', ids: ['t-refund'] }, seen: seen('t-refund') }]),
    );
    await findNotice('“Refund policy” is no longer in use.');
    expect(option('Refund policy')).toHaveTextContent('Draft');
    // One training's command shows no job panel.
    expect(screen.queryByRole('region', { name: 'Job progress' })).not.toBeInTheDocument();

    fireEvent.contextMenu(option('Invoice questions'));
    menu = await screen.findByRole('menu', { name: 'Training actions' });
    await user.click(within(menu).getByRole('menuitem', { name: 'Delete' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete training' });
    expect(confirm).toHaveTextContent('Delete “Invoice questions”? This removes it from open.cx.');
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')[1]).toEqual({ request: { kind: 'delete', ids: ['t-invoice'] }, seen: seen('t-invoice') }),
    );
    await findNotice('Deleted “Invoice questions”.');
    expect(within(list()).queryByRole('option', { name: /^Invoice questions/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Job progress' })).not.toBeInTheDocument();
  });

  it('a single unpublish open.cx refuses shows its error as the command did, with Retry and no job panel', async () => {
    const busy = 'open.cx is receiving too many requests. Wait a minute, then try again.';
    const { backend, user } = setup({
      start_job: jobsThatFinish(() => ({
        failed: [{ id: 't-refund', title: 'Refund policy', kind: 'rate_limited', message: busy }],
      })),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    option('Refund policy').focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    await user.click(within(screen.getByRole('menu', { name: 'Training actions' })).getByRole('menuitem', { name: 'Unpublish' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('open.cx is busy right now');
    expect(screen.queryByRole('region', { name: 'Job progress' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(2));
    expect(backend.callsTo('start_job')[1]?.request).toEqual({ kind: 'unpublish', ids: ['t-refund'] });
  });

  it('runs bulk actions from the "N selected" panel as jobs', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(option('Friendly tone'));
    await user.keyboard('{Shift>}');
    await user.click(option('Refund policy'));
    await user.keyboard('{/Shift}');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        { request: { kind: 'publish', ids: ['t-tone', 't-invoice', 't-refund'] }, seen: seen('t-tone', 't-invoice', 't-refund') },
      ]),
    );
    await backend.emit(
      'job-progress',
      progress({ kind: 'publish', total: 3, done: 3, updated: [{ ...original('t-invoice'), is_draft: false, current_version: 1 }] }),
    );
    await findNotice('Published 3 trainings');
    expect(option('Invoice questions')).toHaveTextContent('Live');

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete trainings' });
    expect(confirm).toHaveTextContent('Delete 3 trainings?');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(2));
    await backend.emit('job-progress', progress({ job_id: 'job-2', kind: 'delete', total: 3, done: 3, deleted: ['t-tone', 't-invoice', 't-refund'] }));
    await waitFor(() => expect(within(list()).getAllByRole('option')).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: /selected/ })).not.toBeInTheDocument();
  });

  it('"+" creates a training in that directory and opens it', async () => {
    const created = training({ id: 't-new', title: 'New training', is_draft: true, current_version: null, directory_id: 'dir-billing' });
    const { backend, user } = setup({ create_training: () => created });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(nav()).getByRole('button', { name: 'New training in Billing' }));
    await waitFor(() => expect(backend.callsTo('create_training')).toEqual([{ directoryId: 'dir-billing' }]));
    expect(await screen.findByRole('textbox', { name: 'Title' })).toHaveValue('New training');
    expect(within(nav()).getByRole('button', { name: 'Billing, 3 trainings' })).toHaveAttribute('aria-current', 'true');
    expect(option('New training')).toHaveAttribute('aria-selected', 'true');
  });

  it('creates, renames and deletes directories', async () => {
    const { backend, user } = setup({
      create_directory: (args) => ({ id: 'dir-new', name: String(args.name), local_name_only: false }),
      rename_directory: (args) => ({ id: String(args.id), name: String(args.name), local_name_only: false }),
      delete_directory: () => null,
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(nav()).getByRole('button', { name: 'New directory' }));
    await user.type(within(nav()).getByRole('textbox', { name: 'Directory name' }), 'Seasonal{Enter}');
    await waitFor(() => expect(backend.callsTo('create_directory')).toEqual([{ name: 'Seasonal' }]));
    expect(await within(nav()).findByRole('button', { name: 'Seasonal, 0 trainings' })).toBeInTheDocument();

    await user.click(within(nav()).getByRole('button', { name: 'Billing options' }));
    await user.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    const name = within(nav()).getByRole('textbox', { name: 'Directory name' });
    expect(name).toHaveFocus();
    await user.clear(name);
    await user.type(name, 'Invoices{Enter}');
    await waitFor(() => expect(backend.callsTo('rename_directory')).toEqual([{ id: 'dir-billing', name: 'Invoices' }]));
    expect(await within(nav()).findByRole('button', { name: 'Invoices, 2 trainings' })).toBeInTheDocument();

    await user.click(within(nav()).getByRole('button', { name: 'Invoices options' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    const confirm = screen.getByRole('dialog', { name: 'Delete directory' });
    expect(confirm).toHaveTextContent('Delete the directory “Invoices”?');
    expect(confirm).toHaveTextContent('Its 2 trainings go to No directory');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(backend.callsTo('delete_directory')).toEqual([{ id: 'dir-billing' }]));
    expect(within(nav()).queryByRole('button', { name: /^Invoices/ })).not.toBeInTheDocument();
    await user.click(within(nav()).getByRole('button', { name: 'No directory' }));
    expect(within(list()).getAllByRole('option')).toHaveLength(3);
  });

  it('without directory routes: "New directory" is disabled with the reason, renaming is local', async () => {
    const { backend, user } = setup({
      load_workspace: () =>
        workspaceData({
          directories_supported: false,
          directories: [{ id: 'dir-billing', name: 'dir-billing', local_name_only: true }],
        }),
      rename_directory: (args) => ({ id: String(args.id), name: String(args.name), local_name_only: true }),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    const button = within(nav()).getByRole('button', { name: 'New directory' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(/directories come from its trainings/);
    await user.click(within(nav()).getByRole('button', { name: 'dir-billing options' }));
    expect(screen.queryByRole('menuitem', { name: 'Delete…' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    const name = within(nav()).getByRole('textbox', { name: 'Directory name' });
    await user.clear(name);
    await user.type(name, 'Billing{Enter}');
    await waitFor(() => expect(backend.callsTo('rename_directory')).toEqual([{ id: 'dir-billing', name: 'Billing' }]));
    expect(await within(nav()).findByRole('button', { name: 'Billing, 2 trainings' })).toBeInTheDocument();
  });

  it('sets channels and segments for every training of a directory as a job', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(nav()).getByRole('button', { name: 'Billing options' }));
    await user.click(
      screen.getByRole('menuitem', { name: 'Set channels and segments for all trainings in this directory…' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Set channels and segments' });
    expect(within(dialog).getByRole('group', { name: 'Channels' })).toHaveTextContent('All channels');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Email' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'VIP customers' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 2 trainings' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        {
          request: {
            kind: 'set_visibility',
            ids: ['t-refund', 't-invoice'],
            channels: ['email'],
            segments: ['seg-vip-0001'],
          },
          seen: seen('t-refund', 't-invoice'),
        },
      ]),
    );
    expect(screen.getByRole('region', { name: 'Job progress' })).toHaveTextContent(
      'Setting channels and segments for 2 trainings',
    );
  });

  it('the editor offers "Move to…" and, for a live training, "Take out of use"', async () => {
    const { backend, user } = setup({
      start_job: jobsThatFinish(() => ({ updated: [{ ...original('t-refund'), is_draft: true }] })),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(option('Invoice questions'));
    const editor = screen.getByRole('region', { name: 'Editor' });
    expect(within(editor).getByRole('button', { name: 'Move to…' })).toBeInTheDocument();
    expect(within(editor).queryByRole('button', { name: 'Take out of use' })).not.toBeInTheDocument();

    await user.click(option('Refund policy'));
    await user.click(within(screen.getByRole('region', { name: 'Editor' })).getByRole('button', { name: 'Take out of use' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([{ request: { kind: 'unpublish', ids: ['t-refund'] }, seen: seen('t-refund') }]),
    );
    expect(await screen.findByRole('status', { name: 'Draft' })).toBeInTheDocument();
  });

  it('keeps an unsaved edit when a move changes the open training', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(option('Shipping times'));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (edited)');
    drag(option('Shipping times'), within(nav()).getByRole('button', { name: /^Billing,/ })).drop();
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Shipping times (edited)');
    expect(screen.getByRole('combobox', { name: 'Directory' })).toHaveValue('dir-billing');
  });
});
