// Find and replace on the demo workspace: Ctrl+Shift+H opens it, "30 days" is found in several
// trainings (grouped, each match in its sentence), one training is unticked, the rest go through
// one review (a diff per training) and a bulk job that saves them as drafts; the simulator holds
// "45 days" in each of them and not in the unticked one; Undo puts every text back.
import { allByRole, byRole, typeInto, waitForText } from '../support/ui.mjs';
import { ensureSignedIn } from '../support/session.mjs';
import { api } from '../support/sim-api.mjs';
import { KEY } from '../support/mouse.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';

const FIND = '30 days';
const shownTitle = (t) => t.draft_title ?? t.title;
const shownContent = (t) => t.draft_content ?? t.content;
const holds = (t, text) => `${shownTitle(t)}\n${shownContent(t)}`.toLowerCase().includes(text);

describe('Find and replace', () => {
  let found;

  before(async () => {
    await ensureSignedIn();
    await (await byRole('button', 'All trainings')).click();
    found = (await api.listAllTrainings()).filter((t) => holds(t, FIND));
    expect(found.length).toBeGreaterThan(2);
  });

  it('finds “30 days”, grouped by training, and replaces it in all but one through one review', async () => {
    // The shortcut works anywhere in the main view (focus is on "All trainings" since before()):
    // clicking the list itself missed when it was taller than its pane (its centre out of view).
    await byRole('listbox', 'Trainings');
    await browser.keys([KEY.control, KEY.shift, 'h']);
    const dialog = await byRole('dialog', 'Find and replace');
    await typeInto('textbox', 'Find', FIND);
    await typeInto('textbox', 'Replace with', '45 days');
    await (await byRole('button', 'Find', { within: dialog })).click();
    await waitForText('status', `in ${found.length} trainings`);
    const matches = await byRole('list', 'Matches');

    const unticked = found[0];
    await (await byRole('checkbox', shownTitle(unticked), { exact: false, within: matches })).click();
    const rest = found.length - 1;
    await (await byRole('button', `Replace in ${rest} trainings`)).click();

    await byRole('heading', `Review: ${rest} trainings`);
    expect((await allByRole('list', `Content changes in “${shownTitle(unticked)}”`)).length).toBe(0);
    await byRole('list', `Content changes in “${shownTitle(found[1])}”`);
    await keepScreenshot('find-and-replace-review');
    await (await byRole('button', 'Replace and save as drafts')).click();
    await waitForText('status', `Replaced in ${rest} trainings, saved as drafts`, { timeout: 120_000 });

    const now = new Map((await api.listAllTrainings()).map((t) => [t.id, t]));
    expect(shownContent(now.get(unticked.id))).toBe(shownContent(unticked));
    for (const t of found.slice(1)) {
      const after = now.get(t.id);
      expect(holds(after, FIND)).toBe(false);
      expect(holds(after, '45 days')).toBe(true);
      // Saved as a draft: a live training's live text is as it was.
      if (!t.is_draft && t.current_version !== null) expect(after.content).toBe(t.content);
    }
  });

  it('Undo puts the previous text of every replaced training back', async () => {
    await (await byRole('button', 'Undo')).click();
    const rest = found.length - 1;
    await waitForText('status', `Put back the text of ${rest} trainings`, { timeout: 120_000 });
    const now = new Map((await api.listAllTrainings()).map((t) => [t.id, t]));
    for (const t of found) {
      expect(shownContent(now.get(t.id))).toBe(shownContent(t));
      expect(shownTitle(now.get(t.id))).toBe(shownTitle(t));
    }
  });
});
