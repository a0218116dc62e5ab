// Issue 10, part 5 in the editor: when open.cx refuses one field, the sentence is said at the top
// and next to that field, which is marked invalid until the person changes it.
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Review } from '../lib/bindings/Review';
import { fakeBackend } from '../test/backend';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import Editor from './Editor.svelte';

const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };
const CHANNEL = 'open.cx does not accept the channel “WhatsApp”. Untick it, then save again.';

function setup(refusal: { message: string; field?: string }) {
  const backend = fakeBackend({
    review_changes: (args) => ({ ...REVIEW, publish: args.publish }),
    save_training: () => Promise.reject({ kind: 'validation', ...refusal }),
  });
  render(Editor, {
    training: training({ restricted_to_channels: ['web'] }),
    directories: DIRECTORIES,
    segments: SEGMENTS,
    onsaved: vi.fn(),
    onreauth: vi.fn(async () => true),
  });
  return { backend, user: userEvent.setup() };
}

async function saveDraft(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
}

const channels = () => screen.getByRole('group', { name: 'Channels' });

describe('Editor: a field open.cx refused', () => {
  it('marks the channels, says why next to them, and keeps the ticks until they change', async () => {
    const { user } = setup({ message: CHANNEL, field: 'channels' });
    await user.click(within(channels()).getByRole('checkbox', { name: 'WhatsApp' }));
    await saveDraft(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(CHANNEL);
    const whatsapp = within(channels()).getByRole('checkbox', { name: 'WhatsApp' });
    expect(whatsapp).toBeChecked();
    expect(whatsapp).toHaveAttribute('aria-invalid', 'true');
    expect(whatsapp).toHaveAccessibleDescription(CHANNEL);
    expect(channels()).toHaveAccessibleDescription(expect.stringContaining(CHANNEL));
    expect(within(channels()).getByText(CHANNEL)).toBeInTheDocument();
    // Only the refused field is marked.
    expect(screen.getByRole('textbox', { name: 'Title' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('radiogroup', { name: 'Type' })).not.toHaveAttribute('aria-invalid');

    // Another field changing keeps the mark; unticking the channel clears it.
    await user.type(screen.getByRole('textbox', { name: 'Title' }), '!');
    expect(whatsapp).toHaveAttribute('aria-invalid', 'true');
    await user.click(whatsapp);
    expect(whatsapp).not.toHaveAttribute('aria-invalid');
    expect(within(channels()).queryByText(CHANNEL)).not.toBeInTheDocument();
    expect(channels()).not.toHaveAccessibleDescription(expect.stringContaining(CHANNEL));
  });

  it('marks the type, the title or the directory when that is what open.cx refused', async () => {
    const refusals = [
      { field: 'type', find: () => screen.getByRole('radiogroup', { name: 'Type' }) },
      { field: 'title', find: () => screen.getByRole('textbox', { name: 'Title' }) },
      { field: 'directory', find: () => screen.getByRole('combobox', { name: 'Directory' }) },
    ];
    for (const { field, find } of refusals) {
      const message = `Refused ${field}. Change it, then save again.`;
      const { user } = setup({ message, field });
      await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (new)');
      await saveDraft(user);
      await screen.findByRole('alert');
      expect(find(), field).toHaveAttribute('aria-invalid', 'true');
      expect(find(), field).toHaveAccessibleDescription(expect.stringContaining(message));
      cleanup();
    }
  });

  it('marks nothing for a refusal about no field, and keeps the sentence at the top', async () => {
    const message = 'open.cx did not accept this training as it is. Check the title, the content and where it applies, then save again.';
    const { user } = setup({ message });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), ' (new)');
    await saveDraft(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('textbox', { name: 'Title' })).not.toHaveAttribute('aria-invalid');
    expect(within(channels()).getByRole('checkbox', { name: 'WhatsApp' })).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue('Refund policy (new)');
  });
});
