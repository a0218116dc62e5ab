// A refused save keeps the editor's words: the service down (503) and the key rejected (401).
import { byRole, waitForText, typeInto } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { api, control } from '../support/sim-api.mjs';

const TITLE = 'Customer was charged twice for one order';
const EDITED = 'Customer sees two charges for one order';

async function saveDraftThroughReview() {
  await (await byRole('button', 'Save draft')).click();
  await byRole('dialog', 'Review changes');
  await (await byRole('button', 'Save draft now')).click();
}

describe('Errors during a save keep the edit', () => {
  before(async () => {
    await ensureSignedIn();
    await openTraining(TITLE);
    await typeInto('textbox', 'Title', EDITED);
  });

  after(() => control.clearFaults());

  it('keeps the edit when open.cx is down (503) and saves it on retry', async () => {
    await control.setFaults({ down: true });
    await saveDraftThroughReview();
    await waitForText('alert', 'your changes are kept', { timeout: 60_000 });
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(EDITED);
    await byRole('status', 'Unsaved changes', { exact: false });

    await control.clearFaults();
    await (await byRole('button', 'Retry')).click();
    await browser.waitUntil(async () => {
      const t = await api.findByTitle(EDITED).catch(() => null);
      return t !== null;
    }, { timeout: 20_000, timeoutMsg: 'the retried save never reached the simulator' });
  });

  it('keeps the edit when the key is rejected (401) and says to sign in again', async () => {
    await typeInto('textbox', 'Title', `${EDITED} (again)`);
    await control.setFaults({ fail_next: 1, fail_status: 401 });
    await saveDraftThroughReview();
    await waitForText('alert', 'sign in again');
    await byRole('button', 'Sign in again');
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(`${EDITED} (again)`);
    await byRole('status', 'Unsaved changes', { exact: false });
  });
});
