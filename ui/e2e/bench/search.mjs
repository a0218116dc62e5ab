// Search as you type over 10,000 trainings in the real webview of the release app: real key
// events into the search box, keystroke → the filtered list on screen, against a naive baseline
// in the same run.
//   node ui/e2e/bench/search.mjs [N] [--runs 5] [--interval 150]   (default N 10000: scale:N)
// Needs target/release/training-studio, tauri-driver and a display (xvfb-run, dbus-run-session).
//
// How it measures: WebDriver sends real key events (one action sequence, a key every INTERVAL
// ms) typing each of QUERIES into the focused search box, then Ctrl+A and Backspace to clear it.
// In the page, a keystroke's time is its keydown's; a MutationObserver on the list notes the
// first change after it, and the keystroke is on screen at the animation frame after that change
// (a keystroke that changes nothing shown counts to the first frame after its input event). Keys
// that type nothing (Ctrl, Ctrl+A) are not counted. After the table, where the app's keystrokes
// go: keydown → input event, the input's handlers (the app's filtering, its "search: filter"
// span, and the list's update run inside them), list changed → the frame, and the frame → the
// first task after it (layout and paint), over every keystroke, over the slowest twentieth and
// over the Backspaces that clear the box.
// - the app: its own search box and virtualised list;
// - the baseline: a naive search in the same page: a copy of the search box over the app's, and on
//   each input every training's title and content normalised again, the matches sorted by title,
//   and the first rows drawn (as many as the app's list draws, copies of its own row markup) in a
//   copy of its list, laid over it. The trainings come from the app's own copy (cached_workspace).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, listShown, median, quantile, startDriver } from './app.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const N = Number(/^\d+$/.test(process.argv[2] ?? '') ? process.argv[2] : 10000);
const RUNS = option('runs', 5);
const INTERVAL_MS = option('interval', 150);
const QUERIES = ['refund polic', 'gift card cur', 'escalate ord'];

/* ---- in the page (self-contained: WebDriver serialises these functions) ---- */

/** Starts watching `which` ('app' or 'baseline'): keydown → list change → next frame. The
 *  baseline starts once the app's kept copy holds all `expected` trainings (in a fresh demo it is
 *  written only after the first load has its names, which wait for the request budget). */
function watch(which, expected, done) {
  const appBox = document.querySelector('input[aria-label="Search trainings"]');
  const appList = document.querySelector('[role="listbox"][aria-label="Trainings"]');
  if (!appBox || !appList) { done('no search box or list'); return; }
  let box = appBox;
  let list = appList;
  if (which === 'baseline') {
    // The naive search: its own box and list, laid over the app's.
    const overlay = (original, copy) => {
      const rect = original.getBoundingClientRect();
      Object.assign(copy.style, { position: 'fixed', left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px`, zIndex: 1000, background: 'white', overflowY: 'auto' });
      document.body.appendChild(copy);
      return copy;
    };
    const rowTemplate = appList.querySelector('[role="option"]').cloneNode(true);
    const drawn = appList.querySelectorAll('[role="option"]').length;
    box = overlay(appBox, appBox.cloneNode(false));
    box.value = '';
    box.setAttribute('aria-label', 'Baseline search');
    list = overlay(appList.parentElement, appList.cloneNode(false));
    list.setAttribute('aria-label', 'Baseline');
    const normalise = (text) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const titleOf = (t) => t.draft_title ?? t.title;
    const titleEl = [...rowTemplate.querySelectorAll('*')].find((el) => el.children.length === 0 && el.textContent.trim().length > 3);
    const asked = performance.now();
    const askForTrainings = () => window.__TAURI_INTERNALS__.invoke('cached_workspace').then((cached) => {
      const trainings = cached?.data?.trainings ?? [];
      if (trainings.length < expected) {
        if (performance.now() - asked > 120_000) done(`the app's kept copy holds ${trainings.length} of ${expected} trainings`);
        else setTimeout(askForTrainings, 500);
        return;
      }
      box.addEventListener('input', () => {
        const words = normalise(box.value).split(/\s+/).filter(Boolean);
        const found = trainings
          .filter((t) => words.every((w) => normalise(`${titleOf(t)}\n${t.draft_content ?? t.content}`).includes(w)))
          .sort((a, b) => collator.compare(titleOf(a), titleOf(b)) || a.id.localeCompare(b.id));
        const rows = document.createDocumentFragment();
        for (const t of found.slice(0, drawn)) {
          if (titleEl) titleEl.textContent = titleOf(t);
          rows.appendChild(rowTemplate.cloneNode(true));
        }
        list.replaceChildren(rows);
      });
      begin(trainings.length);
    }, (error) => done(`cached_workspace: ${error?.message ?? error}`));
    askForTrainings();
  } else {
    begin(null);
  }

  function begin(trainings) {
    const state = { keys: [], pending: [], box, list, trainings, profileStart: performance.now() };
    window.__searchBench = state;
    window.__keystrokeProfile = which === 'app';
    const toFrame = (ks) => requestAnimationFrame(() => {
      const now = performance.now();
      for (const k of ks) if (k.drawnAt === undefined) k.drawnAt = now;
      setTimeout(() => { const later = performance.now(); for (const k of ks) k.paintedAt ??= later; }, 0);
    });
    window.addEventListener('input', () => { const key = state.keys.at(-1); if (key) key.inputAt = performance.now(); }, true);
    window.addEventListener('input', () => { const key = state.keys.at(-1); if (key) key.inputDone = performance.now(); });
    // The key's own time: WebKit stamps events on the page's clock; when the stamp is not on it
    // (or is later than now), the time the listener ran.
    box.addEventListener('keydown', (event) => {
      const now = performance.now();
      const at = event.timeStamp > 0 && event.timeStamp <= now && now - event.timeStamp < 10_000 ? event.timeStamp : now;
      const key = { at, ranAt: now, value: null, drawnAt: undefined, changed: false };
      state.keys.push(key);
      state.pending.push(key);
    }, true);
    box.addEventListener('input', () => {
      const key = state.keys.at(-1);
      if (key) key.value = box.value;
      // A keystroke that changes nothing in the list: on screen at the next frame.
      setTimeout(() => {
        if (key && !key.changed) { state.pending = state.pending.filter((k) => k !== key); toFrame([key]); }
      }, 0);
    }, true);
    new MutationObserver(() => {
      const ks = state.pending;
      state.pending = [];
      const now = performance.now();
      for (const k of ks) { k.changed = true; k.changedAt = now; }
      if (ks.length) toFrame(ks);
    }).observe(list, { childList: true, subtree: true, attributes: true, characterData: true });
    box.focus();
    done(null);
  }
}

function collect(done) {
  const state = window.__searchBench;
  window.__keystrokeProfile = false;
  const spans = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('keystroke: ') && e.startTime >= state.profileStart);
  performance.clearMeasures();
  const keys = state.keys.filter((k) => k.value !== null);
  done({
    keys: keys.map((k, i) => {
      const next = keys[i + 1]?.at ?? Infinity;
      const stages = {};
      for (const e of spans) if (e.startTime >= k.at && e.startTime < next) stages[e.name.slice(11)] = (stages[e.name.slice(11)] ?? 0) + e.duration;
      const gap = (a, b) => (a === undefined || b === undefined ? undefined : b - a);
      stages['keydown → input'] = gap(k.at, k.inputAt);
      stages['input handlers'] = gap(k.inputAt, k.inputDone);
      stages['input → list changed'] = gap(k.inputDone, k.changedAt);
      stages['list changed → frame'] = gap(k.changedAt, k.drawnAt);
      stages['frame → painted'] = gap(k.drawnAt, k.paintedAt);
      return { ms: k.drawnAt === undefined ? null : k.drawnAt - k.at, value: k.value, changed: k.changed, stages };
    }),
    trainings: state.trainings,
  });
}

/* ---- in node ---- */

async function typeQueries(browser) {
  for (const query of QUERIES) {
    let keys = browser.action('key');
    for (const ch of query) keys = keys.down(ch).up(ch).pause(INTERVAL_MS);
    // Clear the box: Ctrl+A, then Backspace.
    keys = keys.down('\uE009').down('a').up('a').up('\uE009').pause(INTERVAL_MS).down('\uE003').up('\uE003').pause(1000);
    await keys.perform();
  }
}

async function runOnce(browser) {
  await browser.setTimeout({ script: 180_000 });
  await browser.waitUntil(() => browser.execute(listShown, N), {
    timeout: 180_000,
    interval: 200,
    timeoutMsg: 'the list did not show',
  });
  await new Promise((r) => setTimeout(r, 1000));
  const result = {};
  for (const which of ['app', 'baseline']) {
    const problem = await browser.executeAsync(watch, which, N);
    if (problem) throw new Error(problem);
    await new Promise((r) => setTimeout(r, 500));
    await typeQueries(browser);
    await new Promise((r) => setTimeout(r, 500));
    result[which] = await browser.executeAsync(collect);
  }
  return result;
}

const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-search-'));
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
try {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const browser = await launch(['--demo', '--demo-seed', `scale:${N}`]);
    try {
      runs.push(await runOnce(browser));
    } finally {
      await browser.deleteSession();
    }
    const brief = (side) => runs.at(-1)[side].keys.map((k) => `${JSON.stringify(k.value)}:${k.ms === null ? '—' : k.ms.toFixed(0)}`).join(' ');
    process.stderr.write(`run ${run + 1}\n  app: ${brief('app')}\n  baseline: ${brief('baseline')}\n`);
  }
  const stats = (side) => {
    const per = runs.map((r) => r[side].keys.filter((k) => k.ms !== null).map((k) => k.ms));
    const missed = runs.map((r) => r[side].keys.filter((k) => k.ms === null).length);
    return {
      median: median(per.map((xs) => median(xs))),
      p95: median(per.map((xs) => quantile(xs, 0.95))),
      max: median(per.map((xs) => Math.max(...xs))),
      keys: median(per.map((xs) => xs.length)),
      missed: Math.max(...missed),
    };
  };
  const app = stats('app');
  const naive = stats('baseline');
  const keysPerRun = QUERIES.reduce((n, q) => n + q.length + 2, 0);
  console.log(`${N} trainings; typing ${QUERIES.map((q) => `"${q}"`).join(', ')}, each then cleared (Ctrl+A, Backspace): ${keysPerRun} real key events a run, one every ${INTERVAL_MS} ms; medians of ${RUNS} launches of each run's median, p95 and slowest keystroke.`);
  console.log();
  console.log('| search | keystroke → filtered list on screen: median | p95 | slowest | keystrokes measured |');
  console.log('|---|---:|---:|---:|---:|');
  const row = (label, s) => `| ${label} | ${s.median.toFixed(1)} ms | ${s.p95.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.keys}${s.missed ? ` (${s.missed} not seen)` : ''} |`;
  console.log(row('the app', app));
  console.log(row('baseline: naive (normalise and sort every training per keystroke)', naive));
  console.log();
  console.log(`p95: naive ÷ app ${(naive.p95 / app.p95).toFixed(1)}×`);
  // Where the app's keystrokes go: each stage over every keystroke of every run, over the
  // slowest twentieth of them (the ones that make the p95) and over the clearing Backspaces.
  const appKeys = runs.flatMap((r) => r.app.keys).filter((k) => k.ms !== null);
  const slow = [...appKeys].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.ceil(appKeys.length / 20)));
  const names = [...new Set(appKeys.flatMap((k) => Object.keys(k.stages)))];
  const cell = (keys, name) => {
    const xs = keys.map((k) => (name === 'ms' ? k.ms : k.stages[name])).filter((x) => typeof x === 'number');
    return xs.length ? `${median(xs).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)} ms` : '—';
  };
  console.log();
  console.log(`Where the app's keystroke goes (median / p95 of each stage; ${appKeys.length} keystrokes, and the slowest ${slow.length}: ${slow.map((k) => `${JSON.stringify(k.value)} ${k.ms.toFixed(0)} ms`).join(', ')}):`);
  console.log();
  const clearing = appKeys.filter((k) => k.value === '');
  console.log('| stage | every keystroke | the slowest | the clearing Backspace |');
  console.log('|---|---:|---:|---:|');
  for (const name of names) console.log(`| ${name} | ${cell(appKeys, name)} | ${cell(slow, name)} | ${cell(clearing, name)} |`);
  console.log(`| keystroke → on screen | ${cell(appKeys, 'ms')} | ${cell(slow, 'ms')} | ${cell(clearing, 'ms')} |`);
} finally {
  stopDriver();
  rmSync(dataHome, { recursive: true, force: true });
}
