// Measures the release app as a person meets it, beside a bare Tauri 2 window (crates/bare-window:
// the same Tauri and release profile, compositing off like the app, one static page): time from
// launch until the window shows its content — for the app, the main view listing the trainings of
// a `scale:N` workspace; for the bare window, its page — and the memory of the process and its
// WebKit processes (PSS summed over the process tree, /proc/PID/smaps_rollup) one second after.
// The app runs two ways per size: the demo (`--demo --demo-seed scale:N`: its simulator, holding
// the whole workspace, runs inside the app's process, so its PSS counts it) and signed in to a
// workspace served by a separate opencx-sim process (as a customer's app meets open.cx: the PSS is
// the app's own). The bare window and the app are launched in turn, RUNS times each per size and
// way, and the medians and the app's ratio to the bare window are printed side by side.
//   node ui/e2e/bench/startup.mjs [N ...]      (default: 1000)
//   node ui/e2e/bench/startup.mjs --stages [N ...]
// --stages also prints where the app's time to the list goes: the median moment, counted from
// the launch, of each stage of its page (the page's start, its HTML and script parsed, and the
// app's own `startup:*` marks, lib/startup-marks.ts), and the PSS of each of its processes.
// Needs target/release/{training-studio,bare-window,opencx-sim} (scripts/bench.sh builds them),
// tauri-driver, a display and a D-Bus session with an unlocked keyring (run as scripts/bench.sh
// does). Each launch is a fresh process; the workspace cache (and the demo's state file) are kept
// after the first launch of a size and way, as on a user's machine: that first launch (which
// generates the demo's workspace, or signs in and loads everything, and lasts until the kept
// copy is written) is a warm-up, not counted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, bareWindow, launch, listShown, median, startDriver } from './app.mjs';
import { signIn, startSim } from './sim.mjs';
import { totalKiB, treePssByName } from './processes.mjs';

const RUNS = 5;
const sizes = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number).filter(Boolean);
const STAGES = process.argv.includes('--stages');

/* ---- in the page (self-contained: WebDriver serialises these functions) ---- */

function pageShows() {
  return document.querySelector('h1') !== null;
}

/** The page's stages: when it started (epoch ms) and each stage's moment after that. */
function pageStages() {
  const nav = performance.getEntriesByType('navigation')[0];
  const stages = { 'page: HTML parsed': nav?.domInteractive, 'page: scripts run (DOMContentLoaded)': nav?.domContentLoadedEventEnd };
  for (const mark of performance.getEntriesByType('mark')) {
    if (mark.name.startsWith('startup:') && !(mark.name in stages)) stages[mark.name] = mark.startTime;
  }
  return { origin: performance.timeOrigin, stages };
}

/* ---- one launch ---- */

/** Launches `application`, waits until `shows(arg)` holds in its page; time and memory. */
async function launchOnce(application, args, shows, arg) {
  const started = performance.now();
  const startedAt = Date.now();
  const browser = await launch(args, application);
  try {
    await browser.waitUntil(() => browser.execute(shows, arg), { timeout: 180_000, interval: 20 });
    const shownMs = performance.now() - started;
    const { origin, stages } = await browser.execute(pageStages);
    const fromLaunch = { 'page: started': origin - startedAt };
    for (const [name, at] of Object.entries(stages)) if (at !== undefined) fromLaunch[name] = origin - startedAt + at;
    await new Promise((r) => setTimeout(r, 1000)); // let the page settle before reading memory
    const pid = Number(execFileSync('pgrep', ['-n', '-f', application]).toString().trim());
    const pssByName = treePssByName(pid);
    const pssMiB = totalKiB(pssByName) / 1024;
    return { shownMs, pssMiB, pssByName, stages: fromLaunch };
  } finally {
    await browser.deleteSession();
  }
}

const demoArgs = (n) => ['--demo', '--demo-seed', `scale:${n}`];
const launchDemo = (n) => launchOnce(app, demoArgs(n), listShown, n);
const launchSignedIn = (n) => launchOnce(app, [], listShown, n);
const launchBare = () => launchOnce(bareWindow, [], pageShows, null);

/**
 * The warm-up launch of a size and way: the app with `args` (signed in to the simulator at
 * `signInTo` first, if given) until it lists all `n` trainings and has written its kept copy of
 * them in `dataHome` (once the directories and segments have come too, which at 10,000 wait for
 * the app's request budget), so the launches after it start as a returning user's app does.
 */
async function warmUp(args, n, dataHome, signInTo = null) {
  const browser = await launch(args);
  try {
    if (signInTo) await signIn(browser, signInTo);
    await browser.waitUntil(() => browser.execute(listShown, n), { timeout: 180_000, interval: 50 });
    const kept = () => readdirSync(dataHome, { recursive: true }).some((f) => /(^|\/)cache\/[^/]+\.json$/.test(f));
    await browser.waitUntil(async () => kept(), { timeout: 180_000, interval: 500 });
    await new Promise((r) => setTimeout(r, 1000));
  } finally {
    await browser.deleteSession();
  }
}

/** With a tauri-driver whose apps keep their data in a fresh folder: `prepare(folder)` (a warm-up), then the bare
 *  window and `launchTheApp` in turn, RUNS times each. */
async function interleaved(prepare, launchTheApp) {
  const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-'));
  const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
  try {
    await prepare(dataHome);
    const bare = [];
    const appRuns = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await launchBare());
      appRuns.push(await launchTheApp());
    }
    return { bare, app: appRuns };
  } finally {
    await stopDriver();
    rmSync(dataHome, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  }
}

const fmt = (runs, key, digits = 0) => median(runs.map((r) => r[key])).toFixed(digits);
const range = (runs) => {
  const ms = runs.map((r) => r.shownMs);
  return `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`;
};
const ratio = (app, bare, key) => (median(app.map((r) => r[key])) / median(bare.map((r) => r[key]))).toFixed(2);

console.log(`| trainings | the app's workspace | bare window: shown, median of ${RUNS} (min–max) | app: list shown (min–max) | app ÷ bare | bare window: PSS, median | app + WebKit: PSS | app ÷ bare |`);
console.log('|---|---|---|---|---:|---|---|---:|');
const rows = [];
for (const n of sizes.length ? sizes : [1000]) {
  const demo = await interleaved((dataHome) => warmUp(demoArgs(n), n, dataHome), () => launchDemo(n));
  rows.push({ n, how: 'demo (simulator in the app)', ...demo });
  const sim = await startSim(n);
  try {
    const signedIn = await interleaved((dataHome) => warmUp([], n, dataHome, sim.url), () => launchSignedIn(n));
    rows.push({ n, how: 'opencx-sim (own process)', ...signedIn });
  } finally {
    sim.stop();
  }
  for (const { how, bare, app: appRuns } of rows.slice(-2)) {
    console.log(`| ${n} | ${how} | ${fmt(bare, 'shownMs')} ms (${range(bare)}) | ${fmt(appRuns, 'shownMs')} ms (${range(appRuns)}) | ${ratio(appRuns, bare, 'shownMs')}× | ${fmt(bare, 'pssMiB')} MiB | ${fmt(appRuns, 'pssMiB')} MiB | ${ratio(appRuns, bare, 'pssMiB')}× |`);
  }
}
for (const { n, how, bare, app: appRuns } of STAGES ? rows : []) {
  console.log(`\n| stage, counted from the launch (median of ${RUNS}) | bare window | app, ${n} trainings, ${how} |`);
  console.log('|---|---:|---:|');
  const names = [...new Set([...bare, ...appRuns].flatMap((r) => Object.keys(r.stages)))];
  const at = (runs, name) => {
    const times = runs.map((r) => r.stages[name]).filter((t) => t !== undefined);
    return times.length ? `${median(times).toFixed(0)} ms` : '–';
  };
  const order = (name) => median(appRuns.map((r) => r.stages[name] ?? Infinity));
  for (const name of names.sort((a, b) => order(a) - order(b))) console.log(`| ${name} | ${at(bare, name)} | ${at(appRuns, name)} |`);
  console.log(`| list shown (the benchmark's clock) | ${fmt(bare, 'shownMs')} ms | ${fmt(appRuns, 'shownMs')} ms |`);
  const processNames = [...new Set([...bare, ...appRuns].flatMap((r) => Object.keys(r.pssByName)))].sort();
  const pss = (runs, name) => `${(median(runs.map((r) => r.pssByName[name] ?? 0)) / 1024).toFixed(0)} MiB`;
  for (const name of processNames) console.log(`| PSS of ${name} (median) | ${pss(bare, name)} | ${pss(appRuns, name)} |`);
}
