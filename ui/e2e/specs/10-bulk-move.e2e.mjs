// Runs last: it leaves the app in a workspace whose simulator it stops.
// A bulk move of 150 trainings against a simulator limited to 100 requests a minute, like
// open.cx: it runs as a visible job, finishes with every training in its target directory, and no
// error (no 429) ever reaches the editor.
import { byRole, waitForText, allByRole } from '../support/ui.mjs';
import { openOwnWorkspace } from '../support/own-workspace.mjs';
import { api, control } from '../support/sim-api.mjs';
import { KEY } from '../support/mouse.mjs';

const COUNT = 150;

describe('A bulk move of 150 trainings at 100 requests a minute', () => {
  let own;
  let sim;

  before(async () => {
    own = await openOwnWorkspace({ name: 'Rate limited', logName: 'opencx-sim-bulk.log', seed: `scale:${COUNT}`, rateLimit: 100 });
    sim = own.sim;
  });

  // The specs after this one work in the shared simulator's workspace: go back to it, so the app
  // does not resume this one (whose simulator stops here) at their next start.
  after(async () => {
    await own?.leave();
  });

  it('moves every training into a new directory as one job, with no error shown', async () => {
    await (await byRole('button', 'New directory')).click();
    await (await byRole('textbox', 'Directory name')).setValue('Archive');
    await browser.keys(['Enter']);
    await byRole('button', 'Archive,', { exact: false });

    await (await byRole('button', 'All trainings')).click();
    const first = (await allByRole('option'))[0];
    await $(first).click();
    await browser.keys([KEY.control, 'a']);
    await waitForText('status', `${COUNT} trainings selected`);
    await browser.keys([KEY.control, KEY.shift, 'm']);
    await byRole('dialog', 'Move to');
    await (await byRole('searchbox', 'Filter directories')).addValue('Archive');
    await browser.keys(['Enter']);

    await byRole('region', 'Job progress');
    await waitForText('status', `Moved ${COUNT} trainings to Archive`, { timeout: 8 * 60_000 });
    expect((await allByRole('alert')).length).toBe(0);

    const archive = (await api.listDirectories(sim.url)).find((d) => d.name === 'Archive');
    const all = await api.listAllTrainings(sim.url);
    expect(all.length).toBe(COUNT);
    expect(all.filter((t) => t.directory_id === archive.id).length).toBe(COUNT);
    const log = await control.requests(sim.url);
    expect(log.filter((r) => r.status === 429).length).toBe(0);
    // One PUT per training moved (the sign-in's check of the draft rules wrote only to its own
    // temporary training, which is gone).
    const moved = new Set(all.map((t) => `/training/${t.id}`));
    expect(log.filter((r) => r.method === 'PUT' && moved.has(r.path)).length).toBe(COUNT);
  });
});
