// Measures the release app as a person meets it: time from launch to the main view listing the
// trainings of a `scale:N` demo workspace, and the resident memory of the app and its WebKit
// processes together once it shows. Median of RUNS launches per size, side by side in one run.
//   node ui/e2e/bench/startup.mjs [N ...]      (default: 1000)
// Needs target/release/training-studio (scripts/bench.sh builds it), tauri-driver and a display
// (run under xvfb-run). Each launch is a fresh app process; the demo's state file is reused after
// the first launch of a size, as it would be on a user's machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, launch, median, startDriver } from './app.mjs';

const RUNS = 5;
const sizes = process.argv.slice(2).map(Number).filter(Boolean);

/** Resident memory (KiB) of a process and all its descendants, from /proc. */
function treeRssKiB(rootPid) {
  const parents = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* the process ended meanwhile */ }
  }
  const inTree = (pid) => pid === rootPid || (parents.has(pid) && pid !== 1 && inTree(parents.get(pid)));
  let total = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
      if (match) total += Number(match[1]);
    } catch { /* ended */ }
  }
  return total;
}

async function launchOnce(n) {
  const started = performance.now();
  const browser = await launch(['--demo', '--demo-seed', `scale:${n}`]);
  try {
    await browser.waitUntil(() => browser.execute((count) => {
      const all = document.querySelector('[aria-label="All trainings"]');
      const options = document.querySelectorAll('[role="listbox"][aria-label="Trainings"] [role="option"]');
      return options.length > 0 && all !== null && all.textContent.includes(String(count));
    }, n), { timeout: 120_000, interval: 20 });
    const shownMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1000)); // let the page settle before reading memory
    const pid = Number(execFileSync('pgrep', ['-n', '-f', app]).toString().trim());
    return { shownMs, rssMiB: treeRssKiB(pid) / 1024 };
  } finally {
    await browser.deleteSession();
  }
}

const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-'));
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
try {
  console.log(`| trainings | launch → list shown, median of ${RUNS} (min–max) | resident memory, app + WebKit (median) |`);
  console.log('|---|---|---|');
  for (const n of sizes.length ? sizes : [1000]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await launchOnce(n));
    const ms = runs.map((r) => r.shownMs);
    console.log(`| ${n} | ${median(ms).toFixed(0)} ms (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}) | ${median(runs.map((r) => r.rssMiB)).toFixed(0)} MiB |`);
  }
} finally {
  stopDriver();
  rmSync(dataHome, { recursive: true, force: true });
}
