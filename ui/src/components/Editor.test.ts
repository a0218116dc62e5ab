import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Review } from '../lib/bindings/Review';
import type { SaveOutcome } from '../lib/bindings/SaveOutcome';
import type { Training } from '../lib/bindings/Training';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { deferred, fakeBackend, ipcFailure, type Handler } from '../test/backend';
import { contentView, selectContent, setContent } from '../test/editor';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import Editor from './Editor.svelte';

const REVIEW: Review = {
  changes: [{ field: 'title', label: 'Title', before: 'Refund policy', after: 'Refunds' }],
  content_diff: [
    { tag: 'delete', text: 'old line' },
    { tag: 'insert', text: 'new line' },
  ],
  rendered: { first_html: '<h2>Rendered review</h2>', more_markdown: [] },
  publish: false,
  lead: 'Saving a draft keeps it in open.cx without changing what the AI agent uses.', out_of_use: null,
};

/** The server answer to a save: the draft applied (live text only when publishing). */
function applied(t: Training, draft: TrainingDraft, publish: boolean): Training {
  const base = {
    ...t,
    type: draft.training_type,
    directory_id: draft.directory_id,
    restricted_to_channels: draft.restricted_to_channels,
    restricted_to_segments: draft.restricted_to_segments,
  };
  return publish
    ? { ...base, title: draft.title, content: draft.content, draft_title: null, draft_content: null, is_draft: false, current_version: (t.current_version ?? 0) + 1 }
    : { ...base, draft_title: draft.title, draft_content: draft.content, is_draft: t.current_version === null };
}

/** A save that reached open.cx. */
const saved = (training: Training): SaveOutcome => ({ status: 'saved', training, differences: [] });

function setup(t: Training = training(), handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    review_changes: (args) => ({ ...REVIEW, publish: args.publish }),
    save_training: (args) => saved(applied(t, args.draft as TrainingDraft, args.publish as boolean)),
    ...handlers,
  });
  const onsaved = vi.fn();
  const onreauth = vi.fn(async () => true);
  const result = render(Editor, { training: t, directories: DIRECTORIES, segments: SEGMENTS, onsaved, onreauth });
  return { backend, onsaved, onreauth, user: userEvent.setup(), ...result };
}

const unsaved = () => screen.queryByRole('status', { name: 'Unsaved changes' });

describe('Editor', () => {
  it('shows the training and marks unsaved changes only while the form differs', async () => {
    const { user } = setup(training({ title: 'Refund policy', content: 'Be kind.' }));
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Refund policy');
    expect(contentView().state.doc.toString()).toBe('Be kind.');
    expect(screen.getByRole('status', { name: 'Live' })).toBeInTheDocument();
    expect(unsaved()).toBeNull();

    await user.type(title, '!');
    expect(unsaved()).toBeInTheDocument();
    await user.type(title, '{Backspace}');
    expect(unsaved()).toBeNull();

    setContent('Be kind and brief.');
    await waitFor(() => expect(unsaved()).toBeInTheDocument());
    setContent('Be kind.');
    await waitFor(() => expect(unsaved()).toBeNull());
  });

  it('says "Live, with unpublished changes" and starts from the draft text', () => {
    setup(training({ title: 'Live', draft_title: 'Being edited', current_version: 2 }));
    expect(screen.getByRole('status', { name: 'Live, with unpublished changes' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Being edited');
  });

  it('offers the two types as plain radio choices with explanations', async () => {
    const { user } = setup();
    const group = screen.getByRole('radiogroup', { name: 'Type' });
    const whenAsked = within(group).getByRole('radio', { name: 'When asked' });
    const alwaysOn = within(group).getByRole('radio', { name: 'Always on' });
    expect(whenAsked).toBeChecked();
    expect(whenAsked).toHaveAccessibleDescription("Used when a customer's question matches this scenario.");
    expect(alwaysOn).toHaveAccessibleDescription('Applies to every conversation: tone, guardrails.');
    await user.click(alwaysOn);
    expect(unsaved()).toBeInTheDocument();
  });

  it('says "All channels" when no channel is ticked', async () => {
    const { user } = setup(training({ restricted_to_channels: [] }));
    const channels = screen.getByRole('group', { name: 'Channels' });
    expect(within(channels).getAllByRole('checkbox')).toHaveLength(10);
    expect(within(channels).getByText('All channels')).toBeInTheDocument();

    await user.click(within(channels).getByRole('checkbox', { name: 'WhatsApp' }));
    expect(within(channels).queryByText('All channels')).not.toBeInTheDocument();
    await user.click(within(channels).getByRole('checkbox', { name: 'WhatsApp' }));
    expect(within(channels).getByText('All channels')).toBeInTheDocument();
    expect(unsaved()).toBeNull();
  });

  it('keeps an unknown segment ticked, visible and in the saved draft', async () => {
    const unknown = '9f8e7d6c-5b4a-4321-8000-00000000abcd';
    const { user, backend } = setup(training({ restricted_to_segments: [unknown, 'seg-vip-0001'] }));
    const segments = screen.getByRole('group', { name: 'Segments' });
    const stranger = within(segments).getByRole('checkbox', { name: 'Unknown segment (9f8e7d6c…)' });
    expect(stranger).toBeChecked();
    expect(within(segments).getByRole('checkbox', { name: 'VIP customers' })).toBeChecked();
    expect(within(segments).getByRole('checkbox', { name: 'Trial users' })).not.toBeChecked();
    expect(within(segments).queryByText('All customers')).not.toBeInTheDocument();

    await user.click(within(segments).getByRole('checkbox', { name: 'Trial users' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    const [saved] = backend.callsTo('save_training');
    expect((saved?.draft as TrainingDraft).restricted_to_segments).toEqual([unknown, 'seg-vip-0001', 'seg-trial-0002']);
  });

  it('does not hide an unknown segment once it is unticked', async () => {
    const unknown = '9f8e7d6c-5b4a-4321-8000-00000000abcd';
    const { user } = setup(training({ restricted_to_segments: [unknown] }));
    const segments = screen.getByRole('group', { name: 'Segments' });
    await user.click(within(segments).getByRole('checkbox', { name: 'Unknown segment (9f8e7d6c…)' }));
    expect(within(segments).getByRole('checkbox', { name: 'Unknown segment (9f8e7d6c…)' })).not.toBeChecked();
    expect(within(segments).getByText('All customers')).toBeInTheDocument();
    expect(unsaved()).toBeInTheDocument();
  });

  it('keeps a channel code it does not know, ticked and sent back', async () => {
    const { user, backend } = setup(training({ restricted_to_channels: ['email', 'carrier_pigeon'] }));
    const channels = screen.getByRole('group', { name: 'Channels' });
    expect(within(channels).getByRole('checkbox', { name: 'Other channel (carrier_pigeon)' })).toBeChecked();
    expect(within(channels).queryByText('All channels')).not.toBeInTheDocument();
    await user.click(within(channels).getByRole('checkbox', { name: 'SMS' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    const [saved] = backend.callsTo('save_training');
    expect((saved?.draft as TrainingDraft).restricted_to_channels).toEqual(['email', 'carrier_pigeon', 'sms']);
  });

  it('closes the review with Escape and gives focus back to the button', async () => {
    const { user, backend } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    const publish = screen.getByRole('button', { name: 'Publish' });
    await user.click(publish);
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    expect(within(dialog).getByRole('button', { name: 'Publish now' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(publish).toHaveFocus();
    expect(backend.callsTo('save_training')).toEqual([]);
  });

  it('opens and closes the review without adding or removing a child beside the editor\'s content', async () => {
    // WebKit restyles the whole subtree of an element that stops being the last child: a
    // dialog added after the editor's body (a long preview in it) froze the window for seconds.
    const { user } = setup();
    const editor = screen.getByRole('region', { name: 'Editor' });
    const children = [...editor.children];
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    expect([...editor.children]).toEqual(children);
    expect(children.at(-1)).toContainElement(dialog);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect([...editor.children]).toEqual(children);
  });

  it('starts "Save draft" with Ctrl+S', async () => {
    const { user, backend } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.keyboard('{Control>}s{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Review changes' })).toBeInTheDocument();
    expect(backend.callsTo('review_changes')[0]?.publish).toBe(false);
  });

  it('says "All customers" when no segment is ticked', () => {
    setup(training({ restricted_to_segments: [] }));
    expect(within(screen.getByRole('group', { name: 'Segments' })).getByText('All customers')).toBeInTheDocument();
  });

  it('reviews, then saves exactly the edited draft and shows the server answer', async () => {
    const t = training({ title: 'Refund policy', content: 'Old text', directory_id: null, restricted_to_channels: [] });
    const { user, backend, onsaved } = setup(t);

    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Refunds');
    setContent('New text');
    await user.click(screen.getByRole('radio', { name: 'Always on' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Directory' }), 'Billing');
    await user.click(screen.getByRole('checkbox', { name: 'Email' }));
    await user.click(screen.getByRole('checkbox', { name: 'Web chat' }));

    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    const expected: TrainingDraft = {
      title: 'Refunds',
      content: 'New text',
      training_type: 'BEHAVIORAL',
      directory_id: 'dir-billing',
      restricted_to_channels: ['email', 'web'],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    };
    expect(backend.callsTo('review_changes')).toEqual([{ id: t.id, draft: expected, publish: true }]);
    expect(backend.callsTo('save_training')).toEqual([]);

    // The change list, the diff marked + and −, and the rendered preview.
    expect(within(dialog).getByText('Title')).toBeInTheDocument();
    expect(within(dialog).getByText('Refund policy')).toBeInTheDocument();
    expect(within(dialog).getByText('Refunds')).toBeInTheDocument();
    const diff = within(dialog).getByRole('list', { name: 'Content changes' });
    const [removed, added] = within(diff).getAllByRole('listitem');
    expect(removed).toHaveTextContent('− Removed: old line');
    expect(removed).toHaveClass('delete');
    expect(added).toHaveTextContent('+ Added: new line');
    expect(added).toHaveClass('insert');
    expect(within(dialog).getByRole('heading', { name: 'Rendered review' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Publish now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(backend.callsTo('save_training')).toEqual([{ id: t.id, draft: expected, publish: true, base: t }]);
    expect(onsaved).toHaveBeenCalledTimes(1);
    expect(unsaved()).toBeNull();
    expect(screen.getByRole('status', { name: 'Live' })).toBeInTheDocument();
  });

  it('shows the form as the server answered it', async () => {
    // The server trims the title: the form follows the server, and nothing is left unsaved.
    const t = training({ title: 'Refund policy' });
    const { user } = setup(t, {
      save_training: (args) => saved({ ...applied(t, args.draft as TrainingDraft, false), draft_title: 'Trimmed by server' }),
    });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' x');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Trimmed by server'));
    expect(unsaved()).toBeNull();
    expect(screen.getByRole('status', { name: 'Live, with unpublished changes' })).toBeInTheDocument();
  });

  it('"Keep editing" closes the review without saving', async () => {
    const { user, backend } = setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.callsTo('save_training')).toEqual([]);
    expect(unsaved()).toBeInTheDocument();
  });

  it('asks for a title and content next to the fields and sends nothing', async () => {
    const { user, backend } = setup();
    await user.clear(screen.getByRole('textbox', { name: 'Title' }));
    setContent('   ');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription('Give this training a title.');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Content' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/the content cannot be empty/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    expect(backend.callsTo('review_changes')).toEqual([]);
    expect(backend.callsTo('save_training')).toEqual([]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('shows a 400 from the server next to the form and keeps the edit', async () => {
    const { user } = setup(training(), { save_training: ipcFailure('validation', 'body/title must be string') });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (new)');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('body/title must be string');
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (new)');
    expect(unsaved()).toBeInTheDocument();
  });

  it('on a network failure keeps the edit and retries the same save', async () => {
    let attempts = 0;
    const t = training();
    const { user, backend } = setup(t, {
      save_training: (args) => {
        attempts += 1;
        if (attempts === 1) return Promise.reject({ kind: 'network', message: "Couldn't reach open.cx at api.open.cx." });
        return saved(applied(t, args.draft as TrainingDraft, false));
      },
    });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' v2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't reach open.cx — your changes are kept");
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy v2');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    const saves = backend.callsTo('save_training');
    expect(saves).toHaveLength(2);
    expect(saves[1]).toEqual(saves[0]);
    expect(unsaved()).toBeNull();
  });

  it('treats a timeout like a network failure', async () => {
    const { user } = setup(training(), { review_changes: ipcFailure('timeout', 'open.cx took too long to answer.') });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't reach open.cx — your changes are kept");
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('on a rejected key asks to sign in again and keeps the edit', async () => {
    const { user, onreauth } = setup(training(), {
      save_training: ipcFailure('unauthorized', 'open.cx did not accept this API key (401).'),
    });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' v2');
    setContent('Kept text');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await user.click(await screen.findByRole('button', { name: 'Publish now' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your key was rejected — sign in again');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    expect(onreauth).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy v2');
    expect(contentView().state.doc.toString()).toBe('Kept text');
    expect(unsaved()).toBeInTheDocument();
  });

  it('keeps what was typed while a save was on its way', async () => {
    const t = training();
    const answer = deferred<SaveOutcome>();
    const { user } = setup(t, { save_training: () => answer.promise });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' v2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    setContent('Typed during the save');
    answer.resolve(saved({ ...t, draft_title: 'Refund policy v2' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(contentView().state.doc.toString()).toBe('Typed during the save');
    expect(unsaved()).toBeInTheDocument();
  });

  it('formats the selection from the toolbar, and undo takes it back', async () => {
    const { user } = setup(training({ content: 'Be kind' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Formatting' });
    for (const name of ['Bold', 'Italic', 'Heading', 'Bulleted list', 'Numbered list', 'Link', 'Quote']) {
      expect(within(toolbar).getByRole('button', { name })).toBeEnabled();
    }
    selectContent(3, 7);
    await user.click(within(toolbar).getByRole('button', { name: 'Bold' }));
    expect(contentView().state.doc.toString()).toBe('Be **kind**');
    await user.click(within(toolbar).getByRole('button', { name: 'Bulleted list' }));
    expect(contentView().state.doc.toString()).toBe('- Be **kind**');

    contentView().focus();
    await user.keyboard('{Control>}z{/Control}');
    expect(contentView().state.doc.toString()).toBe('Be **kind**');
  });

  it('renders the preview through the backend', async () => {
    const { backend } = setup(training({ content: 'Hello <b>there</b>' }));
    const preview = screen.getByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview.querySelector('.doc p')).toHaveTextContent('Hello <b>there</b>'));
    setContent('Second');
    await waitFor(() => expect(within(preview).getByText('Second')).toBeInTheDocument());
    expect(backend.callsTo('render_preview').at(-1)).toEqual({ markdown: 'Second', known: ['<p>Hello &lt;b&gt;there&lt;/b&gt;</p>'] });
  });

  it('keeps the unsaved form in the journal once typing stops, once, without blocking typing', async () => {
    const t = training({ title: 'Refund policy', content: 'Be kind.' });
    const { backend, user } = setup(t);
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.type(title, ' now');
    expect(title).toHaveValue('Refund policy now');
    expect(backend.callsTo('journal_write')).toHaveLength(0);
    await waitFor(() => expect(backend.callsTo('journal_write')).toHaveLength(1), { timeout: 3000 });
    expect(backend.callsTo('journal_write')[0]).toEqual({
      id: t.id,
      draft: expect.objectContaining({ title: 'Refund policy now', content: 'Be kind.' }),
      baseUpdatedAt: t.updated_at,
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(backend.callsTo('journal_write')).toHaveLength(1);
    expect(backend.callsTo('save_training')).toHaveLength(0);
  });

  it('writes at once when focus leaves the editor, and forgets the copy once nothing is unsaved', async () => {
    const t = training({ title: 'Refund policy', content: 'Be kind.' });
    const { backend, user } = setup(t);
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.type(title, '!');
    title.blur();
    await waitFor(() => expect(backend.callsTo('journal_write')).toHaveLength(1), { timeout: 300 });
    await user.type(title, '{Backspace}');
    await waitFor(() => expect(backend.callsTo('journal_discard')).toEqual([{ id: t.id }]), { timeout: 3000 });
  });
});
