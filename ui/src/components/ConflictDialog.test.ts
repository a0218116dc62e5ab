// The conflict view and the review word a setting alike: both render one save's conflict as Rust
// worded it (bindings/examples/Conflict.json, written by `cargo test -p studio`), and the channel
// picker names a channel this app does not know with the vocabulary generated from the same Rust.
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Conflict } from '../lib/bindings/Conflict';
import example from '../lib/bindings/examples/Conflict.json';
import { unknownChannelLabel } from '../lib/bindings/vocabulary';
import ChannelPicker from './ChannelPicker.svelte';
import ConflictDialog from './ConflictDialog.svelte';
import ReviewDialog from './ReviewDialog.svelte';

const conflict = example as unknown as Conflict;

function showConflict(origin: 'edit' | 'import' = 'edit') {
  const onmerge = vi.fn();
  render(ConflictDialog, {
    conflict,
    busy: false,
    origin,
    onkeepmine: vi.fn(),
    ontaketheirs: vi.fn(),
    onmerge,
    oncancel: vi.fn(),
  });
  return { dialog: screen.getByRole('dialog', { name: 'Someone else changed this training' }), onmerge };
}

/** "When you started", "Theirs" and "Yours" of the setting named `label`. */
function sides(dialog: HTMLElement, label: string): string[] {
  const header = within(dialog).getByRole('rowheader', { name: new RegExp(`^${label}`) });
  const row = header.closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent?.trim() ?? '');
}

/** Each change of the review dialog: its field's name, before and after. */
function reviewChanges(): { label: string; before: string; after: string }[] {
  const dialog = screen.getByRole('dialog', { name: 'Review changes' });
  return within(dialog)
    .getAllByRole('listitem')
    .filter((item) => item.querySelector('.after'))
    .map((item) => ({
      label: item.querySelector('.field')?.textContent ?? '',
      before: item.querySelector('.before')?.textContent ?? '',
      after: item.querySelector('.after')?.textContent ?? '',
    }));
}

describe('the conflict view and the review', () => {
  it('say the same thing for each setting of the same save', () => {
    const { dialog } = showConflict();
    render(ReviewDialog, { review: conflict.mine_changes, busy: null, onconfirm: vi.fn(), oncancel: vi.fn() });
    const changes = reviewChanges();
    expect(changes.map((c) => c.label)).toEqual(['Title', 'Type', 'Channels', 'Segments', 'State']);
    for (const change of changes) {
      const [base, , mine] = sides(dialog, change.label);
      expect([base, mine], change.label).toEqual([change.before, change.after]);
    }
  });

  it('name a channel this app does not know as the channel picker does', () => {
    const { dialog } = showConflict();
    render(ChannelPicker, { value: ['fax'] });
    const picker = screen.getByRole('checkbox', { name: unknownChannelLabel('fax') });
    expect(picker).toBeChecked();
    const [, theirs, mine] = sides(dialog, 'Channels');
    expect(mine).toBe(picker.closest('label')?.textContent?.trim());
    expect(theirs).toBe(`Web chat, ${mine}`);
    expect(mine).toBe('Other channel (fax)');
  });

  it('offers each differing setting in those words when merging, and merges the chosen side', async () => {
    const user = userEvent.setup();
    const { dialog, onmerge } = showConflict();
    await user.click(within(dialog).getByRole('button', { name: 'Edit the merge' }));
    const channels = within(dialog).getByRole('group', { name: 'Channels' });
    expect(within(channels).getByRole('radio', { name: 'Yours: Other channel (fax)' })).toBeChecked();
    await user.click(within(channels).getByRole('radio', { name: 'Theirs: Web chat, Other channel (fax)' }));
    const groups = within(dialog).getAllByRole('group').map((g) => g.querySelector('legend')?.textContent);
    expect(groups).toEqual(['Type', 'Channels', 'Segments']);
    await user.click(within(dialog).getByRole('button', { name: 'Save merge' }));
    expect(onmerge).toHaveBeenCalledWith({
      ...conflict.mine,
      restricted_to_channels: ['web', 'fax'],
    });
  });

  it('speaks of the export, and of the import the choice settles, for an imported file', async () => {
    const user = userEvent.setup();
    const { dialog, onmerge } = showConflict('import');
    expect(within(dialog).getAllByRole('columnheader').map((h) => h.textContent?.trim())).toEqual([
      'Setting',
      'When exported',
      'Theirs, on open.cx now',
      'Yours',
    ]);
    expect(dialog.textContent).toContain('was changed on open.cx after it was exported, and its file was changed too');
    await user.click(within(dialog).getByRole('button', { name: 'Edit the merge' }));
    expect(dialog.textContent).toContain('“Use the merge” imports the result with the other changes.');
    await user.click(within(dialog).getByRole('button', { name: 'Use the merge' }));
    expect(onmerge).toHaveBeenCalledWith(conflict.mine);
  });
});
