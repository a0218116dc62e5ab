import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { HealthFinding } from '../lib/bindings/HealthFinding';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { fakeBackend } from '../test/backend';
import { contentView, setContent } from '../test/editor';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import Editor from './Editor.svelte';

/** A placeholder note on the first "TBD" of the content, in UTF-16 positions as Rust sends them. */
function placeholderIn(draft: TrainingDraft): HealthFinding[] {
  const start = draft.content.indexOf('TBD');
  if (start < 0) return [];
  const line = draft.content.slice(0, start).split('\n').length;
  return [
    {
      code: 'placeholder',
      severity: 'problem',
      explanation: '“TBD” is a placeholder: the AI would say it to customers as it is.',
      fix: 'Replace it with what the AI should say, or remove it.',
      place: { field: 'content', start, end: start + 3, line, text: 'TBD' },
    },
  ];
}

function setup(content: string) {
  const backend = fakeBackend({ instruction_health: (args) => placeholderIn(args.draft as TrainingDraft) });
  render(Editor, {
    training: training({ content }),
    directories: DIRECTORIES,
    segments: SEGMENTS,
    onsaved: vi.fn(),
    onreauth: vi.fn(async () => true),
  });
  return { backend, user: userEvent.setup() };
}

const healthSection = () => screen.getByRole('region', { name: 'Instruction health' });

describe('Editor: instruction health', () => {
  it('shows the form’s notes under the text and selects the text a note points at', async () => {
    const { user } = setup('Refunds 🎁 within 30 days.\nHoliday hours: TBD.');
    const section = healthSection();
    await within(section).findByText(/is a placeholder/, {}, { timeout: 3000 });
    expect(within(section).getByText('Problem')).toBeInTheDocument();
    expect(within(section).getByText('Replace it with what the AI should say, or remove it.')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Content, line 2: “TBD”' }));
    const view = contentView();
    const { from, to } = view.state.selection.main;
    expect(view.state.sliceDoc(from, to)).toBe('TBD');
  });

  it('checks again once typing pauses, not at each keystroke, and says so when nothing is found', async () => {
    const { backend } = setup('Refunds within 30 days. Holiday hours: TBD.');
    const section = healthSection();
    await within(section).findByText(/is a placeholder/, {}, { timeout: 3000 });
    const before = backend.callsTo('instruction_health').length;
    setContent('Refunds within 30 days. Holiday hours: 9');
    setContent('Refunds within 30 days. Holiday hours: 9 to');
    setContent('Refunds within 30 days. Holiday hours: 9 to 5.');
    await within(section).findByText(/Nothing to improve found/, {}, { timeout: 3000 });
    expect(backend.callsTo('instruction_health').length).toBe(before + 1);
    expect(backend.callsTo('instruction_health').at(-1)?.draft).toMatchObject({
      content: 'Refunds within 30 days. Holiday hours: 9 to 5.',
    });
  });

  it('offers no way to the text once it moved, until the next check', async () => {
    setup('Holiday hours: TBD.');
    const section = healthSection();
    await within(section).findByRole('button', { name: 'Content, line 1: “TBD”' }, { timeout: 3000 });
    setContent('Our holiday hours: TBD.');
    await tick();
    expect(within(section).queryByRole('button', { name: /TBD/ })).not.toBeInTheDocument();
    expect(within(section).getByText('Content, line 1: “TBD”')).toBeInTheDocument();
    await waitFor(() => expect(within(section).getByRole('button', { name: 'Content, line 1: “TBD”' })).toBeInTheDocument(), {
      timeout: 3000,
    });
  });
});
