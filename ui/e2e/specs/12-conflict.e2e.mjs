// A colleague's change is never overwritten silently: while a training is open in the app, it is
// changed through the simulator's API (another open.cx client); saving brings up the conflict
// view with nothing written, and "Keep mine" then puts the editor's version on the server.
import { byRole, typeInto, waitGone } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { api } from '../support/sim-api.mjs';

// A training no other spec touches (specs share one simulator).
const TITLE = 'Welcome discount for new customers';
const MINE = 'Welcome discount for new customers (mine)';
const THEIRS = 'Welcome discount for new customers (a colleague’s)';

const shownTitle = (t) => t.draft_title ?? t.title;

describe('Conflicts with someone else’s change', () => {
  let id;

  before(async () => {
    await ensureSignedIn();
    id = (await api.findByTitle(TITLE)).id;
  });

  it('shows the conflict view and writes nothing', async () => {
    await openTraining(TITLE);
    await typeInto('textbox', 'Title', MINE);

    const t = await api.getTraining(id);
    await api.updateTraining(id, {
      title: THEIRS,
      content: `${t.draft_content ?? t.content}\n\nOffer ends on Sunday.`,
      type: t.type,
      directory_id: t.directory_id,
      restricted_to_channels: t.restricted_to_channels,
      restricted_to_segments: t.restricted_to_segments,
    });

    await (await byRole('button', 'Save draft')).click();
    await byRole('dialog', 'Review changes');
    await (await byRole('button', 'Save draft now')).click();

    const dialog = await byRole('dialog', 'Someone else changed this training', { timeout: 30_000 });
    const text = await dialog.getText();
    expect(text).toContain(THEIRS);
    expect(text).toContain(MINE);
    expect(text).toContain('Offer ends on Sunday.');
    await keepScreenshot('conflict-dialog');
    expect(shownTitle(await api.getTraining(id))).toBe(THEIRS);
  });

  it('offers to edit the merge, starting from the editor’s version', async () => {
    const dialog = await byRole('dialog', 'Someone else changed this training');
    await (await byRole('button', 'Edit the merge', { within: dialog })).click();
    expect(await (await byRole('textbox', 'Title', { within: dialog })).getValue()).toBe(MINE);
    await keepScreenshot('conflict-merge');
    await (await byRole('button', 'Back', { within: dialog })).click();
  });

  it('Keep mine puts the editor’s version on the server', async () => {
    const dialog = await byRole('dialog', 'Someone else changed this training');
    await (await byRole('button', 'Keep mine', { within: dialog })).click();
    await waitGone('dialog', 'Someone else changed this training', { timeout: 30_000 });
    await browser.waitUntil(async () => shownTitle(await api.getTraining(id)) === MINE, {
      timeout: 20_000,
      timeoutMsg: 'the server does not have the editor’s version',
    });
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(MINE);
  });
});
