// Issue 15: a working day of opening trainings must not make the page grow. Opens trainings
// again and again in the main view (with directory switches, searches, typing, and the review,
// conflict and history dialogs opened and closed) and checks that what each open made is gone
// once it closes: CodeMirror editors destroyed, the document's style sheets no longer than after
// the first open, no timer pending and no Tauri listener left once the view is gone.
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { renderMainView } from '../test/main-view';
import { describe, expect, it, vi } from 'vitest';
import type { Conflict } from '../lib/bindings/Conflict';
import type { Review } from '../lib/bindings/Review';
import type { Training } from '../lib/bindings/Training';
import type { TrainingDraft } from '../lib/bindings/TrainingDraft';
import { fakeBackend } from '../test/backend';
import { setContent } from '../test/editor';
import { DIRECTORIES, SEGMENTS, TRAININGS } from '../test/fixtures';
import { countLeaks, documentStyleText } from '../test/leaks';
import Editor from './Editor.svelte';

// (vi.mock runs before the imports above: the helper is loaded inside it.)
vi.mock('@tauri-apps/api/event', async (importOriginal) =>
  (await import('../test/leaks')).countingEventModule(importOriginal),
);

const REVIEW: Review = { changes: [], content_diff: [], rendered: { first_html: '<p>x</p>', more_markdown: [] }, publish: false, lead: '', out_of_use: null };
const ROUNDS = 4;

/** Every save meets someone else's change, so the conflict view opens. */
function conflictWith(args: Record<string, unknown>): { status: 'conflict'; conflict: Conflict } {
  const base = args.base as Training;
  return {
    status: 'conflict',
    conflict: {
      training_id: base.id,
      base,
      theirs: { ...base, draft_title: 'Theirs', updated_at: '2025-03-01T09:00:00.000Z' },
      mine: args.draft as TrainingDraft,
      publish: false,
      rows: [],
      theirs_changes: REVIEW,
      mine_changes: REVIEW,
    },
  };
}


type User = ReturnType<typeof userEvent.setup>;

async function open(user: User, title: string) {
  const list = screen.getByRole('listbox', { name: 'Trainings' });
  await user.click(within(list).getByRole('option', { name: new RegExp(`^${title}`) }));
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Title' })).toHaveValue(title));
}

/** Review → Keep editing; a save that meets a conflict → Cancel; History → Close. */
async function openAndCloseDialogs(user: User) {
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await user.click(await screen.findByRole('button', { name: 'Keep editing' }));
  await user.click(screen.getByRole('button', { name: 'Save draft' }));
  await user.click(await screen.findByRole('button', { name: 'Save draft now' }));
  const conflict = await screen.findByRole('dialog', { name: 'Someone else changed this training' });
  await user.click(within(conflict).getByRole('button', { name: 'Cancel' }));
  await user.click(screen.getByRole('button', { name: 'History' }));
  await user.click(await screen.findByRole('button', { name: 'Close' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('opening and closing trainings leaves nothing behind', () => {
  it('the main view: editors, styles, timers and listeners stay steady over many opens', async () => {
    const leaks = countLeaks();
    const { user, view } = renderMainView({ review_changes: () => REVIEW, save_training: conflictWith });
    await screen.findByRole('listbox', { name: 'Trainings' });
    const nav = screen.getByRole('navigation', { name: 'Directories' });

    await open(user, 'Refund policy');
    const stylesAfterFirstOpen = documentStyleText().length;
    for (let round = 0; round < ROUNDS; round++) {
      for (const t of TRAININGS) await open(user, t.title);
      // Typed into, then left: the journal keeps it, nothing stays scheduled for a closed editor.
      setContent(`Typed in round ${round}.`);
      await openAndCloseDialogs(user);
      await user.click(within(nav).getByRole('button', { name: round % 2 ? 'All trainings' : 'Billing, 2 trainings' }));
      await user.type(screen.getByRole('searchbox', { name: 'Search trainings' }), 'r');
      await user.clear(screen.getByRole('searchbox', { name: 'Search trainings' }));
      await user.click(within(nav).getByRole('button', { name: 'All trainings' }));
      expect(leaks.liveEditors()).toBe(1);
      expect(document.querySelectorAll('.cm-editor')).toHaveLength(1);
    }
    // Every editor adds nothing to the page's style sheets: its theme is the one already there.
    expect(documentStyleText().length).toBe(stylesAfterFirstOpen);
    expect(leaks.listeners()).toBe(2); // the view's own: job progress and outbox changes

    view.unmount();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(leaks.liveEditors()).toBe(0);
    expect(leaks.listeners()).toBe(0);
    expect(leaks.pendingTimers()).toBe(0);
  }, 90_000);

  it('the editor alone: mounted and destroyed many times, it leaves no view, style or timer', async () => {
    fakeBackend();
    const leaks = countLeaks();
    const props = { directories: DIRECTORIES, segments: SEGMENTS, onsaved: () => undefined, onreauth: async () => true };
    render(Editor, { ...props, training: TRAININGS[0] as Training }).unmount();
    const stylesAfterFirst = documentStyleText().length;
    for (let i = 0; i < 30; i++) {
      const editor = render(Editor, { ...props, training: TRAININGS[i % TRAININGS.length] as Training });
      setContent(`Edit ${i}`);
      editor.unmount();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(documentStyleText().length).toBe(stylesAfterFirst);
    expect(leaks.liveEditors()).toBe(0);
    expect(leaks.pendingTimers()).toBe(0);
    expect(document.querySelectorAll('.cm-editor')).toHaveLength(0);
  });
});
