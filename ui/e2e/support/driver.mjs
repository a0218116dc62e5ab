// tauri-driver for the launcher: started once, and made whole again between spec files. A spec
// whose app stopped answering (a hung page, an app that does not exit when its session ends)
// fails on its own; the app it left is ended and a driver that no longer answers is replaced, so
// the spec files after it start from a clean driver instead of each failing to open a session.
import { execFileSync, spawn } from 'node:child_process';
import { waitForPort } from './wait.mjs';

/** Starts tauri-driver on `port` in folder `cwd` (the apps it launches start there); its output
 *  (the app's log) goes to `sinks`. */
export async function startDriver({ port, env, sinks, cwd }) {
  const driver = spawn('tauri-driver', ['--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd });
  for (const sink of sinks) {
    driver.stdout.pipe(sink, { end: false });
    driver.stderr.pipe(sink, { end: false });
  }
  await waitForPort(port, 20_000);
  return driver;
}

/** Whether the driver at `port` answers its status request within `timeoutMs`. */
export async function driverAnswers(port, timeoutMs = 5_000) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Ends every process still running `application` (the app a finished spec file left behind). */
export function endLeftoverApps(application) {
  try {
    const escaped = application.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    execFileSync('pkill', ['-KILL', '-f', `^${escaped}( |$)`]);
    return true;
  } catch {
    return false; // pkill exits 1 when nothing matched
  }
}

/** Stops `driver` and the WebKitWebDriver it started, waiting until it has exited. */
export async function stopDriver(driver) {
  if (driver.exitCode !== null) return;
  const exited = new Promise((resolve) => driver.once('exit', resolve));
  try {
    execFileSync('pkill', ['-KILL', '-P', String(driver.pid)]); // its WebKitWebDriver
  } catch {
    // none was running
  }
  driver.kill('SIGKILL');
  await exited;
}
