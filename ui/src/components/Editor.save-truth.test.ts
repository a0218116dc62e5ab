// Issue 10, part 4 in the editor: "Save draft" on a workspace where a saved draft takes a live
// training out of use says so and offers "Publish now" and "Keep the live one, save as a separate
// draft"; after a save, what open.cx did differently from the review is shown and read out.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { OutOfUse } from '../lib/bindings/OutOfUse';
import type { Review } from '../lib/bindings/Review';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import type { Written } from '../lib/bindings/Written';
import { deferred, fakeBackend, ipcFailure, type Handler } from '../test/backend';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import Editor from './Editor.svelte';

const LIVE = training({ title: 'Refund policy', content: 'Within 30 days.' });
const WARNING = 'Saving a draft takes “Refund policy” out of use until it is published: the AI agent stops using it in the meantime.';

/** The backend's review on a workspace where a saved draft does what `outOfUse` says. */
function reviewOn(outOfUse: OutOfUse | null): Handler {
  return (args): Review => {
    const publish = args.publish === true;
    return {
      changes: [{ field: 'state', label: 'State', before: 'Live', after: publish ? 'Live' : 'Draft, out of use until published' }],
      content_diff: [],
      rendered: { first_html: '<p>x</p>', more_markdown: [] },
      publish,
      lead: publish ? 'Publishing makes this version live: the AI agent starts using it right away.' : WARNING,
      out_of_use: publish ? null : outOfUse,
    };
  };
}

const COPY = training({
  id: 'a1b2c3d4-0000-4000-8000-000000000099',
  title: 'Refund policy (draft copy)',
  content: 'Within 60 days.',
  is_draft: true,
  current_version: null,
});

function setup(handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({ review_changes: reviewOn('certain'), ...handlers });
  const onsaved = vi.fn();
  const onseparated = vi.fn();
  render(Editor, {
    training: LIVE,
    directories: DIRECTORIES,
    segments: SEGMENTS,
    onsaved,
    onseparated,
    onreauth: vi.fn(async () => true),
  });
  return { backend, onsaved, onseparated, user: userEvent.setup() };
}

async function editAndAskToSaveDraft(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (new)');
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  return screen.findByRole('dialog', { name: 'Review changes' });
}

describe('Editor: Save draft tells the truth', () => {
  it('warns that a draft takes the live training out of use and offers the careful choices', async () => {
    const { user, backend } = setup();
    const dialog = await editAndAskToSaveDraft(user);
    expect(within(dialog).getByRole('region', { name: WARNING })).toBeInTheDocument();
    const separate = within(dialog).getByRole('button', { name: 'Keep the live one, save as a separate draft' });
    // The safe choice is the one focused; the risky one no longer looks like the main action.
    expect(separate).toHaveFocus();
    expect(separate).toHaveAccessibleDescription(/stays in use exactly as it is/);
    expect(within(dialog).getByRole('button', { name: 'Publish now' })).toBeInTheDocument();
    const anyway = within(dialog).getByRole('button', { name: 'Save draft anyway' });
    expect(anyway).not.toHaveClass('primary');
    expect(within(dialog).queryByRole('button', { name: 'Save draft now' })).toBeNull();
    expect(backend.callsTo('save_training')).toEqual([]);
  });

  it('says "may" when the rules are unknown, with the same choices', async () => {
    const { user } = setup({
      review_changes: (args) => ({
        ...(reviewOn('possible')(args) as Review),
        lead: 'Saving a draft may take “Refund policy” out of use until it is published.',
      }),
    });
    const dialog = await editAndAskToSaveDraft(user);
    expect(within(dialog).getByText('Saving a draft may take “Refund policy” out of use until it is published.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Keep the live one, save as a separate draft' })).toBeInTheDocument();
  });

  it('keeps today\'s dialog where a draft waits beside the live version', async () => {
    const { user } = setup({
      review_changes: (args) => ({
        ...(reviewOn(null)(args) as Review),
        lead: 'Saving a draft keeps it in open.cx without changing what the AI agent uses.',
      }),
    });
    const dialog = await editAndAskToSaveDraft(user);
    expect(dialog).toHaveTextContent('Saving a draft keeps it in open.cx without changing what the AI agent uses.');
    expect(within(dialog).getByRole('button', { name: 'Save draft now' })).toHaveFocus();
    expect(within(dialog).queryByRole('button', { name: 'Keep the live one, save as a separate draft' })).toBeNull();
  });

  it('"Publish now" turns the same review into a publish, which is sent only when confirmed', async () => {
    const { user, backend } = setup({
      save_training: (args) => ({
        status: 'saved',
        training: { ...LIVE, title: (args.draft as TrainingDraft).title, current_version: 2 },
        differences: [],
      }),
    });
    const first = await editAndAskToSaveDraft(user);
    await user.click(within(first).getByRole('button', { name: 'Publish now' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Publish now' })).toHaveFocus());
    expect(dialog).toHaveTextContent('Publishing makes this version live');
    expect(within(dialog).queryByRole('button', { name: 'Keep the live one, save as a separate draft' })).toBeNull();
    const asked = backend.callsTo('review_changes');
    expect(asked.map((a) => a.publish)).toEqual([false, true]);
    expect(asked[1]?.draft).toEqual(asked[0]?.draft);
    expect(backend.callsTo('save_training')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Publish now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('save_training')).toEqual([expect.objectContaining({ publish: true, draft: asked[0]?.draft })]);
  });

  it('"Keep the live one" sends a separate draft, never saves this training, and lets the edit go', async () => {
    const held = deferred<Written>();
    const { user, backend, onseparated, onsaved } = setup({ save_as_separate_draft: () => held.promise });
    const dialog = await editAndAskToSaveDraft(user);
    await user.click(within(dialog).getByRole('button', { name: 'Keep the live one, save as a separate draft' }));
    expect(within(dialog).getByRole('button', { name: 'Saving the separate draft…' })).toBeDisabled();
    const [asked] = backend.callsTo('save_as_separate_draft');
    expect(asked).toEqual({ id: LIVE.id, draft: expect.objectContaining({ title: 'Refund policy (new)' }) });

    held.resolve({ training: COPY, differences: [] });
    await waitFor(() => expect(onseparated).toHaveBeenCalledWith({ training: COPY, differences: [] }, 'Refund policy'));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The live training's form is back to what open.cx has: nothing unsaved is left behind.
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy');
    expect(screen.queryByRole('status', { name: 'Unsaved changes' })).toBeNull();
    expect(backend.callsTo('save_training')).toEqual([]);
    expect(onsaved).not.toHaveBeenCalled();
  });

  it('keeps the edit when the separate draft is refused', async () => {
    const { user, onseparated } = setup({
      save_as_separate_draft: ipcFailure('network', 'open.cx could not be reached. Check your connection, then try again.'),
    });
    const dialog = await editAndAskToSaveDraft(user);
    await user.click(within(dialog).getByRole('button', { name: 'Keep the live one, save as a separate draft' }));
    expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't reach open.cx — your changes are kept");
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (new)');
    expect(onseparated).not.toHaveBeenCalled();
  });

  it('after a save, says what open.cx did differently from the review until dismissed', async () => {
    const said = ['open.cx took this training out of use: the AI agent does not use it until it is published.'];
    const { user } = setup({
      review_changes: reviewOn(null),
      save_training: () => ({ status: 'saved', training: { ...LIVE, is_draft: true }, differences: said }),
    });
    const dialog = await editAndAskToSaveDraft(user);
    await user.click(within(dialog).getByRole('button', { name: 'Save draft now' }));
    const alert = await screen.findByRole('alert', { name: 'open.cx did not do exactly what the review said' });
    expect(within(alert).getByRole('listitem')).toHaveTextContent(said[0] as string);
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows nothing more when open.cx did what the review said', async () => {
    const { user } = setup({
      review_changes: reviewOn(null),
      save_training: () => ({ status: 'saved', training: { ...LIVE, draft_title: 'Refund policy (new)' }, differences: [] }),
    });
    const dialog = await editAndAskToSaveDraft(user);
    await user.click(within(dialog).getByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
