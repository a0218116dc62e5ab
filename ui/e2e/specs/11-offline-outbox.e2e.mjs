// Offline work: started with the simulator down, the app shows the workspace kept on disk and
// says calmly that open.cx is out of reach; edits to two trainings are saved into the outbox
// ("Waiting to send (2)") and nothing reaches open.cx; once it is back, the app sends both by
// itself, each exactly once and in the order they were saved, per the simulator's request log. A
// single publish made offline waits in the outbox the same way, says so, and is sent later.
import { allByRole, byRole, typeInto, waitForText } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { KEY } from '../support/mouse.mjs';
import { keepScreenshot } from '../support/screenshot.mjs';
import { api, control } from '../support/sim-api.mjs';

// Trainings no other spec touches (specs share one simulator).
const FIRST = 'Warranty claims for electronics';
const SECOND = 'Protecting personal data in conversations';
const PUBLISHED_OFFLINE = 'Returns without an order number';
const FIRST_NEW = 'Warranty claims for electronics (saved offline)';
const SECOND_NEW = 'Protecting personal data in conversations (saved offline)';

async function saveDraftThroughReview() {
  await (await byRole('button', 'Save draft')).click();
  await byRole('dialog', 'Review changes');
  await (await byRole('button', 'Save draft now')).click();
}

const shownTitle = (t) => t.draft_title ?? t.title;
const outboxButtons = () => allByRole('button', 'Waiting to send', { exact: false });

describe('Offline saves wait in the outbox', () => {
  const ids = {};

  before(async () => {
    await ensureSignedIn();
    ids.first = (await api.findByTitle(FIRST)).id;
    ids.second = (await api.findByTitle(SECOND)).id;
  });

  after(() => control.clearFaults());

  it('starts from the workspace kept on disk and says open.cx is out of reach', async () => {
    await control.setFaults({ down: true });
    // A new start of the app, with open.cx down.
    await browser.reloadSession();
    await ensureSignedIn();
    await byRole('option', FIRST, { exact: false });
    const banner = await byRole('region', 'Offline', { timeout: 90_000 });
    expect(await banner.getText()).toMatch(/Can't reach open.cx. Showing your workspace as of .+\. Saves wait to be sent\./);
    await keepScreenshot('offline-banner');
  });

  it('keeps two saves on this computer while open.cx is down', async () => {
    await control.clearRequests();

    await openTraining(FIRST);
    await typeInto('textbox', 'Title', FIRST_NEW);
    await saveDraftThroughReview();
    // The client retries a 503 a few times before the save goes to the outbox.
    await byRole('button', 'Waiting to send (1)', { timeout: 90_000 });
    expect(await allByRole('status', 'Unsaved changes')).toEqual([]);

    await openTraining(SECOND);
    await typeInto('textbox', 'Title', SECOND_NEW);
    await saveDraftThroughReview();
    await byRole('button', 'Waiting to send (2)', { timeout: 90_000 });

    await (await byRole('button', 'Waiting to send (2)')).click();
    const panel = await byRole('dialog', 'Waiting to send');
    const text = await panel.getText();
    expect(text).toContain(FIRST_NEW);
    expect(text).toContain(SECOND_NEW);
    await keepScreenshot('outbox-panel');
    await (await byRole('button', 'Close', { within: panel })).click();

    const writes = (await control.requests()).filter((r) => r.method !== 'GET' && r.status >= 200 && r.status < 300);
    expect(writes).toEqual([]);
  });

  it('sends both once each, in order, when open.cx is back', async () => {
    await control.clearFaults();
    // The app retries on its own (every 10 s while something waits).
    await browser.waitUntil(async () => (await outboxButtons()).length === 0, {
      timeout: 60_000,
      timeoutMsg: 'the outbox was not emptied once the simulator was back',
    });

    const puts = (await control.requests()).filter(
      (r) => r.method === 'PUT' && r.status >= 200 && r.status < 300 && [ids.first, ids.second].some((id) => r.path.endsWith(`/${id}`)),
    );
    expect(puts.map((r) => r.path)).toEqual([`/training/${ids.first}`, `/training/${ids.second}`]);
    expect(shownTitle(await api.getTraining(ids.first))).toBe(FIRST_NEW);
    expect(shownTitle(await api.getTraining(ids.second))).toBe(SECOND_NEW);
  });

  it('keeps a single publish made offline in the outbox and sends it once open.cx is back', async () => {
    const { id, is_draft: wasDraft } = await api.findByTitle(PUBLISHED_OFFLINE);
    expect(wasDraft).toBe(true);
    await control.setFaults({ down: true });
    await (await byRole('button', 'All trainings')).click();
    await (await byRole('option', PUBLISHED_OFFLINE, { exact: false })).click();
    await browser.keys([KEY.shift, 'F10']);
    await (await byRole('menuitem', 'Publish')).click();
    // The client retries a 503 a few times before the publish goes to the outbox.
    await waitForText('status', `Publishing “${PUBLISHED_OFFLINE}” waits to be sent when open.cx can be reached.`, { timeout: 90_000 });
    await byRole('button', 'Waiting to send (1)');

    await control.clearFaults();
    await browser.waitUntil(async () => (await outboxButtons()).length === 0, {
      timeout: 60_000,
      timeoutMsg: 'the waiting publish was not sent once the simulator was back',
    });
    expect((await api.getTraining(id)).is_draft).toBe(false);
  });
});
