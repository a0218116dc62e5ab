import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TryAnswer } from '../lib/bindings/TryAnswer';
import { deferred, fakeBackend, ipcFailure, type Handler } from '../test/backend';
import TryOnOpencx from './TryOnOpencx.svelte';

const ANSWER: TryAnswer = {
  answer: 'Look the order up by number.\nThen share the tracking link.',
  handed_off: false,
  scanned: [
    { training_id: 'tone', title: 'Brand voice and tone' },
    { training_id: 'order', title: 'Where is my order?' },
    { training_id: null, title: 'A deleted instruction' },
  ],
  contact_email: 'training-studio-test+demo@example.com',
  channel: 'whatsapp',
};

function setup(handlers: Record<string, Handler> = {}, message = 'Where is my order?') {
  const backend = fakeBackend({ chat_consent: () => false, try_on_opencx: () => ANSWER, ...handlers });
  const onopen = vi.fn();
  render(TryOnOpencx, { message, channel: 'whatsapp', onopen });
  return { backend, onopen, user: userEvent.setup() };
}

const tryButton = () => screen.getByRole('button', { name: 'Try it on open.cx' });
const result = () => screen.getByRole('region', { name: "open.cx's answer" });

describe('Try it on open.cx', () => {
  it('asks once before the first try, then shows the answer and what was scanned', async () => {
    const { backend, onopen, user } = setup();
    await user.click(tryButton());
    const dialog = await screen.findByRole('dialog', { name: 'Try it on open.cx?' });
    expect(dialog).toHaveTextContent("This creates a real conversation in this workspace's inbox.");
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(backend.callsTo('try_on_opencx')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Continue' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await within(result()).findByText(/Look the order up by number/);
    expect(backend.callsTo('try_on_opencx')).toEqual([
      { question: { message: 'Where is my order?', channel: 'whatsapp', contact: null }, consent: true },
    ]);
    expect(result()).not.toHaveTextContent('Handed to a person');
    expect(result()).not.toHaveTextContent('did not take a');
    expect(result()).toHaveTextContent('Instructions it scanned');
    expect(result()).toHaveTextContent("A deleted instruction (not in this workspace's list)");
    expect(within(result()).queryByRole('button', { name: 'A deleted instruction' })).not.toBeInTheDocument();
    await user.click(within(result()).getByRole('button', { name: 'Where is my order?' }));
    expect(onopen).toHaveBeenCalledWith('order');

    await user.click(tryButton());
    await waitFor(() => expect(backend.callsTo('try_on_opencx')).toHaveLength(2));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.callsTo('try_on_opencx')[1]?.consent).toBe(false);
    expect(backend.callsTo('chat_consent')).toHaveLength(1);
  });

  it('sends nothing when the editor cancels', async () => {
    const { backend, user } = setup();
    await user.click(tryButton());
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.callsTo('try_on_opencx')).toEqual([]);
  });

  it('does not ask when the editor agreed before for this workspace', async () => {
    const { backend, user } = setup({ chat_consent: () => true });
    await user.click(tryButton());
    await waitFor(() => expect(backend.callsTo('try_on_opencx')).toHaveLength(1));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(backend.callsTo('try_on_opencx')[0]?.consent).toBe(false);
  });

  it('says when the conversation was handed to a person and when open.cx did not say what it scanned', async () => {
    const { user } = setup({
      chat_consent: () => true,
      try_on_opencx: () => ({ ...ANSWER, handed_off: true, scanned: null }),
    });
    await user.click(tryButton());
    expect(await within(result()).findByText('Handed to a person')).toBeInTheDocument();
    expect(result()).toHaveTextContent('open.cx did not say which instructions it scanned.');
  });

  it('says when open.cx took the conversation on another channel', async () => {
    const { user } = setup({ chat_consent: () => true, try_on_opencx: () => ({ ...ANSWER, channel: 'api' }) });
    await user.click(tryButton());
    await within(result()).findByText(/Look the order up/);
    expect(result()).toHaveTextContent('open.cx did not take a WhatsApp conversation, so this was asked as an API conversation');
  });

  it('shows the answer as text, never as markup', async () => {
    const { user } = setup({
      chat_consent: () => true,
      try_on_opencx: () => ({ ...ANSWER, answer: '<img src=x onerror="alert(1)"> **bold**' }),
    });
    await user.click(tryButton());
    await within(result()).findByText(/<img src=x/);
    expect(result().querySelector('img')).toBeNull();
  });

  it('says plainly when the key may not start conversations', async () => {
    const message = 'This workspace\'s API key may not start conversations (it has no chat-sessions scope).';
    const { user } = setup({ chat_consent: () => true, try_on_opencx: ipcFailure('forbidden', message) });
    await user.click(tryButton());
    expect(await screen.findByRole('alert')).toHaveTextContent('chat-sessions scope');
    expect(tryButton()).toBeEnabled();
  });

  it('is busy while it waits, and an answer after "Stop waiting" is never shown', async () => {
    const pending = deferred<TryAnswer>();
    const { user } = setup({ chat_consent: () => true, try_on_opencx: () => pending.promise });
    await user.click(tryButton());
    expect(await screen.findByRole('button', { name: 'Asking open.cx…' })).toBeDisabled();
    expect(result()).toHaveAttribute('aria-busy', 'true');
    await user.click(screen.getByRole('button', { name: 'Stop waiting' }));
    expect(tryButton()).toBeEnabled();
    pending.resolve(ANSWER);
    await new Promise((r) => setTimeout(r, 20));
    expect(result()).not.toHaveTextContent('Look the order up');
  });

  it('cannot try an empty message', () => {
    setup({}, '   ');
    expect(tryButton()).toBeDisabled();
  });
});
