// WebdriverIO configuration: drives the real training-studio binary (UI bundled) in a real
// WebKitGTK webview through tauri-driver, against a real opencx-sim process started here.
// Run by scripts/test.sh inside a D-Bus session with an unlocked gnome-keyring and under Xvfb.
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installFakeOpener } from './support/fake-opener.mjs';
import { driverAnswers, endLeftoverApps, startDriver, stopDriver } from './support/driver.mjs';
import { startSim } from './support/sim-process.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const artifacts = path.join(here, 'artifacts');
const DRIVER_PORT = 4444;
const APPLICATION = path.join(root, 'target/debug/training-studio');

let sim;
let driver;
let driverOptions;

export const config = {
  runner: 'local',
  specs: ['./specs/*.e2e.mjs'],
  maxInstances: 1,
  hostname: '127.0.0.1',
  port: DRIVER_PORT,
  capabilities: [
    {
      maxInstances: 1,
      'tauri:options': { application: APPLICATION },
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
    const appLog = createWriteStream(path.join(artifacts, 'app.log'));
    // The system's file chooser opens in the app's current folder (GTK's startup-mode 'cwd', in
    // a settings file of the run's own), and the app starts in an empty folder of the run's: a
    // spec chooses that folder with the chooser's Open button (specs/28-workspace-as-files).
    const chosenFolder = path.join(artifacts, 'chosen-folder');
    rmSync(chosenFolder, { recursive: true, force: true });
    mkdirSync(chosenFolder, { recursive: true });
    process.env.E2E_CHOSEN_FOLDER = chosenFolder;
    const gtkConfig = path.join(artifacts, 'gtk-config');
    mkdirSync(path.join(gtkConfig, 'glib-2.0', 'settings'), { recursive: true });
    writeFileSync(
      path.join(gtkConfig, 'glib-2.0', 'settings', 'keyfile'),
      "[org/gtk/settings/file-chooser]\nstartup-mode='cwd'\n",
    );
    driverOptions = {
      port: DRIVER_PORT,
      cwd: chosenFolder,
      env: {
        ...process.env,
        PATH: `${opener.bin}${path.delimiter}${process.env.PATH}`,
        GSETTINGS_BACKEND: 'keyfile',
        XDG_CONFIG_HOME: gtkConfig,
      },
      sinks: [process.stdout, appLog],
    };
    driver = await startDriver(driverOptions);
  },

  // Each spec file ends with its app gone and the driver ready for the next one: a spec that
  // left its app running (hung, or not exiting) has failed already; the next specs must not.
  async onWorkerEnd(cid) {
    if (endLeftoverApps(APPLICATION)) console.error(`[${cid}] its app was still running after the session: ended it`);
    if (await driverAnswers(DRIVER_PORT)) return;
    console.error(`[${cid}] tauri-driver stopped answering: starting it again`);
    await stopDriver(driver);
    driver = await startDriver(driverOptions);
  },

  // A spec file that failed may leave its app holding the window's close (unsaved changes ask
  // first), and the driver would wait minutes for it to close: end it before the session ends.
  after(failures) {
    if (failures > 0) endLeftoverApps(APPLICATION);
  },

  async afterTest(test, _context, { passed }) {
    if (!passed) {
      const name = `${test.parent} ${test.title}`.replace(/[^a-z0-9]+/gi, '-').slice(0, 120);
      // A page that stopped answering gets no screenshot rather than minutes of retries.
      const gaveUp = new Promise((resolve) => setTimeout(resolve, 20_000).unref());
      await Promise.race([browser.saveScreenshot(path.join(artifacts, `${name}.png`)).catch(() => {}), gaveUp]);
    }
  },

  async onComplete() {
    if (driver) await stopDriver(driver);
    sim?.stop();
  },
};
