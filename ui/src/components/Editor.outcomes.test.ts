// Issue 5 in the editor: a save that waits in the outbox, a save that meets someone else's change
// (the conflict view: Keep mine, Take theirs, Edit the merge, Cancel), and History.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Conflict } from '../lib/bindings/Conflict';
import type { HistoryEntry } from '../lib/bindings/HistoryEntry';
import type { Review } from '../lib/bindings/Review';
import type { Training } from '../lib/bindings/Training';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { fakeBackend, type Handler } from '../test/backend';
import { contentView } from '../test/editor';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import Announcer from './Announcer.svelte';
import Editor from './Editor.svelte';

const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };
const MINE_T = training({ title: 'Refund policy', content: 'Within 30 days.' });
const THEIRS: Training = {
  ...MINE_T,
  draft_title: 'Refund policy (theirs)',
  draft_content: 'Within 14 days.',
  restricted_to_channels: ['email'],
  updated_at: '2025-02-01T09:00:00.000Z',
};

function conflictFor(mine: TrainingDraft, publish: boolean): Conflict {
  return {
    training_id: MINE_T.id,
    base: MINE_T,
    theirs: THEIRS,
    mine,
    publish,
    // As Rust words them (the backend here is a mock).
    rows: [
      { field: 'title', label: 'Title', base: 'Refund policy', theirs: 'Refund policy (theirs)', mine: mine.title, differs: true },
      { field: 'directory', label: 'Directory', base: 'No directory', theirs: 'No directory', mine: 'No directory', differs: false },
      { field: 'channels', label: 'Channels', base: 'All channels', theirs: 'Email', mine: 'All channels', differs: true },
    ],
    theirs_changes: {
      ...REVIEW,
      content_diff: [
        { tag: 'delete', text: 'Within 30 days.' },
        { tag: 'insert', text: 'Within 14 days.' },
      ],
    },
    mine_changes: { ...REVIEW, content_diff: [{ tag: 'equal', text: 'Within 30 days.' }] },
  };
}

function setup(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({ review_changes: (args) => ({ ...REVIEW, publish: args.publish }), ...handlers });
  const onsaved = vi.fn();
  const onqueued = vi.fn();
  render(Editor, {
    training: MINE_T,
    directories: DIRECTORIES,
    segments: SEGMENTS,
    onsaved,
    onqueued,
    onreauth: vi.fn(async () => true),
  });
  render(Announcer);
  return { backend, onsaved, onqueued, user: userEvent.setup() };
}

const unsaved = () => screen.queryByRole('status', { name: 'Unsaved changes' });

async function editAndSave(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (mine)');
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
}

/** save_training: a conflict while `base` is the old version, then saved. */
function conflictThenSaved(): Handler {
  return (args) => {
    const draft = args.draft as TrainingDraft;
    const from = args.base as Training;
    if (from.updated_at === MINE_T.updated_at) return { status: 'conflict', conflict: conflictFor(draft, args.publish as boolean) };
    return {
      status: 'saved',
      differences: [],
      training: { ...THEIRS, draft_title: draft.title, draft_content: draft.content, updated_at: '2025-02-01T10:00:00.000Z' },
    };
  };
}

describe('Editor: offline saves', () => {
  it('a save that waits in the outbox counts as sent and says so', async () => {
    const { user, backend, onqueued, onsaved } = setup({ save_training: () => ({ status: 'queued', waiting: 1 }) });
    await editAndSave(user);
    expect(
      await screen.findByText('Waiting to send — kept on this computer; it goes to open.cx when the connection returns.', {
        selector: '.hint',
      }),
    ).toBeInTheDocument();
    expect(unsaved()).toBeNull();
    expect(onqueued).toHaveBeenCalledTimes(1);
    expect(onsaved).not.toHaveBeenCalled();
    expect(backend.callsTo('save_training')[0]).toMatchObject({ id: MINE_T.id, base: MINE_T });
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (mine)');
  });
});

describe('Editor: a save held in the outbox', () => {
  it('says it was not sent when the outbox holds it back', async () => {
    fakeBackend();
    const { rerender } = render(Editor, {
      training: MINE_T,
      directories: DIRECTORIES,
      segments: SEGMENTS,
      onsaved: vi.fn(),
      onreauth: vi.fn(async () => true),
      outbox: 'waiting',
    });
    expect(screen.getByText(/^Waiting to send — kept on this computer/)).toBeInTheDocument();
    await rerender({ outbox: 'conflict' });
    expect(screen.getByText('Not sent: someone changed this training on open.cx meanwhile. See “Waiting to send”.')).toBeInTheDocument();
    await rerender({ outbox: null });
    expect(screen.queryByText(/Not sent|Waiting to send/)).toBeNull();
  });
});

describe('Editor: reopening a training whose save waits in the outbox', () => {
  it('opens with the waiting text, as sent, and saves on top of it against the same server version', async () => {
    const backend = fakeBackend({
      review_changes: (args) => ({ ...REVIEW, publish: args.publish }),
      save_training: () => ({ status: 'queued', waiting: 2 }),
    });
    const waiting: TrainingDraft = {
      title: 'Refund policy (offline)',
      content: 'Within 45 days.',
      training_type: MINE_T.type,
      directory_id: MINE_T.directory_id,
      restricted_to_channels: [],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    };
    const { rerender } = render(Editor, {
      training: MINE_T,
      directories: DIRECTORIES,
      segments: SEGMENTS,
      onsaved: vi.fn(),
      onreauth: vi.fn(async () => true),
      waiting,
      outbox: 'waiting',
    });
    const user = userEvent.setup();
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Refund policy (offline)');
    // The workspace is read again: the same server version does not replace the waiting text.
    await rerender({ training: { ...MINE_T } });
    expect(title).toHaveValue('Refund policy (offline)');
    expect(unsaved()).toBeNull();
    expect(screen.getByText(/^Waiting to send — kept on this computer/)).toBeInTheDocument();
    await user.type(title, ' again');
    expect(unsaved()).not.toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(backend.callsTo('save_training')).toHaveLength(1));
    expect(backend.callsTo('save_training')[0]).toMatchObject({
      draft: { title: 'Refund policy (offline) again', content: 'Within 45 days.' },
      base: MINE_T,
    });
  });
});

describe('Editor: conflicts', () => {
  it('shows base, theirs and yours side by side with both content diffs, and writes nothing', async () => {
    const { user, backend } = setup({ save_training: conflictThenSaved() });
    await editAndSave(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this training' });
    const table = within(dialog).getByRole('table');
    const title = within(table).getByRole('row', { name: /Title/ });
    expect(within(title).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'Refund policy',
      'Refund policy (theirs)',
      'Refund policy (mine)',
    ]);
    const channels = within(table).getByRole('row', { name: /Channels/ });
    expect(within(channels).getAllByRole('cell').map((c) => c.textContent)).toEqual(['All channels', 'Email', 'All channels']);
    expect(within(dialog).getByRole('list', { name: 'Their content changes' })).toHaveTextContent('Added: Within 14 days.');
    expect(within(dialog).getByText('You did not change the content.')).toBeInTheDocument();
    expect(backend.callsTo('save_training')).toHaveLength(1);
    expect(screen.getByTestId('announcer')).toHaveTextContent('Nothing was overwritten');
  });

  it('Keep mine saves again on top of their version', async () => {
    const { user, backend, onsaved } = setup({ save_training: conflictThenSaved() });
    await editAndSave(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this training' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [first, second] = backend.callsTo('save_training');
    expect(second).toEqual({ ...first, base: THEIRS });
    expect(onsaved).toHaveBeenCalledTimes(1);
    expect(unsaved()).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (mine)');
  });

  it('Take theirs shows their version and forgets the edit', async () => {
    const { user, backend, onsaved } = setup({ save_training: conflictThenSaved() });
    await editAndSave(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this training' });
    await user.click(within(dialog).getByRole('button', { name: 'Take theirs' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (theirs)');
    expect(contentView().state.doc.toString()).toBe('Within 14 days.');
    expect(unsaved()).toBeNull();
    expect(onsaved).toHaveBeenCalledWith(THEIRS);
    await waitFor(() => expect(backend.callsTo('journal_discard')).toEqual([{ id: MINE_T.id }]));
    expect(backend.callsTo('save_training')).toHaveLength(1);
  });

  it('Cancel keeps the edit unsaved in the editor', async () => {
    const { user, backend } = setup({ save_training: conflictThenSaved() });
    await editAndSave(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this training' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (mine)');
    expect(unsaved()).toBeInTheDocument();
    expect(backend.callsTo('save_training')).toHaveLength(1);
  });

  it('Edit the merge: title and content from yours, editable, and yours or theirs per setting', async () => {
    const { user, backend } = setup({ save_training: conflictThenSaved() });
    await editAndSave(user);
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this training' });
    await user.click(within(dialog).getByRole('button', { name: 'Edit the merge' }));
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    const content = within(dialog).getByRole('textbox', { name: 'Content' });
    expect(title).toHaveValue('Refund policy (mine)');
    expect(content).toHaveValue('Within 30 days.');
    await user.clear(title);
    await user.paste('Refund policy (merged)');
    await user.clear(content);
    await user.paste('Within 21 days.');
    const channels = within(dialog).getByRole('group', { name: 'Channels' });
    expect(within(channels).getByRole('radio', { name: 'Yours: All channels' })).toBeChecked();
    await user.click(within(channels).getByRole('radio', { name: 'Theirs: Email' }));
    expect(within(dialog).queryByRole('group', { name: 'Directory' })).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Save merge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const second = backend.callsTo('save_training')[1];
    expect(second?.base).toEqual(THEIRS);
    expect(second?.draft).toMatchObject({
      title: 'Refund policy (merged)',
      content: 'Within 21 days.',
      restricted_to_channels: ['email'],
    });
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (merged)');
  });
});

describe('Editor: history', () => {
  const SUMMARIES = [
    { version: 2, saved_at: '2025-03-02T10:00:00Z', publish: true, title: 'Refund policy', content_chars: 15, open_cx_version: 2, differences: [] },
    { version: 1, saved_at: '2025-03-01T10:00:00Z', publish: false, title: 'Refunds, first try', content_chars: 20, open_cx_version: 1, differences: [] },
  ];
  const OLD: HistoryEntry = {
    version: 1,
    saved_at: '2025-03-01T10:00:00Z',
    workspace_id: 'ws-1',
    publish: false,
    sent: {
      title: 'Refunds, first try',
      content: 'Within 90 days.',
      training_type: 'SCENARIO_SPECIFIC',
      directory_id: 'dir-billing',
      restricted_to_channels: [],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    },
    answer: MINE_T,
    differences: [],
  };

  it('lists versions newest first, compares one with the form, and restores it as unsaved changes', async () => {
    const { user, backend } = setup({
      history_list: () => SUMMARIES,
      history_compare: () => ({
        ...REVIEW,
        changes: [{ field: 'title', label: 'Title', before: 'Refunds, first try', after: 'Refund policy' }],
        content_diff: [
          { tag: 'delete', text: 'Within 90 days.' },
          { tag: 'insert', text: 'Within 30 days.' },
        ],
      }),
      history_version: () => OLD,
    });
    await user.click(screen.getByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'History of “Refund policy”' });
    expect(dialog).toHaveTextContent('The last 200 saves are kept on this computer.');
    const versions = within(within(dialog).getByRole('list', { name: 'Versions' })).getAllByRole('button');
    // To the second, with open.cx's version number: two saves in one minute can be told apart.
    expect(versions.map((v) => v.textContent?.trim())).toEqual([
      expect.stringMatching(/^Published.*10:00:00.*open\.cx version 2.*Refund policy$/),
      expect.stringMatching(/^Draft saved.*10:00:00.*open\.cx version 1.*Refunds, first try$/),
    ]);
    expect(within(dialog).getByRole('button', { name: 'Restore into editor' })).toBeDisabled();

    await user.click(versions[1] as HTMLElement);
    expect(versions[1]).toHaveAttribute('aria-pressed', 'true');
    const compare = within(dialog).getByRole('region', { name: 'Compared with the editor' });
    expect(await within(compare).findByRole('list', { name: 'Content changes' })).toHaveTextContent('Removed: Within 90 days.');
    expect(backend.callsTo('history_compare')).toEqual([
      { id: MINE_T.id, version: 1, current: expect.objectContaining({ title: 'Refund policy', content: 'Within 30 days.' }) },
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Restore into editor' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refunds, first try');
    expect(contentView().state.doc.toString()).toBe('Within 90 days.');
    expect(screen.getByRole('combobox', { name: 'Directory' })).toHaveValue('dir-billing');
    expect(unsaved()).toBeInTheDocument();
    expect(backend.callsTo('save_training')).toHaveLength(0);
  });

  it('says when nothing has been saved yet', async () => {
    const { user } = setup();
    await user.click(screen.getByRole('button', { name: 'History' }));
    const dialog = await screen.findByRole('dialog', { name: 'History of “Refund policy”' });
    expect(await within(dialog).findByText(/No saves recorded yet/)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
