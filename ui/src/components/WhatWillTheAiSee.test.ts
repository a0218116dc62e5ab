import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeBackend } from '../test/backend';
import { SEGMENTS, reachAnswer, training } from '../test/fixtures';
import { draftFromTraining } from '../lib/form';
import type { Reach } from '../lib/bindings/Reach';
import { ReachStore } from '../lib/state/reach.svelte';
import WhatWillTheAiSee from './WhatWillTheAiSee.svelte';

async function setup(answer: Reach = reachAnswer()) {
  const backend = fakeBackend({ what_will_the_ai_see: () => answer });
  const opener = document.createElement('button');
  document.body.append(opener);
  const reach = new ReachStore(() => new Date(2026, 11, 5, 9, 30));
  reach.open(opener);
  const onopen = vi.fn();
  render(WhatWillTheAiSee, { reach, segments: SEGMENTS, onopen });
  const panel = screen.getByRole('region', { name: 'What will the AI see?' });
  await within(panel).findByRole('heading', { name: /Always on/ });
  return { backend, reach, onopen, opener, panel, user: userEvent.setup() };
}

const list = (panel: HTMLElement, heading: RegExp) =>
  within(panel).getByRole('region', { name: heading });

describe('WhatWillTheAiSee', () => {
  it('asks with the message, the channel and the segments, and shows the three lists', async () => {
    const { backend, panel, user } = await setup();
    const message = within(panel).getByRole('textbox', { name: 'Customer message' });
    expect(message).toHaveFocus();
    await user.type(message, 'Where is my parcel?');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Channel' }), 'WhatsApp');
    await user.click(within(panel).getByRole('checkbox', { name: 'VIP customers' }));
    await vi.waitFor(() =>
      expect(backend.callsTo('what_will_the_ai_see').at(-1)).toMatchObject({
        question: { message: 'Where is my parcel?', channel: 'whatsapp', segment_ids: ['seg-vip-0001'] },
      }),
    );
    expect(within(panel).getByLabelText('Date')).toHaveValue('2026-12-05');

    const always = list(panel, /Always on \(1\)/);
    expect(within(always).getByRole('button', { name: 'Friendly tone' })).toBeInTheDocument();
    expect(always).toHaveTextContent('38 characters together');

    const asked = list(panel, /When asked \(3\)/);
    expect(asked).toHaveTextContent('Likely matches, by the words used — open.cx’s AI decides');
    expect(within(asked).getByRole('listitem')).toHaveTextContent('Shipping times Words: parcel, ship');
    expect(asked).toHaveTextContent('2 more trainings apply but share no word with the message.');

    const left = list(panel, /Left out \(1\)/);
    expect(within(left).getByRole('heading', { name: 'Not on WhatsApp (1)' })).toBeInTheDocument();
    expect(within(left).getByRole('button', { name: 'Refund policy' })).toBeInTheDocument();
  });

  it('warns plainly when the always-on text is over the budget, and counts what it does not name', async () => {
    const warning = 'The "Always on" trainings that apply add up to 9,120 characters, more than the 8,000 …';
    const { panel } = await setup(
      reachAnswer({ always_on_count: 25, always_on_chars: 9120, always_on_warning: warning, when_asked_count: 40 }),
    );
    const always = list(panel, /Always on \(25\)/);
    expect(always).toHaveTextContent(warning);
    expect(always).toHaveTextContent('and 24 more');
    expect(list(panel, /When asked/)).toHaveTextContent('And 37 more likely matches, further down.');
  });

  it('opens a training when it is clicked', async () => {
    const { panel, onopen, user } = await setup();
    await user.click(within(panel).getByRole('button', { name: 'Shipping times' }));
    expect(onopen).toHaveBeenCalledWith('t-shipping');
  });

  it('closes on Escape, and focus goes back to the button that opened it', async () => {
    const { reach, opener, user } = await setup();
    await user.keyboard('{Escape}');
    expect(reach.isOpen).toBe(false);
    expect(opener).toHaveFocus();
    opener.remove();
  });

  it('offers "Include my unsaved changes" only when opened from an editor with an edit', async () => {
    const { reach, panel } = await setup();
    expect(within(panel).queryByRole('checkbox', { name: 'Include my unsaved changes' })).not.toBeInTheDocument();
    reach.open(null, { saved: { id: 't-refund' }, form: draftFromTraining(training()), changed: true });
    expect(await within(panel).findByRole('checkbox', { name: 'Include my unsaved changes' })).toBeChecked();
  });
});
