import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { CheckUpScope } from '../lib/bindings/CheckUpScope';
import type { Comparison } from '../lib/bindings/Comparison';
import type { Review } from '../lib/bindings/Review';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { jobsThatFinish, type Handler } from '../test/backend';
import { checkUpResult } from '../test/checkup';
import { TRAININGS, training } from '../test/fixtures';
import { renderMainView } from '../test/main-view';

const REFUND = TRAININGS.find((t) => t.id === 't-refund') ?? training();
const SHIPPING = TRAININGS.find((t) => t.id === 't-shipping') ?? training();
const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };

/** The check-up's pair side by side, as `compare_trainings` answers for the fixtures. */
const COMPARISON: Comparison = {
  id: REFUND.id,
  title: REFUND.title,
  content: REFUND.content,
  other: {
    id: SHIPPING.id,
    title: SHIPPING.title,
    content: SHIPPING.content,
    notable: true,
    similarity: {
      likeness: 'same_topic',
      reasons: ['Both about “days”'],
      wording_percent: 12,
      reach: { overlaps: true, sentence: 'Both on Email for all customers' },
      contradictions: [
        {
          kind: 'different_numbers',
          first: { sentence: 'Offer a refund within 30 days.', start_utf16: 0, end_utf16: REFUND.content.length },
          second: { sentence: 'Orders ship within 2 days.', start_utf16: 0, end_utf16: SHIPPING.content.length },
          explanation: 'One says within 30 days, the other within 2 days.',
        },
      ],
    },
    content_diff: [
      { tag: 'delete', text: REFUND.content },
      { tag: 'insert', text: SHIPPING.content },
    ],
  },
};

function setup(handlers: Record<string, Handler> = {}) {
  return renderMainView({
    check_up: (args) => checkUpResult(args.scope as CheckUpScope),
    compare_trainings: () => COMPARISON,
    review_changes: () => REVIEW,
    start_job: jobsThatFinish(),
    ...handlers,
  });
}

/** The check-up of every training, and the actions of its contradicting pair. */
async function pairActions(user: ReturnType<typeof setup>['user']) {
  await screen.findByRole('listbox', { name: 'Trainings' });
  await user.click(screen.getByRole('button', { name: 'Check-up' }));
  const view = await screen.findByRole('region', { name: 'Check-up: All trainings' });
  const actions = await within(view).findByRole('group', { name: 'What to do about “Refund policy” and “Shipping times”' });
  return { view, actions };
}

const listed = () =>
  within(screen.getByRole('listbox', { name: 'Trainings' }))
    .getAllByRole('option')
    .map((o) => o.querySelector('.title')?.textContent);

describe('MainView: the check-up', () => {
  it('lists what the check-up found, worst first by kind, with both sentences quoted', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Check-up' }));
    const view = await screen.findByRole('region', { name: 'Check-up: All trainings' });
    await within(view).findByText('2 things to look at in 4 trainings.');
    const groups = within(view)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(groups).toEqual(['Possible contradictions (1)', 'Instruction health (1)']);
    const contradictions = within(view).getByRole('region', { name: 'Possible contradictions (1)' });
    expect(within(contradictions).getByText('One says within 30 days, the other within 2 days.')).toBeInTheDocument();
    expect(contradictions).toHaveTextContent('“Refund policy”: “Offer a refund within 30 days.”');
    expect(contradictions).toHaveTextContent('“Shipping times”: “Orders ship within 2 days.”');
    expect(contradictions).toHaveTextContent('Both on Email for all customers');
    const health = within(view).getByRole('region', { name: 'Instruction health (1)' });
    expect(health).toHaveTextContent('Problem');
    expect(health).toHaveTextContent('Content, line 1: “TBD”');
  });

  it('opens a training it names in the editor', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(screen.getByRole('button', { name: 'Check-up' }));
    const view = await screen.findByRole('region', { name: 'Check-up: All trainings' });
    const actions = await within(view).findByRole('group', {
      name: 'What to do about “Refund policy” and “Shipping times”',
    });
    await user.click(within(actions).getByRole('button', { name: 'Open “Shipping times”' }));
    const editor = await screen.findByRole('region', { name: 'Editor' });
    expect(within(editor).getByRole('textbox', { name: 'Title' })).toHaveValue('Shipping times');
    expect(screen.queryByRole('region', { name: 'Check-up: All trainings' })).not.toBeInTheDocument();
  });

  it('checks the directory the list shows', async () => {
    const { user, backend } = setup();
    const nav = await screen.findByRole('navigation', { name: 'Directories' });
    await screen.findByRole('listbox', { name: 'Trainings' });
    await user.click(within(nav).getByRole('button', { name: 'Billing, 2 trainings' }));
    await user.click(screen.getByRole('button', { name: 'Check-up' }));
    const view = await screen.findByRole('region', { name: 'Check-up: Billing' });
    await within(view).findByText('1 thing to look at in 2 trainings.');
    expect(backend.callsTo('check_up')).toContainEqual({ scope: { kind: 'directory', id: 'dir-billing' } });
  });

  it('“Needs attention” shows the trainings the check-up lists, once it has run', async () => {
    const { user } = setup();
    await screen.findByRole('listbox', { name: 'Trainings' });
    const filter = screen.getByRole('checkbox', { name: /^Needs attention/ });
    await waitFor(() => expect(filter).toHaveAccessibleName('Needs attention (3)'), { timeout: 4000 });
    await user.click(filter);
    expect(listed()).toEqual(['Invoice questions', 'Refund policy', 'Shipping times']);
    expect(screen.getByText('3 trainings of 4')).toBeInTheDocument();
    await user.click(filter);
    expect(listed()).toHaveLength(4);
  });

  it('compares the pair side by side, the sentences that may contradict marked in both, with the diff', async () => {
    const { user, backend } = setup();
    const { actions } = await pairActions(user);
    await user.click(within(actions).getByRole('button', { name: 'Compare' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compare “Refund policy” and “Shipping times”' });
    expect(backend.callsTo('compare_trainings')).toEqual([{ id: REFUND.id, otherId: SHIPPING.id }]);
    const first = within(dialog).getByRole('region', { name: 'First training' });
    const second = within(dialog).getByRole('region', { name: 'Second training' });
    // The texts as written, every character kept around the marks.
    expect(first.querySelector('.text')?.textContent).toBe(REFUND.content);
    expect(second.querySelector('.text')?.textContent).toBe(SHIPPING.content);
    const mine = within(first).getByRole('mark');
    expect(mine).toHaveTextContent('Offer a refund within **30 days**.');
    expect(mine).toHaveAccessibleDescription(
      'May contradict “Shipping times”: “Orders ship within 2 days.” One says within 30 days, the other within 2 days.',
    );
    expect(within(second).getByRole('mark')).toHaveAccessibleDescription(
      'May contradict “Refund policy”: “Offer a refund within 30 days.” One says within 30 days, the other within 2 days.',
    );
    // Each mark is a tab stop.
    await user.tab();
    expect(mine).toHaveFocus();
    expect(within(dialog).getByRole('list', { name: 'Differences between “Refund policy” and “Shipping times”' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Check-up: All trainings' })).toBeInTheDocument();
  });

  it('says so when the pair changed since and is no longer alike, and checks again', async () => {
    const { user, backend } = setup({ compare_trainings: () => null });
    const { view, actions } = await pairActions(user);
    const before = backend.callsTo('check_up').length;
    await user.click(within(actions).getByRole('button', { name: 'Compare' }));
    expect(await within(view).findByRole('alert')).toHaveTextContent(
      '“Refund policy” and “Shipping times” have changed since the check-up and are no longer alike.',
    );
    await waitFor(() => expect(backend.callsTo('check_up').length).toBeGreaterThan(before));
  });

  it('restricts the second of the pair with the visibility job, the check-up staying open', async () => {
    const { user, backend } = setup();
    const { actions } = await pairActions(user);
    await user.click(within(actions).getByRole('button', { name: 'Restrict “Shipping times”…' }));
    const dialog = screen.getByRole('dialog', { name: 'Set channels and segments' });
    await user.click(within(dialog).getByRole('checkbox', { name: 'WhatsApp' }));
    await user.click(within(dialog).getByRole('button', { name: 'Apply to 1 training' }));
    await waitFor(() =>
      expect(backend.callsTo('start_job')[0]).toMatchObject({
        request: { kind: 'set_visibility', ids: [SHIPPING.id], channels: ['whatsapp'], segments: [] },
      }),
    );
    expect(screen.getByRole('region', { name: 'Check-up: All trainings' })).toBeInTheDocument();
  });

  it('merges the second into the first through the editor, deleting it only once the first is saved', async () => {
    const { user, backend } = setup({
      start_job: jobsThatFinish((request) => (request.kind === 'delete' ? { deleted: [SHIPPING.id] } : {})),
      save_training: (args) => ({
        status: 'saved',
        differences: [],
        training: { ...REFUND, draft_content: (args.draft as TrainingDraft).content },
      }),
    });
    const { actions } = await pairActions(user);
    await user.click(within(actions).getByRole('button', { name: 'Compare' }));
    const dialog = await screen.findByRole('dialog', { name: 'Compare “Refund policy” and “Shipping times”' });
    await user.click(within(dialog).getByRole('button', { name: 'Merge “Shipping times” into “Refund policy”' }));
    const editor = await screen.findByRole('region', { name: 'Editor' });
    expect(within(editor).getByRole('textbox', { name: 'Title' })).toHaveValue(REFUND.title);
    expect(screen.queryByRole('region', { name: 'Check-up: All trainings' })).not.toBeInTheDocument();
    expect(editor).toHaveTextContent('“Shipping times” is deleted once this training is saved.');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(backend.callsTo('start_job')).toEqual([]);
    await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
    await waitFor(() => expect(backend.callsTo('save_training')).toHaveLength(1));
    const saved = backend.callsTo('save_training')[0]?.draft as TrainingDraft;
    expect(saved.content).toBe(`${REFUND.content}\n\n${SHIPPING.content}`);
    await waitFor(() => expect(backend.callsTo('start_job')).toMatchObject([{ request: { kind: 'delete', ids: [SHIPPING.id] } }]));
  });
});
