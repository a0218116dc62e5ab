// WebdriverIO configuration: drives the real training-studio binary (UI bundled) in a real
// WebKitGTK webview through tauri-driver, against a real opencx-sim process started here.
// Run by scripts/test.sh inside a D-Bus session with an unlocked gnome-keyring and under Xvfb.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installFakeOpener } from './support/fake-opener.mjs';
import { startSim } from './support/sim-process.mjs';
import { waitForPort } from './support/wait.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts');
const DRIVER_PORT = 4444;

let sim;
let driver;

export const config = {
  runner: 'local',
  specs: ['./specs/*.e2e.mjs'],
  maxInstances: 1,
  hostname: '127.0.0.1',
  port: DRIVER_PORT,
  capabilities: [
    {
      maxInstances: 1,
      'tauri:options': { application: path.join(root, 'target/debug/training-studio') },
    },
  ],
  logLevel: 'error',
  framework: 'mocha',
  // Long enough for the bulk move of 150 trainings at 100 requests a minute (about 3 minutes).
  mochaOpts: { ui: 'bdd', timeout: 10 * 60_000 },
  reporters: ['spec'],
  waitforTimeout: 15_000,
  connectionRetryCount: 2,

  async onPrepare() {
    mkdirSync(artifacts, { recursive: true });
    sim = await startSim({ root, logFile: path.join(artifacts, 'opencx-sim.log') });
    // Workers inherit the launcher's environment: the specs read the simulator's address here.
    process.env.E2E_SIM_URL = sim.url;
    // The app finds a fake `xdg-open` first on its PATH (inherited through tauri-driver and
    // WebKitWebDriver): links it is asked to open are recorded, never opened (specs/14-links).
    const opener = installFakeOpener(artifacts);
    process.env.E2E_OPENER_LOG = opener.log;
    // The app's own log (its stderr reaches us through the driver) is kept for the secrets
    // scan in specs/09-secrets.e2e.mjs, and still shown.
    driver = spawn('tauri-driver', ['--port', String(DRIVER_PORT)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${opener.bin}${path.delimiter}${process.env.PATH}` },
    });
    const appLog = createWriteStream(path.join(artifacts, 'app.log'));
    driver.stdout.pipe(process.stdout);
    driver.stderr.pipe(process.stderr);
    driver.stdout.pipe(appLog);
    driver.stderr.pipe(appLog);
    await waitForPort(DRIVER_PORT, 20_000);
  },

  async afterTest(test, _context, { passed }) {
    if (!passed) {
      const name = `${test.parent} ${test.title}`.replace(/[^a-z0-9]+/gi, '-').slice(0, 120);
      await browser.saveScreenshot(path.join(artifacts, `${name}.png`)).catch(() => {});
    }
  },

  onComplete() {
    driver?.kill();
    sim?.stop();
  },
};
