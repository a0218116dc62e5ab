// Issue 12 in the editor: "Similar trainings" (why, reach, the contradiction quoted from both),
// folded unless something needs a look, asked again after typing stops; Compare (side by side,
// with the diff); and "Merge into this one", whose other training goes only after a good save.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Review } from '../lib/bindings/Review';
import type { SimilarTraining } from '../lib/bindings/SimilarTraining';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { fakeBackend, type Handler } from '../test/backend';
import { contentView, setContent } from '../test/editor';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import Editor from './Editor.svelte';

const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };
const MINE = training({
  title: 'Do you match a lower price?',
  content: 'We match a lower price from another shop within 14 days of purchase.',
});
const OTHER_TITLE = 'Price match on WhatsApp';
const OTHER_CONTENT = 'We match a lower price from another shop within 30 days of purchase.';

function similar(overrides: Partial<SimilarTraining> = {}): SimilarTraining {
  return {
    id: 'other-1',
    title: OTHER_TITLE,
    content: OTHER_CONTENT,
    notable: true,
    similarity: {
      likeness: 'same_topic',
      reasons: ['Both about “match” and “price”'],
      wording_percent: 60,
      reach: { overlaps: true, sentence: 'Both on WhatsApp for all customers' },
      contradictions: [
        {
          kind: 'different_numbers',
          first: { sentence: MINE.content, start_utf16: 0, end_utf16: MINE.content.length },
          second: { sentence: OTHER_CONTENT, start_utf16: 0, end_utf16: OTHER_CONTENT.length },
          explanation: 'One says within 14 days, the other within 30 days.',
        },
      ],
    },
    content_diff: [
      { tag: 'delete', text: MINE.content },
      { tag: 'insert', text: OTHER_CONTENT },
    ],
    ...overrides,
  };
}

function setup(items: SimilarTraining[], handlers: Record<string, Handler> = {}) {
  const backend = fakeBackend({
    similar_trainings: () => ({ trainings: items, compared_percent: 100 }),
    review_changes: (args) => ({ ...REVIEW, publish: args.publish }),
    ...handlers,
  });
  const onmerged = vi.fn();
  const onsaved = vi.fn();
  render(Editor, {
    training: MINE,
    directories: DIRECTORIES,
    segments: SEGMENTS,
    onsaved,
    onmerged,
    onreauth: vi.fn(async () => true),
  });
  return { backend, onmerged, onsaved, user: userEvent.setup() };
}

/** The section's fold: a <details> named by its summary. */
const fold = async () => (await screen.findByText('Similar trainings')).closest('details');

describe('Editor: similar trainings', () => {
  it('lists one with why, whether reach overlaps, and the contradiction quoted from both, unfolded', async () => {
    const { backend } = setup([similar()]);
    const item = await screen.findByRole('listitem', { name: OTHER_TITLE });
    expect((await fold())?.open).toBe(true);
    expect(screen.getByText('1 needs a look')).toBeInTheDocument();
    expect(within(item).getByText('Both about “match” and “price”')).toBeInTheDocument();
    expect(within(item).getByText('Both on WhatsApp for all customers')).toBeInTheDocument();
    expect(within(item).getByRole('heading', { name: 'Possible contradiction' })).toBeInTheDocument();
    expect(within(item).getByText('One says within 14 days, the other within 30 days.')).toBeInTheDocument();
    const quotes = within(item).getAllByRole('blockquote');
    expect(quotes.map((q) => q.textContent?.trim())).toEqual([
      `This training: “${MINE.content}”`,
      `“${OTHER_TITLE}”: “${OTHER_CONTENT}”`,
    ]);
    const actions = within(item).getByRole('group', { name: `What to do with “${OTHER_TITLE}”` });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent?.trim())).toEqual([
      'Compare',
      'Merge into this one',
    ]);
    // Asked at once for the training as saved.
    expect(backend.callsTo('similar_trainings')[0]).toEqual({ id: MINE.id, draft: null });
  });

  it('stays folded to a count when nothing needs a look', async () => {
    setup([similar({ notable: false, similarity: { ...similar().similarity, contradictions: [] } })]);
    await screen.findByText('(1)');
    expect((await fold())?.open).toBe(false);
    expect(screen.queryByText(/needs? a look/)).toBeNull();
  });

  it('says "none" when nothing is similar', async () => {
    setup([]);
    expect(await screen.findByRole('heading', { name: 'Similar trainings: none' })).toBeInTheDocument();
  });

  it('asks again with the unsaved form a moment after typing stops', async () => {
    const { backend } = setup([]);
    await waitFor(() => expect(backend.callsTo('similar_trainings')).toHaveLength(1));
    setContent('We match a lower price within 30 days.');
    setContent('We match a lower price within 30 days of purchase.');
    await waitFor(() => expect(backend.callsTo('similar_trainings')).toHaveLength(2), { timeout: 2000 });
    const asked = backend.callsTo('similar_trainings')[1] as { id: string; draft: TrainingDraft };
    expect(asked.id).toBe(MINE.id);
    expect(asked.draft.content).toBe('We match a lower price within 30 days of purchase.');
  });

  it('Compare shows both texts side by side and the diff', async () => {
    const { user } = setup([similar()]);
    const item = await screen.findByRole('listitem', { name: OTHER_TITLE });
    await user.click(within(item).getByRole('button', { name: 'Compare' }));
    const dialog = screen.getByRole('dialog', { name: `Compare with “${OTHER_TITLE}”` });
    expect(within(dialog).getByRole('region', { name: 'This training' })).toHaveTextContent(MINE.content);
    expect(within(dialog).getByRole('region', { name: 'Similar training' })).toHaveTextContent(OTHER_CONTENT);
    const diff = within(dialog).getByRole('list', { name: `Differences between this training and “${OTHER_TITLE}”` });
    expect(within(diff).getAllByRole('listitem').map((l) => l.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      `− Removed: ${MINE.content}`,
      `+ Added: ${OTHER_CONTENT}`,
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Editor: merging a similar training into this one', () => {
  it('puts its text below, the review says it goes, and it goes only once this one is saved', async () => {
    const { user, backend, onmerged } = setup([similar()], {
      save_training: (args) => {
        const draft = args.draft as TrainingDraft;
        return { status: 'saved', differences: [], training: { ...MINE, draft_content: draft.content } };
      },
    });
    const item = await screen.findByRole('listitem', { name: OTHER_TITLE });
    await user.click(within(item).getByRole('button', { name: 'Merge into this one' }));
    expect(contentView().state.doc.toString()).toBe(`${MINE.content}\n\n${OTHER_CONTENT}`);
    expect(screen.getByText(`The text of “${OTHER_TITLE}” is below this training's. “${OTHER_TITLE}” is deleted once this training is saved.`)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const review = await screen.findByRole('dialog', { name: 'Review changes' });
    expect(
      within(review).getByText(/“Price match on WhatsApp” will be deleted once this training is saved/),
    ).toBeInTheDocument();
    expect(onmerged).not.toHaveBeenCalled();
    await user.click(within(review).getByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(onmerged).toHaveBeenCalledWith({ id: 'other-1', title: OTHER_TITLE }));
    expect(backend.callsTo('save_training')[0]).toMatchObject({
      draft: { content: `${MINE.content}\n\n${OTHER_CONTENT}` },
    });
  });

  it('deletes nothing when the save is refused, and "Keep" drops the plan', async () => {
    const { user, onmerged } = setup([similar()], {
      save_training: () => Promise.reject({ kind: 'validation', message: 'open.cx refused the title.' }),
    });
    const item = await screen.findByRole('listitem', { name: OTHER_TITLE });
    await user.click(within(item).getByRole('button', { name: 'Merge into this one' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    expect(await screen.findByText('open.cx refused the title.')).toBeInTheDocument();
    expect(onmerged).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: `Keep “${OTHER_TITLE}”` }));
    expect(screen.queryByText(/is deleted once this training is saved/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const review = await screen.findByRole('dialog', { name: 'Review changes' });
    expect(within(review).queryByText(/will be deleted/)).toBeNull();
  });
});
