// What the benchmarks against a real opencx-sim process share: the simulator (release build if
// there is one) with a `scale:N` workspace, its control routes (request log, faults), the list
// shown with all N, and signing in through the sign-in screen.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { root } from './app.mjs';
import { TOKENS } from '../support/sim-process.mjs';

/** An opencx-sim process with scale:n and `rateLimit` requests a minute (0: none). */
export async function startSim(n, rateLimit = 0) {
  const bin = ['release', 'debug'].map((p) => path.join(root, 'target', p, 'opencx-sim')).find(existsSync);
  const child = spawn(bin, ['--addr', '127.0.0.1:0', '--seed', `scale:${n}`, '--token', TOKENS.good,
    '--rate-limit', String(rateLimit), '--control-token', TOKENS.control], { stdio: ['ignore', 'pipe', 'ignore'] });
  const url = await new Promise((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`opencx-sim exited early with ${code}`)));
  });
  return { url, bin, stop: () => child.kill('SIGTERM') };
}

export async function control(url, method, route, body) {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${TOKENS.control}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** The simulator's request log, oldest first. */
export async function requestLog(url) {
  const log = await control(url, 'GET', '/_sim/requests');
  return Array.isArray(log) ? log : (log.requests ?? log.entries ?? []);
}

/** Fills the sign-in screen for the simulator at `url`; `submit: false` leaves the click to the caller. */
export async function signIn(browser, url, { submit = true } = {}) {
  const field = async (label) => browser.$(`aria/${label}`);
  await browser.waitUntil(async () => (await (await field('API key')).isExisting()), { timeout: 60_000 });
  await (await field('Workspace name')).setValue('Bench');
  await (await field('API key')).setValue(TOKENS.good);
  if (!(await (await field('API base URL')).isDisplayed())) await (await field('Advanced')).click();
  await (await field('API base URL')).setValue(url);
  const button = await browser.$('button=Sign in');
  if (submit) await button.click();
  return button;
}
