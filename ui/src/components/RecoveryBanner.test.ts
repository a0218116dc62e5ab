import { screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { RecoveredEdit } from '../lib/bindings/RecoveredEdit';
import { type Handler } from '../test/backend';
import { contentView } from '../test/editor';
import { renderMainView } from '../test/main-view';

function recovered(id: string, title: string, content: string): RecoveredEdit {
  return {
    training_id: id,
    title,
    written_at: '2025-03-01T10:00:00Z',
    base_updated_at: '2025-01-02T03:04:05.000Z',
    draft: {
      title,
      content,
      training_type: 'SCENARIO_SPECIFIC',
      directory_id: null,
      restricted_to_channels: [],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    },
  };
}

const REFUND = recovered('t-refund', 'Refunds, typed before the crash', 'Refund within 60 days.');
const SHIPPING = recovered('t-shipping', 'Shipping, typed too', 'Ship in 1 day.');

function setup(edits: RecoveredEdit[], handlers: Record<string, Handler> = {}) {
  return renderMainView({
    journal_list: () => edits,
    review_changes: (args) => ({
      changes: [{ field: 'title', label: 'Title', before: 'Refund policy', after: (args.draft as { title: string }).title }],
      content_diff: [],
      rendered: { first_html: '<p>x</p>', more_markdown: [] },
      publish: false,
      lead: '',
      out_of_use: null,
    }),
    ...handlers,
  });
}

const banner = () => screen.findByRole('region', { name: 'Recovered changes' });

describe('Recovered changes banner', () => {
  it('shows nothing when the journal is empty', async () => {
    const { backend } = setup([]);
    await screen.findByRole('listbox', { name: 'Trainings' });
    await waitFor(() => expect(backend.callsTo('journal_list')).toHaveLength(1));
    expect(screen.queryByRole('region', { name: 'Recovered changes' })).toBeNull();
  });

  it('counts the trainings, singular for one, and skips trainings the workspace no longer has', async () => {
    setup([REFUND, recovered('t-gone', 'Deleted meanwhile', 'x')]);
    expect(await banner()).toHaveTextContent('Recovered unsaved changes to 1 training');
    expect(await banner()).toHaveTextContent('Refunds, typed before the crash');
  });

  it('Open restores the draft into the editor as unsaved changes, without saving', async () => {
    const { backend, user } = setup([REFUND, SHIPPING]);
    const region = await banner();
    expect(region).toHaveTextContent('Recovered unsaved changes to 2 trainings');
    await user.click(within(region).getByRole('button', { name: 'Open' }));
    const title = await screen.findByRole('textbox', { name: 'Title' });
    expect(title).toHaveValue('Refunds, typed before the crash');
    expect(contentView().state.doc.toString()).toBe('Refund within 60 days.');
    expect(screen.getByRole('status', { name: 'Unsaved changes' })).toBeInTheDocument();
    expect(await banner()).toHaveTextContent('Recovered unsaved changes to 1 training');
    expect(backend.callsTo('save_training')).toHaveLength(0);
    expect(backend.callsTo('journal_discard')).toHaveLength(0);
  });

  it('Compare with the server opens the review of the recovered draft', async () => {
    const { backend, user } = setup([REFUND]);
    await user.click(within(await banner()).getByRole('button', { name: 'Compare with the server' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review changes' });
    expect(dialog).toHaveTextContent('Refunds, typed before the crash');
    expect(backend.callsTo('review_changes')[0]).toMatchObject({ id: 't-refund', draft: REFUND.draft, publish: false });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refunds, typed before the crash');
  });

  it('Discard asks first, then forgets every recovered edit', async () => {
    const { backend, user } = setup([REFUND, SHIPPING]);
    await user.click(within(await banner()).getByRole('button', { name: 'Discard' }));
    const ask = await screen.findByRole('dialog', { name: 'Discard recovered changes' });
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(backend.callsTo('journal_discard')).toHaveLength(0);
    expect(await banner()).toBeInTheDocument();

    await user.click(within(await banner()).getByRole('button', { name: 'Discard' }));
    const again = await screen.findByRole('dialog', { name: 'Discard recovered changes' });
    await user.click(within(again).getByRole('button', { name: 'Discard' }));
    await waitFor(() =>
      expect(backend.callsTo('journal_discard').map((a) => a.id)).toEqual(['t-refund', 't-shipping']),
    );
    expect(screen.queryByRole('region', { name: 'Recovered changes' })).toBeNull();
  });
});
