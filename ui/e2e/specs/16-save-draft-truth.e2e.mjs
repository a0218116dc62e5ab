// Save draft tells the truth (issue 10, part 4), against a simulator of its own that reads
// `is_draft` literally (a draft saved over a live training replaces it and takes it out of use):
// the review warns before and offers "Keep the live one, save as a separate draft" and "Publish
// now"; the separate draft leaves the live training on the server exactly as it was and adds a new
// draft, which opens; History shows each version's time to the second and open.cx's version number.
import { allByRole, byRole, replaceEditorText, waitForText, waitGone } from '../support/ui.mjs';
import { openTraining } from '../support/session.mjs';
import { openOwnWorkspace } from '../support/own-workspace.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { expectNoAxeViolations } from '../support/axe.mjs';
import { api, control } from '../support/sim-api.mjs';

const SEPARATE = 'Keep the live one, save as a separate draft';

describe('Save draft on a workspace whose open.cx reads is_draft literally', () => {
  let own;
  let live;

  before(async () => {
    own = await openOwnWorkspace({ name: 'Literal drafts', logName: 'opencx-sim-literal.log', draftMode: 'literal' });
    const all = await api.listAllTrainings();
    live = all.find((t) => !t.is_draft && t.current_version !== null && t.draft_title === null && t.draft_content === null);
  });

  // The specs after this one work in the shared simulator's workspace: go back to it, so the app
  // does not resume this one (whose simulator stops here) at its next start.
  after(async () => {
    await own?.leave();
  });

  it('warns that saving a draft takes the live training out of use, and offers both careful choices', async () => {
    await openTraining(live.title);
    await replaceEditorText('Content', 'Offer a refund within 60 days, with the receipt.');
    await (await byRole('button', 'Save draft')).click();
    const dialog = await byRole('dialog', 'Review changes');
    const warning = await byRole('region', 'out of use until it is published', { exact: false, within: dialog });
    expect(await warning.getText()).toContain(`“${live.title}”`);
    await byRole('button', SEPARATE, { within: dialog });
    await byRole('button', 'Publish now', { within: dialog });
    await byRole('button', 'Save draft anyway', { within: dialog });
    // The careful choice has the focus, so Enter never takes the training out of use.
    const focused = await browser.execute(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe(SEPARATE);
    await keepScreenshot('review-draft-takes-out-of-use');
    await expectNoAxeViolations('review that warns');
  });

  it('keeps the live one as it was on open.cx and opens the text as a separate draft', async () => {
    const before = await api.getTraining(live.id);
    await control.clearRequests();
    await (await byRole('button', SEPARATE)).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });
    await waitForText('status', `“${live.title}” stays in use as it was.`);

    expect(await api.getTraining(live.id)).toEqual(before);
    const writes = (await control.requests()).filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /training']);
    const copyTitle = `${live.title} (draft copy)`;
    const copy = (await api.listAllTrainings()).find((t) => t.title === copyTitle);
    expect(copy).toBeDefined();
    expect(copy.is_draft).toBe(true);
    expect(copy.current_version).toBeNull();
    expect(copy.content).toBe('Offer a refund within 60 days, with the receipt.');
    expect(copy.directory_id).toBe(live.directory_id);
    await browser.waitUntil(async () => (await (await byRole('textbox', 'Title')).getValue()) === copyTitle, {
      timeoutMsg: 'the separate draft did not open in the editor',
    });
    expect(await allByRole('status', 'Unsaved changes')).toEqual([]);
  });

  it('publishes instead from the same review, and History tells the saves apart to the second', async () => {
    await openTraining(live.title);
    await replaceEditorText('Content', 'Offer a refund within 45 days.');
    await (await byRole('button', 'Save draft')).click();
    let dialog = await byRole('dialog', 'Review changes');
    await (await byRole('button', 'Publish now', { within: dialog })).click();
    await browser.waitUntil(async () => (await allByRole('button', SEPARATE)).length === 0, {
      timeoutMsg: 'the review did not become a publish',
    });
    dialog = await byRole('dialog', 'Review changes');
    expect(await dialog.getText()).toContain('Publishing makes this version live');
    await (await byRole('button', 'Publish now', { within: dialog })).click();
    await waitGone('dialog', 'Review changes', { timeout: 30_000 });
    const published = await browser.waitUntil(async () => {
      const t = await api.getTraining(live.id);
      return t.content === 'Offer a refund within 45 days.' && t;
    }, { timeout: 20_000, timeoutMsg: 'the publish did not reach the simulator' });
    expect(published.is_draft).toBe(false);
    expect(published.current_version).toBe(live.current_version + 1);

    await (await byRole('button', 'History')).click();
    const history = await byRole('dialog', `History of “${live.title}”`);
    const version = await byRole('button', 'Published', { exact: false, within: history });
    const label = await browser.execute((el) => el.textContent.replace(/\s+/g, ' ').trim(), version);
    expect(label).toMatch(/\d{1,2}:\d{2}:\d{2}/);
    expect(label).toContain(`open.cx version ${published.current_version}`);
    await keepScreenshot('history-seconds-and-version');
    await expectNoAxeViolations('history with open.cx versions');
    await browser.keys(['Escape']);
    await waitGone('dialog', `History of “${live.title}”`);
  });
});
