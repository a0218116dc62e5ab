// A first load with nothing cached, as a new user meets it: sign in to a workspace of N trainings
// (default 10,000) on a real opencx-sim process that allows open.cx's 100 requests a minute, in
// the release app with its own budget of 100 a minute. The clock starts at the click on "Sign
// in"; it reads when the first trainings show and when the list shows all N, and, from the
// simulator's log at that moment, the list requests made (the sign-in's among them), every
// request before the list was complete, and any refused with 429. Each run uses a fresh
// simulator and data folder.
//   node ui/e2e/bench/first-load.mjs [N]
// Needs target/release/training-studio, target/{release,debug}/opencx-sim, tauri-driver, a display
// and a D-Bus session with an unlocked keyring (scripts/bench.sh runs it that way).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, listShown, median, startDriver } from './app.mjs';
import { requestLog, signIn, startSim } from './sim.mjs';

const RUNS = 3;
const N = Number(process.argv[2] ?? 10000);
const OPEN_CX_LIMIT = 100;

const someRowShown = () => document.querySelectorAll('[role="listbox"][aria-label="Trainings"] [role="option"]').length > 0;

async function firstLoad() {
  const sim = await startSim(N, OPEN_CX_LIMIT);
  const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-first-'));
  const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
  const browser = await launch([]);
  try {
    const signInButton = await signIn(browser, sim.url, { submit: false });
    const started = performance.now();
    await signInButton.click();
    await browser.waitUntil(() => browser.execute(someRowShown), { timeout: 180_000, interval: 20 });
    const firstMs = performance.now() - started;
    await browser.waitUntil(() => browser.execute(listShown, N), { timeout: 180_000, interval: 50 });
    const allMs = performance.now() - started;
    const log = await requestLog(sim.url);
    const isList = (r) => r.method === 'GET' && r.path === '/training';
    const lastList = log.findLastIndex(isList);
    return {
      firstMs,
      allMs,
      lists: log.filter(isList).length,
      beforeComplete: lastList + 1,
      refused: log.filter((r) => r.status === 429).length,
    };
  } finally {
    await browser.deleteSession();
    stopDriver();
    sim.stop();
    // The app may still be writing its kept copy as it exits.
    rmSync(dataHome, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

const runs = [];
for (let i = 0; i < RUNS; i++) {
  runs.push(await firstLoad());
  process.stderr.write(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}\n`);
}
const ms = (key) => `${median(runs.map((r) => r[key])).toFixed(0)} ms (${Math.min(...runs.map((r) => r[key])).toFixed(0)}–${Math.max(...runs.map((r) => r[key])).toFixed(0)})`;
console.log(`${N} trainings, nothing cached, open.cx's limit of ${OPEN_CX_LIMIT} requests a minute on the simulator; medians of ${RUNS} runs (min–max).`);
console.log();
console.log('| sign-in → first trainings shown | sign-in → all shown | list requests (⌈N/100⌉) | requests before the list was complete | refused (429) |');
console.log('|---:|---:|---:|---:|---:|');
console.log(`| ${ms('firstMs')} | ${ms('allMs')} | ${median(runs.map((r) => r.lists))} (${Math.ceil(N / 100)}) | ${median(runs.map((r) => r.beforeComplete))} | ${Math.max(...runs.map((r) => r.refused))} |`);
