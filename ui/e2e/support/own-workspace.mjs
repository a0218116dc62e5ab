// A workspace of the spec's own: a simulator started for it (seed, rate limit, draft reading…),
// added through "Add workspace" and signed in to, and left again at the end for the shared one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allByRole, byRole, listenToAnnouncements, waitForAnnouncement } from './ui.mjs';
import { ensureSignedIn, signIn } from './session.mjs';
import { startSim } from './sim-process.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Starts a simulator with `simOptions` (its log in ui/e2e/artifacts/`logName`), adds it as the
 * workspace `name` and opens it. While it is open `E2E_SIM_URL` points at it, so the spec's own
 * API checks read it too. `leave()` goes back to the shared workspace (the app resumes the last
 * one at the next spec's start, and this simulator stops) and stops the simulator.
 */
export async function openOwnWorkspace({ name, logName, ...simOptions }) {
  const sim = await startSim({ root, logFile: path.join(root, 'ui/e2e/artifacts', logName), ...simOptions });
  await ensureSignedIn();
  await (await byRole('button', 'Add workspace')).click();
  const shared = process.env.E2E_SIM_URL;
  process.env.E2E_SIM_URL = sim.url;
  await signIn({ name });
  await byRole('listbox', 'Trainings');
  return {
    sim,
    async leave() {
      if ((await allByRole('dialog')).length > 0) await browser.keys(['Escape']);
      process.env.E2E_SIM_URL = shared;
      // Both workspaces hold the demo's trainings: the list alone cannot tell them apart. The
      // switch is done (and kept for the next start) when the app says it opened the shared one.
      await listenToAnnouncements();
      await (await byRole('combobox', 'Workspace')).selectByVisibleText('Acme — e2e');
      await waitForAnnouncement('Opened Acme — e2e.');
      await byRole('option', 'Where is my order?', { exact: false, timeout: 30_000 });
      await sim.stop();
    },
  };
}
