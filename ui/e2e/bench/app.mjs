// What the benchmarks of the release app share: tauri-driver on its own ports (the e2e suite
// uses 4444/4445), a fresh app session per launch, summary statistics.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { remote } from 'webdriverio';
import { waitForPort } from '../support/wait.mjs';

const PORT = 4446;
const NATIVE_PORT = 4447;
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The app under test: the release build, or BENCH_APP (e.g. a copy kept while a new build runs). */
export const app = process.env.BENCH_APP ?? path.join(root, 'target/release/training-studio');
/** The baseline of start and memory: a bare Tauri 2 window (crates/bare-window), release build. */
export const bareWindow = process.env.BENCH_BARE ?? path.join(root, 'target/release/bare-window');

export const median = (xs) => quantile(xs, 0.5);

/** The q-quantile (nearest rank) of xs. */
export function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Starts tauri-driver with `env` for the apps it launches; returns a stop function (its
 *  promise resolves once the driver is gone, so another may take its port). */
export async function startDriver(env) {
  // Release builds accept WebDriver automation only when asked to.
  const driver = spawn('tauri-driver', ['--port', String(PORT), '--native-port', String(NATIVE_PORT)], {
    stdio: 'ignore',
    env: { ...process.env, ...env, TAURI_WEBVIEW_AUTOMATION: 'true' },
  });
  await waitForPort(PORT, 20_000);
  const gone = new Promise((resolve) => driver.once('exit', resolve));
  return () => {
    driver.kill();
    return gone;
  };
}

/** A new session: launches `application` (the release app unless named) with `args`. */
export function launch(args, application = app) {
  return remote({
    hostname: '127.0.0.1', port: PORT, logLevel: 'error',
    capabilities: { 'tauri:options': { application, args } },
  });
}

/** In the page (self-contained: WebDriver serialises it): the list shows rows and the sidebar's
 *  "All trainings" counts `count` trainings. */
export const listShown = (count) => {
  const all = [...document.querySelectorAll('nav[aria-label="Directories"] button')].find(
    (b) => b.querySelector('.name')?.textContent === 'All trainings',
  );
  const options = document.querySelectorAll('[role="listbox"][aria-label="Trainings"] [role="option"]');
  return options.length > 0 && all !== undefined && all.querySelector('.count')?.textContent === String(count);
};
