import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FindResults } from '../lib/bindings/FindResults';
import type { ReplaceReview } from '../lib/bindings/ReplaceReview';
import { fakeBackend } from '../test/backend';
import FindReplaceDialog from './FindReplaceDialog.svelte';

const found: FindResults = {
  match_count: 2,
  trainings: [
    {
      id: 'a',
      title: 'Refunds',
      unpublished_draft: false,
      matches: [{ id: 'a:content:0', field: 'content', start: 7, end: 14, before: 'Within ', matched: '30 days', after: '.', replacement: '45 days' }],
    },
    {
      id: 'b',
      title: 'Invoices',
      unpublished_draft: true,
      matches: [{ id: 'b:content:0', field: 'content', start: 4, end: 11, before: 'Pay ', matched: '30 days', after: ' net.', replacement: '45 days' }],
    },
  ],
};

const review: ReplaceReview = {
  lead: 'Saving drafts keeps them in open.cx without changing what the AI agent uses.',
  publish: false,
  out_of_use: 0,
  items: [
    {
      id: 'a',
      title: 'Refunds',
      changes: [],
      diff: [
        { tag: 'delete', text: 'Within 30 days.' },
        { tag: 'insert', text: 'Within 45 days.' },
      ],
      out_of_use: null,
    },
  ],
  request: { kind: 'replace', publish: false, items: [{ id: 'a', title: 'Refunds', content: 'Within 45 days.' }] },
  seen: { a: '2025-01-02T03:04:05Z' },
  undo: { kind: 'replace', publish: false, items: [{ id: 'a', title: 'Refunds', content: 'Within 30 days.' }] },
};

describe('FindReplaceDialog', () => {
  it('finds, lets a training be unticked, reviews and applies', async () => {
    const backend = fakeBackend({ find_text: () => found, review_replace: () => review });
    const onapply = vi.fn();
    render(FindReplaceDialog, { directory: { kind: 'all' }, directoryName: 'All trainings', selected: [], onapply, onclose: vi.fn() });
    const user = userEvent.setup();
    const dialog = screen.getByRole('dialog', { name: 'Find and replace' });
    expect(screen.getByRole('textbox', { name: 'Find' })).toHaveFocus();
    expect(within(dialog).queryByRole('checkbox', { name: 'Regular expression' })).toBeNull();
    await user.type(screen.getByRole('textbox', { name: 'Find' }), '30 days');
    await user.type(screen.getByRole('textbox', { name: 'Replace with' }), '45 days');
    await user.click(screen.getByRole('button', { name: 'Find' }));
    expect(await screen.findByRole('status')).toHaveTextContent('2 matches in 2 trainings.');
    const matches = screen.getByRole('list', { name: 'Matches' });
    expect(within(matches).getByRole('checkbox', { name: 'Within 30 days.' })).toBeChecked();
    await user.click(within(matches).getByRole('checkbox', { name: 'Invoices Unpublished draft text' }));
    expect(within(matches).getByRole('checkbox', { name: 'Pay 30 days net.' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Replace in 1 training' }));
    expect(backend.callsTo('review_replace')[0]).toMatchObject({ excluded: { trainings: ['b'], matches: [] }, publish: false });
    expect(await screen.findByRole('heading', { name: 'Review: 1 training' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Content changes in “Refunds”' })).toHaveTextContent('Within 45 days.');
    await user.click(screen.getByRole('button', { name: 'Replace and save as drafts' }));
    expect(onapply).toHaveBeenCalledWith(review);
  });
});
