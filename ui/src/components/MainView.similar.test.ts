// Issue 12 in the main view: "Merge into this one" deletes the other training through the delete
// job only after this one's save succeeded (and the list loses it); "Restrict…" sets the other
// training's channels and segments through the visibility job, leaving this edit open.
import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Review } from '../lib/bindings/Review';
import type { SimilarTraining } from '../lib/bindings/SimilarTraining';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { jobsThatFinish, type Handler } from '../test/backend';
import { TRAININGS, training } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

const REFUND = TRAININGS.find((t) => t.id === 't-refund') ?? training();
const SHIPPING = TRAININGS.find((t) => t.id === 't-shipping') ?? training();
const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };

const SHIPPING_IS_SIMILAR: SimilarTraining = {
  id: SHIPPING.id,
  title: SHIPPING.title,
  content: SHIPPING.content,
  notable: true,
  similarity: {
    likeness: 'near_duplicate',
    reasons: ['Shares 70% of its wording'],
    wording_percent: 70,
    reach: { overlaps: true, sentence: 'Both on Email for all customers' },
    contradictions: [],
  },
  content_diff: [],
};

function setup(handlers: Record<string, Handler> = {}) {
  return renderMainView({
    similar_trainings: (args) => ({ trainings: args.id === REFUND.id ? [SHIPPING_IS_SIMILAR] : [], compared_percent: 100 }),
    review_changes: () => REVIEW,
    start_job: jobsThatFinish((request) => (request.kind === 'delete' ? { deleted: [SHIPPING.id] } : {})),
    ...handlers,
  });
}

const listed = (title: string) => within(screen.getByRole('listbox', { name: 'Trainings' })).queryByRole('option', { name: new RegExp(`^${title}`) });

describe('MainView: similar trainings', () => {
  it('merging deletes the other training with the delete job once this one is saved', async () => {
    const { backend, user } = setup({
      save_training: (args) => ({
        status: 'saved',
        differences: [],
        training: { ...REFUND, draft_content: (args.draft as TrainingDraft).content },
      }),
    });
    await user.click(await screen.findByRole('option', { name: /^Refund policy/ }));
    const item = await screen.findByRole('listitem', { name: SHIPPING.title });
    await user.click(within(item).getByRole('button', { name: 'Merge into this one' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(backend.callsTo('start_job')).toEqual([]);
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')).toEqual([
        { request: { kind: 'delete', ids: [SHIPPING.id] }, seen: { [SHIPPING.id]: SHIPPING.updated_at } },
      ]),
    );
    await waitFor(() => expect(listed(SHIPPING.title)).toBeNull());
    expect(listed(REFUND.title)).not.toBeNull();
  });

  it('a save that only waits in the outbox deletes nothing', async () => {
    const { backend, user } = setup({ save_training: () => ({ status: 'queued', waiting: 1 }) });
    await user.click(await screen.findByRole('option', { name: /^Refund policy/ }));
    const item = await screen.findByRole('listitem', { name: SHIPPING.title });
    await user.click(within(item).getByRole('button', { name: 'Merge into this one' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(backend.callsTo('save_training')).toHaveLength(1));
    expect(backend.callsTo('start_job')).toEqual([]);
    expect(listed(SHIPPING.title)).not.toBeNull();
  });

  it('"Restrict…" sets the other training\'s channels with the visibility job', async () => {
    const { backend, user } = setup();
    await user.click(await screen.findByRole('option', { name: /^Refund policy/ }));
    const item = await screen.findByRole('listitem', { name: SHIPPING.title });
    await user.click(within(item).getByRole('button', { name: 'Restrict…' }));
    const dialog = screen.getByRole('dialog', { name: 'Set channels and segments' });
    expect(within(dialog).getByText(`For “${SHIPPING.title}”. Its text and whether it is live stay as they are.`)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: 'WhatsApp' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 1 training' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')[0]).toMatchObject({
        request: { kind: 'set_visibility', ids: [SHIPPING.id], channels: ['whatsapp'], segments: [] },
      }),
    );
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(REFUND.title);
  });
});
