// The import review: what the folder changes, the names this workspace lacks said plainly,
// and "Also delete trainings that are not in the folder" unticked until the editor ticks it.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ImportPlan } from '../lib/bindings/ImportPlan';
import type { Review } from '../lib/bindings/Review';
import ImportDialog from './ImportDialog.svelte';

const review: Review = {
  changes: [],
  content_diff: [
    { tag: 'equal', text: 'Refunds within 30 days.' },
    { tag: 'insert', text: 'Refunds within 45 days.' },
  ],
  preview_html: '',
  publish: false,
  lead: 'Saving a draft keeps it in open.cx without changing what the AI agent uses.',
  out_of_use: null,
};

const draft = {
  title: 'Refunds',
  content: 'Refunds within 45 days.',
  training_type: 'SCENARIO_SPECIFIC' as const,
  directory_id: 'd1',
  restricted_to_channels: [],
  restricted_to_segments: [],
  start_time: null,
  end_time: null,
};

const plan: ImportPlan = {
  folder: '/home/me/trainings',
  exported_from: 'Test workspace',
  publish: false,
  changes: [
    {
      path: 'Billing/Refunds.md',
      kind: 'update',
      title: 'Refunds',
      training_id: 't1',
      review,
      item: { action: 'update', id: 't1', title: 'Refunds', draft, file: null },
      seen: '2026-12-01T10:00:00.000Z',
    },
  ],
  conflicts: [],
  missing: [{ id: 't9', title: 'Old greeting', updated_at: '2026-12-01T10:00:00.000Z' }],
  unmatched: [{ kind: 'segment', name: 'VIP', files: ['Billing/Vip refunds.md'] }],
  problems: [],
  unchanged: 40,
};

describe('ImportDialog', () => {
  it('reviews the changes, says the unmatched names and deletes only when ticked', async () => {
    const onimport = vi.fn();
    render(ImportDialog, { plan, onimport, oncancel: vi.fn() });
    const dialog = screen.getByRole('dialog', { name: 'Import from a folder' });
    const changes = within(dialog).getByRole('list', { name: 'Changes' });
    expect(changes.textContent).toContain('Update: Refunds');
    expect(within(dialog).getByRole('list', { name: 'Text changes in Refunds' })).toBeTruthy();
    const names = within(dialog).getByRole('list', { name: 'Names this workspace does not have' });
    expect(names.textContent).toContain('No segment is named “VIP” here');
    expect(names.textContent).toContain('Billing/Vip refunds.md');

    const deleting = within(dialog).getByRole('checkbox', {
      name: 'Also delete trainings that are not in the folder (1)',
    });
    expect((deleting as HTMLInputElement).checked).toBe(false);
    expect(within(dialog).queryByRole('list', { name: 'Trainings to delete' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 1 training' }));
    expect(onimport).toHaveBeenLastCalledWith(false);

    await userEvent.click(deleting);
    expect(within(dialog).getByRole('list', { name: 'Trainings to delete' }).textContent).toContain('Old greeting');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Import 2 trainings' }));
    expect(onimport).toHaveBeenLastCalledWith(true);
  });
});
