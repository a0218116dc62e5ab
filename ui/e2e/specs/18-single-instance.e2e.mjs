// One app per data folder (issue 15): with the app running under the driver, launching the same
// binary again with the same data folder and environment (a double click on the icon) exits by
// itself soon, leaving one app process and one window, which the first app brings to the front
// and which still works. A launch with another data folder (a test run, a demo with its own
// folder) is not held back.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { allByRole } from '../support/ui.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const binary = path.resolve(here, '../../../target/debug/training-studio');
const appLog = path.resolve(here, '../artifacts/app.log');
const TITLE = 'Training Studio';

/** Pids of the processes running this binary. */
function appPids() {
  return readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`) === binary;
    } catch {
      return false;
    }
  }).map(Number);
}

/** The visible X windows named like the app's. */
function appWindows() {
  try {
    return execFileSync('xdotool', ['search', '--onlyvisible', '--name', `^${TITLE}$`]).toString().trim().split('\n').filter(Boolean);
  } catch {
    return []; // xdotool exits 1 when nothing matches
  }
}

/** Launches the binary as a person would (no driver); resolves with its exit code, or null if still running after `ms`. */
function launchAgain(env, ms) {
  const child = spawn(binary, [], { env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), ms));
  return { child, result: Promise.race([exited, timeout]) };
}

/** Opens the list's `n`th training (whatever other specs renamed) and waits for the editor. */
async function openNth(n) {
  const options = await allByRole('option');
  const title = (await $(options[n]).$('.title').getProperty('textContent')).trim();
  await openTraining(title);
}

describe('one app per data folder', () => {
  before(async () => {
    await ensureSignedIn();
  });

  it('a second launch on the same data folder hands over to the running app and exits', async () => {
    const [first] = appPids();
    expect(appPids()).toHaveLength(1);
    await browser.waitUntil(() => appWindows().length === 1, { timeoutMsg: 'the app window is not visible' });
    const logBefore = readFileSync(appLog, 'utf8').length;

    const second = launchAgain(process.env, 20_000);
    expect(await second.result).toBe(0);

    expect(appPids()).toEqual([first]);
    expect(appWindows()).toHaveLength(1);
    // The running app heard of the launch and brought its window to the front.
    await browser.waitUntil(() => readFileSync(appLog, 'utf8').slice(logBefore).includes('launched again'), {
      timeout: 5000, timeoutMsg: 'the running app did not hear of the second launch',
    });
    // And it still works.
    await openNth(0);
  });

  it('a launch with another data folder is not held back', async () => {
    const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-second-'));
    const other = launchAgain({ ...process.env, XDG_DATA_HOME: dataHome }, 8000);
    try {
      expect(await other.result).toBeNull(); // still running
      await browser.waitUntil(() => appWindows().length === 2, {
        timeout: 20_000, timeoutMsg: 'the app on another data folder showed no window',
      });
      expect(appPids()).toHaveLength(2);
    } finally {
      other.child.kill();
      await new Promise((resolve) => (other.child.exitCode !== null ? resolve() : other.child.on('exit', resolve)));
      rmSync(dataHome, { recursive: true, force: true });
    }
    expect(appPids()).toHaveLength(1);
    await openNth(1);
  });
});
