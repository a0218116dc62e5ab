// History: two saves of one training are kept on this computer; the History panel lists them
// newest first, compares the older one with the editor, and restores it into the editor as
// unsaved changes without sending anything.
import { allByRole, byRole, typeInto, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { api, control } from '../support/sim-api.mjs';

// A training no other spec touches (specs share one simulator).
const TITLE = 'Talking about competitors';
const FIRST = 'Talking about competitors (first save)';
const SECOND = 'Talking about competitors (second save)';

const shownTitle = (t) => t.draft_title ?? t.title;

async function saveDraft(id, title) {
  await typeInto('textbox', 'Title', title);
  await (await byRole('button', 'Save draft')).click();
  await byRole('dialog', 'Review changes');
  await (await byRole('button', 'Save draft now')).click();
  await waitGone('dialog', 'Review changes', { timeout: 30_000 });
  await browser.waitUntil(async () => shownTitle(await api.getTraining(id)) === title, {
    timeout: 20_000,
    timeoutMsg: `the save of "${title}" did not reach the simulator`,
  });
}

describe('History of a training', () => {
  let id;

  before(async () => {
    await ensureSignedIn();
    id = (await api.findByTitle(TITLE)).id;
  });

  // Leave nothing unsaved for later specs: the saved title again means no change.
  after(async () => {
    if ((await allByRole('dialog', `History of “${SECOND}”`)).length > 0) await browser.keys(['Escape']);
    await typeInto('textbox', 'Title', SECOND);
    await waitGone('status', 'Unsaved changes');
  });

  it('keeps each save as a version', async () => {
    await openTraining(TITLE);
    await saveDraft(id, FIRST);
    await saveDraft(id, SECOND);
  });

  it('restores the older version into the editor as unsaved changes', async () => {
    await (await byRole('button', 'History')).click();
    const dialog = await byRole('dialog', `History of “${SECOND}”`);
    expect(await dialog.getText()).toContain('The last 200 saves are kept on this computer.');
    const versions = await byRole('list', 'Versions', { within: dialog });
    await browser.waitUntil(async () => (await allByRole('button', 'Draft saved', { exact: false, within: versions })).length >= 2, {
      timeoutMsg: 'the two saves are not listed',
    });
    const buttons = await allByRole('button', 'Draft saved', { exact: false, within: versions });
    const text = (el) => browser.execute((button) => button.textContent, el);
    expect(await text(buttons[0])).toContain(SECOND);
    expect(await text(buttons[1])).toContain(FIRST);

    await $(buttons[1]).click();
    const compare = await byRole('region', 'Compared with the editor', { within: dialog });
    await browser.waitUntil(async () => (await compare.getText()).includes(FIRST), {
      timeoutMsg: 'the comparison with the older version did not show',
    });
    await keepScreenshot('history-panel');

    await control.clearRequests();
    await (await byRole('button', 'Restore into editor', { within: dialog })).click();
    await waitGone('dialog', `History of “${SECOND}”`);
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(FIRST);
    await byRole('status', 'Unsaved changes', { exact: false });
    const writes = (await control.requests()).filter((r) => r.method !== 'GET');
    expect(writes).toEqual([]);
    expect(shownTitle(await api.getTraining(id))).toBe(SECOND);
  });
});
