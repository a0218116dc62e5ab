import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { fakeBackend, type Handler } from '../test/backend';
import { OTHER_WORKSPACE, WORKSPACE, training, workspaceData } from '../test/fixtures';
import App from './App.svelte';
// The main view fetches its editor as a chunk of its own once the list shows: loaded here first,
// it opens as soon as a training is chosen (test/main-view.ts does the same).
import './Editor.svelte';

function setup(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    resume_session: () => WORKSPACE,
    list_workspaces: () => ({ workspaces: [WORKSPACE, OTHER_WORKSPACE], active_id: WORKSPACE.id }),
    load_workspace: () => workspaceData(),
    search_trainings: () => [],
    confirm_close: () => null,
    review_changes: (args) => ({ changes: [], content_diff: [], rendered: { first_html: '<p>ok</p>', more_markdown: [] }, publish: args.publish }),
    ...handlers,
  });
  render(App);
  return { backend, user: userEvent.setup() };
}

async function openTraining(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
  const list = await screen.findByRole('listbox', { name: 'Trainings' });
  await user.click(within(list).getByRole('option', { name }));
}

async function makeDirty(user: ReturnType<typeof userEvent.setup>) {
  await openTraining(user, /^Refund policy/);
  await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (edited)');
  expect(screen.getByRole('status', { name: 'Unsaved changes' })).toBeInTheDocument();
}

describe('App', () => {
  it('shows the sign-in screen when there is no session to resume', async () => {
    setup({ resume_session: () => null });
    expect(await screen.findByRole('button', { name: 'Try the demo workspace' })).toBeInTheDocument();
  });

  it('resumes the last workspace', async () => {
    setup();
    expect(await screen.findByRole('listbox', { name: 'Trainings' })).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByRole('combobox', { name: 'Workspace' })).getAllByRole('option')).toHaveLength(2));
  });

  it('asks before switching trainings with unsaved changes', async () => {
    const { user } = setup();
    await makeDirty(user);

    await openTraining(user, /^Shipping times/);
    const dialog = screen.getByRole('dialog', { name: 'Unsaved changes' });
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (edited)');

    await openTraining(user, /^Shipping times/);
    await user.click(within(screen.getByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Shipping times');
    expect(screen.queryByRole('status', { name: 'Unsaved changes' })).not.toBeInTheDocument();
  });

  it('switches trainings without asking when nothing is unsaved', async () => {
    const { user } = setup();
    await openTraining(user, /^Refund policy/);
    await openTraining(user, /^Shipping times/);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Shipping times');
  });

  it('Escape means "Keep editing", and focus goes back where it was', async () => {
    const { user } = setup();
    await makeDirty(user);
    const shipping = within(screen.getByRole('listbox', { name: 'Trainings' })).getByRole('option', { name: /^Shipping times/ });
    await user.click(shipping);
    expect(screen.getByRole('dialog', { name: 'Unsaved changes' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(shipping).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (edited)');
  });

  it('keeps Tab inside the dialog', async () => {
    const { user } = setup();
    await makeDirty(user);
    await openTraining(user, /^Shipping times/);
    const dialog = screen.getByRole('dialog', { name: 'Unsaved changes' });
    const discard = within(dialog).getByRole('button', { name: 'Discard changes' });
    const keep = within(dialog).getByRole('button', { name: 'Keep editing' });
    expect(keep).toHaveFocus();
    await user.tab();
    expect(discard).toHaveFocus();
    await user.tab({ shift: true });
    expect(keep).toHaveFocus();
  });

  it('closes the window at once when nothing is unsaved', async () => {
    const { backend } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await backend.emit('close-requested', { job_running: false });
    await waitFor(() => expect(backend.callsTo('confirm_close')).toHaveLength(1));
  });

  it('asks before closing the window with unsaved changes', async () => {
    const { backend, user } = setup();
    await makeDirty(user);
    await backend.emit('close-requested', { job_running: false });
    const dialog = await screen.findByRole('dialog', { name: 'Unsaved changes' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(backend.callsTo('confirm_close')).toEqual([]);

    await backend.emit('close-requested', { job_running: false });
    await user.click(within(await screen.findByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(backend.callsTo('confirm_close')).toHaveLength(1));
  });

  it('asks once when the window is closed twice in a row', async () => {
    const { backend, user } = setup();
    await makeDirty(user);
    await backend.emit('close-requested', { job_running: false });
    await backend.emit('close-requested', { job_running: false });
    expect(await screen.findAllByRole('dialog', { name: 'Unsaved changes' })).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(backend.callsTo('confirm_close')).toHaveLength(2));
  });

  it('asks before switching workspace with unsaved changes', async () => {
    const { backend, user } = setup({ switch_workspace: () => OTHER_WORKSPACE });
    await makeDirty(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Workspace' }), 'Sales team');
    await user.click(within(screen.getByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Keep editing' }));
    expect(backend.callsTo('switch_workspace')).toEqual([]);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Workspace' }), 'Sales team');
    await user.click(within(screen.getByRole('dialog', { name: 'Unsaved changes' })).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(backend.callsTo('switch_workspace')).toEqual([{ id: 'ws-2' }]));
    await waitFor(() => expect(backend.callsTo('load_workspace')).toHaveLength(2));
  });

  it('signs out, keeping the data on this computer, and goes back to sign-in when no workspace is left', async () => {
    const { backend, user } = setup({ sign_out: () => ({ workspaces: [], active_id: null }) });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of “Support team”?' });
    expect(within(dialog).getByRole('checkbox', { name: "Also remove this workspace's data from this computer" })).not.toBeChecked();
    expect(backend.callsTo('sign_out')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Try the demo workspace' })).toBeInTheDocument();
    expect(backend.callsTo('sign_out')).toEqual([{ id: 'ws-1', removeLocalData: false }]);
  });

  it('warns that removing the data drops changes still waiting to be sent, and removes it when asked', async () => {
    const { backend, user } = setup({
      sign_out: () => ({ workspaces: [], active_id: null }),
      outbox_list: () => ({ entries: [], waiting: 2, landed: [] }),
    });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out of “Support team”?' });
    expect(within(dialog).getByText(/2 changes are still waiting to be sent/)).toHaveTextContent(/nothing is sent while you are signed out/);
    await user.click(within(dialog).getByRole('checkbox', { name: "Also remove this workspace's data from this computer" }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('2 changes are still waiting to be sent to open.cx. Removing the data drops them.');
    await user.click(within(dialog).getByRole('button', { name: 'Sign out and remove data' }));
    await waitFor(() => expect(backend.callsTo('sign_out')).toEqual([{ id: 'ws-1', removeLocalData: true }]));
  });

  it('signs out of nothing when the question is cancelled', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.callsTo('sign_out')).toEqual([]);
  });

  it('tells when a request waits for open.cx before trying again', async () => {
    const { backend } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await backend.emit('api-waiting', { seconds: 12, attempt: 2 });
    await waitFor(() =>
      expect(screen.getAllByRole('status').some((s) => s.textContent === 'Waiting for open.cx — trying again in 12 s')).toBe(true),
    );
  });

  it('signs in again after a rejected key without losing the edit', async () => {
    let keyValid = false;
    const t = workspaceData().trainings.find((x) => x.id === 't-refund');
    const { backend, user } = setup({
      save_training: (args) =>
        keyValid
          ? { status: 'saved', training: training({ ...t, draft_title: (args.draft as TrainingDraft).title }), differences: [] }
          : Promise.reject({ kind: 'unauthorized', message: 'open.cx did not accept this API key (401).' }),
      sign_in: () => {
        keyValid = true;
        return WORKSPACE;
      },
    });
    await makeDirty(user);
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your key was rejected — sign in again');

    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign in again' });
    expect(within(dialog).getByRole('textbox', { name: 'Workspace name' })).toHaveValue('Support team');
    expect(within(dialog).getByLabelText('API key')).toHaveFocus();
    await user.type(within(dialog).getByLabelText('API key'), 'ocx_live_new');
    await user.click(within(dialog).getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('sign_in')).toEqual([
      { name: 'Support team', baseUrl: 'https://api.open.cx', apiKey: 'ocx_live_new' },
    ]);
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (edited)');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Unsaved changes' })).not.toBeInTheDocument());
    expect(backend.callsTo('load_workspace')).toHaveLength(1);
    expect(screen.getByTestId('announcer')).toHaveTextContent('Draft saved.');
  });

  it('asks before closing the window while a job runs, and stops the job when told to', async () => {
    const { backend, user } = setup({ start_job: () => 'job-1', cancel_job: () => null });
    await openTraining(user, /^Shipping times/);
    await user.keyboard('{Control>}{Shift>}m{/Shift}{/Control}');
    await user.keyboard('tone{Enter}');
    await waitFor(() => expect(backend.callsTo('start_job')).toHaveLength(1));

    await backend.emit('close-requested', { job_running: false });
    let dialog = await screen.findByRole('dialog', { name: 'A job is still running' });
    expect(dialog).toHaveTextContent('Moving 1 training to Tone of voice: 0 of 1 done. If you leave now, the rest is not done.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep working' }));
    expect(backend.callsTo('confirm_close')).toEqual([]);
    expect(backend.callsTo('cancel_job')).toEqual([]);

    await backend.emit('close-requested', { job_running: false });
    dialog = await screen.findByRole('dialog', { name: 'A job is still running' });
    await user.click(within(dialog).getByRole('button', { name: 'Stop the job and leave' }));
    await waitFor(() => expect(backend.callsTo('confirm_close')).toHaveLength(1));
    expect(backend.callsTo('cancel_job')).toEqual([{ jobId: 'job-1' }]);
  });

  it('asks too when the shell says a job runs that this view does not know of', async () => {
    const { backend, user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await backend.emit('close-requested', { job_running: true });
    const dialog = await screen.findByRole('dialog', { name: 'A job is still running' });
    expect(dialog).toHaveTextContent('A bulk change is still running. If you leave now, the rest is not done.');
    await user.click(within(dialog).getByRole('button', { name: 'Stop the job and leave' }));
    await waitFor(() => expect(backend.callsTo('confirm_close')).toHaveLength(1));
  });
});
