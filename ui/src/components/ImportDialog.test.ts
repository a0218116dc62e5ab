// The import review: what the folder changes, the names this workspace lacks said plainly,
// "Also delete trainings that are not in the folder" unticked until the editor ticks it, and a
// training changed on both sides offered to the conflict view when the folder kept its exported
// version (bindings/examples/Conflict.json, written by `cargo test -p studio`).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Conflict } from '../lib/bindings/Conflict';
import example from '../lib/bindings/examples/Conflict.json';
import type { ImportPlan } from '../lib/bindings/ImportPlan';
import type { Review } from '../lib/bindings/Review';
import ImportDialog from './ImportDialog.svelte';

const review: Review = {
  changes: [],
  content_diff: [
    { tag: 'equal', text: 'Refunds within 30 days.' },
    { tag: 'insert', text: 'Refunds within 45 days.' },
  ],
  rendered: { first_html: '', more_markdown: [] },
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
  newer_on_open_cx: 0,
  kept_theirs: [],
};

const bothSides = (conflict: Conflict | null) => ({
  path: 'Billing/Double charges.md',
  training_id: 't2',
  title: 'Double charges',
  message: conflict ? 'It is not imported until you choose which version to keep.' : 'Export it again and make the change there.',
  review,
  conflict,
});

describe('ImportDialog', () => {
  it('reviews the changes, says the unmatched names and deletes only when ticked', async () => {
    const onimport = vi.fn();
    render(ImportDialog, { plan, deleteMissing: false, oncompare: vi.fn(), onimport, oncancel: vi.fn() });
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

  it('offers the conflict view for a training changed on both sides, when the exported version is known', async () => {
    const oncompare = vi.fn();
    const withConflicts: ImportPlan = {
      ...plan,
      conflicts: [bothSides(example as unknown as Conflict), { ...bothSides(null), path: 'Tone.md', title: 'Tone' }],
      newer_on_open_cx: 3,
      kept_theirs: ['Greeting'],
    };
    render(ImportDialog, { plan: withConflicts, deleteMissing: false, oncompare, onimport: vi.fn(), oncancel: vi.fn() });
    const dialog = screen.getByRole('dialog', { name: 'Import from a folder' });
    const conflicts = within(dialog).getByRole('list', { name: 'Changed on open.cx since the export' });
    expect(within(conflicts).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual([
      'Compare and choose: Double charges',
    ]);
    await userEvent.click(within(conflicts).getByRole('button', { name: 'Compare and choose: Double charges' }));
    expect(oncompare).toHaveBeenCalledWith(withConflicts.conflicts[0]);
    expect(dialog.textContent).toContain('3 trainings changed on open.cx since the export and not in the folder');
    expect(dialog.textContent).toContain('Kept as open.cx has them, their files left out: Greeting.');
  });
});
