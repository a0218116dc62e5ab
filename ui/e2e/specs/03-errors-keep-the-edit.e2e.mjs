// A refused save keeps the editor's words: the service down (503: the save waits in the outbox
// and is sent once open.cx is back) and the key rejected (401).
import { byRole, waitForText, waitGone, typeInto } from '../support/ui.mjs';
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

  it('keeps the edit when open.cx is down (503): it waits to be sent, and arrives once it is back', async () => {
    await control.setFaults({ down: true });
    await saveDraftThroughReview();
    // After the client's own retries, the save goes to the outbox instead of failing.
    await byRole('button', 'Waiting to send (1)', { timeout: 90_000 });
    expect(await (await byRole('textbox', 'Title')).getValue()).toBe(EDITED);

    await control.clearFaults();
    await browser.waitUntil(async () => {
      const t = await api.findByTitle(EDITED).catch(() => null);
      return t !== null;
    }, { timeout: 60_000, timeoutMsg: 'the waiting save never reached the simulator' });
    await waitGone('button', 'Waiting to send (1)', { timeout: 30_000 });
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
