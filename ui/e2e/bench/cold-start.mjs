// Cold start with a cached workspace of N trainings (default 10,000), in the release app against
// a real opencx-sim process: time from launch until the list shows all N, and the requests the
// simulator had received by then (its request log), for three starts measured side by side:
//   cached, open.cx reachable  – the app starts from its on-disk workspace cache;
//   cached, open.cx down       – every request answers 503: what shows came from the cache;
//   no cache (baseline)        – the cache file removed first: the list waits for list-all.
//   node ui/e2e/bench/cold-start.mjs [N]
// Needs target/release/training-studio, target/{release,debug}/opencx-sim, tauri-driver, a
// display, and a D-Bus session with an unlocked keyring (the key is kept in the keychain):
// scripts/bench.sh runs it that way. The first launch signs in through the sign-in screen and
// loads the workspace, which writes the cache; every later launch resumes that session.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, listShown, median, root, startDriver } from './app.mjs';
import { control, requestLog, signIn, startSim } from './sim.mjs';

const RUNS = 5;
const N = Number(process.argv[2] ?? 10000);

/** The cache files under the data dir (wherever the app keeps its data). */
function cacheDirs(dataHome) {
  const found = [];
  for (const app of readdirSync(dataHome)) {
    const dir = path.join(dataHome, app, 'cache');
    if (existsSync(dir)) found.push(dir);
  }
  return found;
}

async function start(url, n) {
  await control(url, 'DELETE', '/_sim/requests');
  const started = performance.now();
  const browser = await launch([]);
  try {
    await browser.waitUntil(() => browser.execute(listShown, n), { timeout: 180_000, interval: 20 });
    const shownMs = performance.now() - started;
    const entries = await requestLog(url);
    return {
      shownMs,
      received: entries.length,
      answered: entries.filter((e) => e.status !== null && e.status !== undefined).length,
    };
  } finally {
    await browser.deleteSession();
  }
}

const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-cold-'));
const sim = await startSim(N);
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
try {
  // Sign in once; loading the workspace writes the cache (in the background, soon after).
  const first = await launch([]);
  try {
    await signIn(first, sim.url);
    await first.waitUntil(() => first.execute(listShown, N), { timeout: 180_000, interval: 100 });
    await new Promise((r) => setTimeout(r, 5000));
  } finally {
    await first.deleteSession();
  }
  if (cacheDirs(dataHome).length === 0) throw new Error('the app wrote no workspace cache');

  const results = { cached: [], down: [], none: [] };
  for (let run = 0; run < RUNS; run++) {
    results.cached.push(await start(sim.url, N));
    await new Promise((r) => setTimeout(r, 3000)); // the cache write after that load
    await control(sim.url, 'PUT', '/_sim/faults', { down: true });
    results.down.push(await start(sim.url, N));
    await control(sim.url, 'PUT', '/_sim/faults', {});
    for (const dir of cacheDirs(dataHome)) rmSync(dir, { recursive: true, force: true });
    results.none.push(await start(sim.url, N));
    await new Promise((r) => setTimeout(r, 3000)); // the cache is written again for the next run
    process.stderr.write(`run ${run + 1}: ${JSON.stringify({ cached: results.cached.at(-1), down: results.down.at(-1), none: results.none.at(-1) })}\n`);
  }
  const row = (label, rs) => `| ${label} | ${median(rs.map((r) => r.shownMs)).toFixed(0)} ms (${Math.min(...rs.map((r) => r.shownMs)).toFixed(0)}–${Math.max(...rs.map((r) => r.shownMs)).toFixed(0)}) | ${median(rs.map((r) => r.received))} | ${median(rs.map((r) => r.answered))} |`;
  console.log(`${N} trainings, simulator ${path.relative(root, sim.bin)}; medians of ${RUNS} launches each, interleaved; requests as the simulator's log held them when the list showed.`);
  console.log();
  console.log('| start | launch → list of all shown, median (min–max) | requests received by then | of which answered |');
  console.log('|---|---:|---:|---:|');
  console.log(row('cached workspace, open.cx reachable', results.cached));
  console.log(row('cached workspace, open.cx down (503 to everything)', results.down));
  console.log(row('no cache (baseline: list-all first)', results.none));
} finally {
  stopDriver();
  sim.stop();
  rmSync(dataHome, { recursive: true, force: true });
}
