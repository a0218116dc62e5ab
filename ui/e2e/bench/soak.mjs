// A working day in a few minutes: the release app on the demo workspace opens its trainings again
// and again by clicking their rows (500 opens by default), switching directory every ten opens,
// typing a few words into every tenth training (every second of those is saved as a draft through
// "Review changes", the others are discarded when the next one opens), searching the list every
// 25 opens, and moving the open training to another directory and back (Undo) every 50: two bulk
// jobs, their panel and notice. It prints the memory of the app and its WebKit processes after 50, 100, 200 and
// 500 opens and again after 60 s idle:
//   - PSS (proportional set size, /proc/PID/smaps_rollup) of the app (Rust), the WebKit web
//     process and the WebKit network process, and their total;
//   - the page's JS heap (`performance.memory`, which WebKitGTK does not offer: then "n/a") and
//     its element count;
//   - the app's open file descriptors (/proc/PID/fd).
// Memory is flat when the total after 500 opens is at most 1.1× the total after 50.
//   node ui/e2e/bench/soak.mjs [--opens 500] [--idle 60]
// Needs target/release/training-studio (or BENCH_APP), tauri-driver and a display (run under
// xvfb-run with dbus-run-session); it uses a fresh data folder of its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, launch, startDriver } from './app.mjs';
import { processes, pssKiB } from './processes.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const OPENS = option('opens', 500);
const IDLE_S = option('idle', 60);
const CHECKPOINTS = [50, 100, 200, 500].filter((n) => n <= OPENS);
const SETTLE_MS = 2000;

/* ---- the processes, from /proc ---- */

/** The app's PSS, its WebKit web and network processes' (summed over each kind), its open fds. */
function readProcesses(appPid) {
  const children = [...processes()].filter(([, p]) => p.ppid === appPid);
  const sumOf = (prefix) =>
    children.filter(([, p]) => p.comm.startsWith(prefix)).reduce((sum, [pid]) => sum + pssKiB(pid), 0);
  return {
    app: pssKiB(appPid),
    web: sumOf('WebKitWebProces'),
    network: sumOf('WebKitNetworkPr'),
    fds: readdirSync(`/proc/${appPid}/fd`).length,
  };
}

/* ---- the steps, as a person takes them ---- */

const trainingRows = () => $$('[role="listbox"][aria-label="Trainings"] [role="option"]');
const directoryButtons = () => $$('nav[aria-label="Directories"] button.dir');

/** Answers "Discard changes" if leaving an edited training asks first; true when it did. */
async function discardIfAsked() {
  const [discard] = await $$('button=Discard changes');
  if (!discard || !(await discard.isClickable())) return false;
  await discard.click();
  return true;
}

/** Clicks row `n` (modulo the rows shown) and waits until the editor and its preview show it. */
async function openRow(browser, n) {
  const rows = await trainingRows();
  const row = rows[n % Math.max(1, rows.length)];
  if (!row || (await row.getAttribute('aria-selected')) === 'true') return false;
  const title = (await row.$('.title').getProperty('textContent')).trim();
  await row.click();
  await browser.waitUntil(async () => {
    const shown = await browser.execute((expected) => {
      const input = document.querySelector('section[aria-label="Editor"] input.title');
      const preview = document.querySelector('section[aria-label="Preview"] .scroll');
      return input?.value === expected && preview !== null && preview.textContent.trim() !== '';
    }, title);
    if (!shown) await discardIfAsked();
    return shown;
  }, { timeout: 15_000, interval: 20, timeoutMsg: `the editor did not open "${title}"` });
  return true;
}

/** Types a few words at the end of the content; `save` then saves them as a draft. */
async function typeWords(browser, opened, save) {
  const content = await $('.cm-content');
  await content.click();
  await browser.keys(['Control', 'End']);
  await content.addValue(` Checked on round ${opened}.`);
  if (!save) return;
  await (await $('button=Save draft')).click();
  const confirm = await $('button=Save draft now');
  await confirm.waitForClickable({ timeout: 15_000 });
  await confirm.click();
  await browser.waitUntil(async () => (await $$('[role="dialog"]')).length === 0, {
    timeout: 15_000, timeoutMsg: 'the review did not close after saving',
  });
}

/** "Move to…" the open training (by keyboard, to the first directory it is not in), then Undo:
 * two bulk jobs, each with its notice. */
async function moveAndUndo(browser) {
  await (await $('button=Move to…')).click();
  await $('[role="dialog"] [role="option"]').waitForExist({ timeout: 15_000 });
  const steps = await browser.execute(() => {
    const options = [...document.querySelectorAll('[role="dialog"] [role="option"]')];
    return options.findIndex((o, i) => i > 0 && !o.textContent.includes('(where they are now)'));
  });
  for (let i = 0; i < steps; i++) await browser.keys(['ArrowDown']);
  await browser.keys(['Enter']);
  const undo = await $('button[aria-keyshortcuts="Control+Z"]');
  await undo.waitForClickable({ timeout: 15_000 });
  await undo.click();
  // The undo's own notice has no Undo button.
  await browser.waitUntil(async () => !(await undo.isExisting()), { timeout: 15_000, timeoutMsg: 'the undo did not finish' });
}

/** Searches the list for a word, waits for the server's matches, and clears the search (by
 * keyboard, so the list hears it). */
async function searchOnce(browser, word) {
  const search = await $('input[aria-label="Search trainings"]');
  await search.click();
  await search.addValue(word);
  await browser.pause(600); // past the server search's debounce
  await browser.keys(['Control', 'a']);
  await browser.keys(['Backspace']);
  await browser.waitUntil(() => browser.execute(() => !/ of \d/.test(document.querySelector('.summary')?.textContent ?? '')), {
    timeout: 5000, timeoutMsg: 'the list still shows search results',
  });
}

/** The page's own figures: JS heap (where WebKit reports it) and element count. */
const pageFigures = (browser) => browser.execute(() => ({
  heap: typeof performance.memory === 'object' ? performance.memory.usedJSHeapSize : null,
  elements: document.getElementsByTagName('*').length,
}));

/* ---- the run ---- */

const mib = (kib) => (kib / 1024).toFixed(0);
const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-soak-'));
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
const rows = [];
try {
  const browser = await launch(['--demo']);
  globalThis.browser = browser;
  globalThis.$ = (s) => browser.$(s);
  globalThis.$$ = (s) => browser.$$(s);
  try {
    await browser.waitUntil(async () => (await trainingRows()).length > 0, { timeout: 60_000, interval: 100 });
    const appPid = Number(execFileSync('pgrep', ['-n', '-f', app]).toString().trim());
    const started = performance.now();
    const record = async (label) => {
      await browser.pause(SETTLE_MS);
      rows.push({ label, ...readProcesses(appPid), ...(await pageFigures(browser)) });
    };
    let opened = 0;
    let step = 0;
    let lastOpenStep = 0;
    const words = ['refund', 'delivery', 'password', 'invoice', 'tone'];
    while (opened < OPENS) {
      step += 1;
      if (step % 10 === 1) {
        const dirs = await directoryButtons();
        await dirs[Math.floor(step / 10) % dirs.length].click();
      }
      if (!(await openRow(browser, step))) {
        if (step - lastOpenStep > 50) throw new Error('no training could be opened for 50 steps');
        continue;
      }
      lastOpenStep = step;
      opened += 1;
      if (opened % 10 === 0) await typeWords(browser, opened, opened % 20 === 0);
      if (opened % 50 === 25) await moveAndUndo(browser);
      if (opened % 25 === 0) await searchOnce(browser, words[(opened / 25) % words.length]);
      if (CHECKPOINTS.includes(opened)) {
        await record(`${opened} opens`);
        console.error(`${opened} opens after ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }
    await discardIfAsked();
    await browser.pause(IDLE_S * 1000);
    await record(`then ${IDLE_S} s idle`);
  } finally {
    await browser.deleteSession();
  }
} finally {
  stopDriver();
  rmSync(dataHome, { recursive: true, force: true });
}

console.log('| after | app (Rust) PSS | WebKit web process PSS | WebKit network PSS | total PSS | JS heap | elements | app fds |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const total = r.app + r.web + r.network;
  const heap = r.heap === null ? 'n/a' : `${mib(r.heap / 1024)} MiB`;
  console.log(`| ${r.label} | ${mib(r.app)} MiB | ${mib(r.web)} MiB | ${mib(r.network)} MiB | ${mib(total)} MiB | ${heap} | ${r.elements} | ${r.fds} |`);
}
const totalOf = (r) => r.app + r.web + r.network;
const first = rows[0];
const last = rows.find((r) => r.label === `${OPENS} opens`) ?? rows[rows.length - 1];
if (first && last) {
  console.log(`\nTotal after ${last.label} / after ${first.label}: ${(totalOf(last) / totalOf(first)).toFixed(2)}× (flat: ≤ 1.10×); `
    + `fds ${first.fds} → ${last.fds}${rows[0].heap === null ? '; performance.memory: not offered by WebKitGTK' : ''}.`);
}
