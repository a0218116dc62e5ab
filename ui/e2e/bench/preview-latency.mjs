// Keystroke → preview latency in the real webview of the release app, for trainings of 1, 10 and
// 100 KB: the app as it is (its renderer compiled to WebAssembly renders the changed blocks in the
// page, in the keystroke's own task; through IPC before that module loads or past 256 K
// characters, one render in flight, the latest text wins) against two baselines in the same run: naive (one render per keystroke, answers applied in
// order) and the app's earlier design, renders coalesced per animation frame (one in flight, sent
// on the next frame).
//   node ui/e2e/bench/preview-latency.mjs [--runs 5] [--keys 60] [--interval 40] [--sizes 1,10,100]
// Needs target/release/training-studio (scripts/bench.sh builds it), tauri-driver and a display
// (run under xvfb-run with dbus-run-session).
//
// How it measures, all inside the page, without product changes: a script types KEYS letters at
// the end of the document, one every INTERVAL ms (40 ms = X11's default key-repeat rate of 25/s,
// faster than people type), each as a CodeMirror transaction with userEvent "input.type", the
// same path a key press takes after the browser's key handling. The keystroke's time is taken
// right before that dispatch. A MutationObserver on the preview notes each DOM update and how
// many typed letters it shows; a keystroke's latency runs to the first update showing it, and to
// the animation frame after that update (the frame that draws it).
// Baselines: the script calls render_preview itself through the app's IPC for the whole document
// and puts each answer into a copy of the preview's element in its place, the app's own element
// hidden: the same editor work, IPC, Rust render and DOM update, scheduled differently. The app's
// own preview cannot be held without a product change, since it renders in the page: it still
// renders each keystroke into its hidden element (an IPC render of the app's is held back until
// the trial ends). That cost is in the baselines' figures; the app's run prints it ("preview:
// render in the page" and "preview DOM", per keystroke), which bounds what it adds to them.
// Each run of a size is a fresh launch of the app (demo workspace, first training opened).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, median, quantile, startDriver } from './app.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = option('runs', 5);
const KEYS = option('keys', 60);
const INTERVAL_MS = option('interval', 40);
const sizesAt = process.argv.indexOf('--sizes');
const SIZES_KB = sizesAt > 0 ? process.argv[sizesAt + 1].split(',').map(Number) : [1, 10, 100];
const TYPED_PREFIX = 'Typed: ';
const MODES = ['app', 'frame', 'naive'];
const LABELS = {
  app: 'the app (rendered in the page)',
  frame: 'baseline: one in flight, sent on the next frame',
  naive: 'baseline: naive, a render per keystroke',
};

/** One realistic training section, repeated to the size (as in crates/studio/benches/preview.rs). */
const SECTION = '## Refunds after 30 days\n\n'
  + 'Refunds are possible **within 30 days** of delivery, for unworn items with their tags.\n\n'
  + '1. Ask for the order number if it is not in the conversation yet.\n'
  + '2. Look up the delivery date on the order.\n'
  + '3. If it is older, explain the policy kindly and offer *store credit* instead.\n\n'
  + '> Never refund shipping costs unless the item was faulty.\n\n'
  + '| Plan | Price | Returns |\n|---|---|---|\n| Free | 0 € | 30 days |\n| Plus | 5 € | 60 days |\n\n'
  + 'More detail: [Refund policy](https://help.example.com/refunds).\n\n';

function documentOf(kb) {
  const bytes = kb * 1024;
  const encoded = Buffer.from(SECTION.repeat(Math.ceil(bytes / Buffer.byteLength(SECTION))));
  return `${encoded.subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '')}\n\n${TYPED_PREFIX}`;
}

/* ---- in the page (self-contained: WebDriver serialises these functions) ---- */

/** Replaces the editor's text; answers once the preview shows its last paragraph. */
function setDocument(text, prefix, done) {
  const content = document.querySelector('.cm-content');
  const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view ?? content?.cmView?.view;
  if (!view) { done('no CodeMirror view found'); return; }
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  const started = performance.now();
  const check = () => {
    const last = document.querySelector('section[aria-label="Preview"] .doc')?.lastElementChild;
    if (last && last.textContent === prefix.trim()) done(null);
    else if (performance.now() - started > 30_000) done(`the preview did not show the document (${last?.textContent?.slice(0, 40)})`);
    else setTimeout(check, 50);
  };
  check();
}

/** Types `keys` letters, one every `interval` ms; answers with per-keystroke figures. */
function typeAndMeasure(mode, keys, interval, prefix, done) {
  const content = document.querySelector('.cm-content');
  const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view ?? content?.cmView?.view;
  const appDoc = document.querySelector('section[aria-label="Preview"] .doc');
  if (!view || !appDoc) { done({ error: 'no editor or preview' }); return; }
  // The baselines draw into a copy of the preview's element (same classes, same place), the app's
  // own one hidden meanwhile, so the app's DOM is left as Svelte made it.
  let doc = appDoc;
  if (mode !== 'app') {
    doc = appDoc.cloneNode(true);
    appDoc.after(doc);
    appDoc.style.display = 'none';
  }

  const sentAt = [];     // performance.now() right before each keystroke's dispatch
  const lateBy = [];     // how late the keystroke's timer fired (the page was busy)
  const shownAt = [];    // the first preview DOM update showing the keystroke
  const drawnAt = [];    // the animation frame after that update (the frame that shows it)
  let resolved = 0;
  let updates = 0;
  let frames = 0;
  let finished = false;

  const observer = new MutationObserver(() => {
    const now = performance.now();
    updates++;
    const text = doc.lastElementChild?.textContent ?? '';
    const visible = text.startsWith(prefix) ? text.length - prefix.length : 0;
    const from = resolved;
    while (resolved < visible && resolved < sentAt.length) shownAt[resolved++] = now;
    const to = resolved;
    if (to > from) {
      requestAnimationFrame(() => {
        const drawn = performance.now();
        for (let k = from; k < to; k++) drawnAt[k] = drawn;
        if (drawnAt.length === keys && !drawnAt.includes(undefined) && !finished) finish();
      });
    }
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  const countFrames = () => { frames++; if (!finished) requestAnimationFrame(countFrames); };
  requestAnimationFrame(countFrames);

  // The baselines hold the app's IPC renders (its one render in flight never answers) and render
  // from here, into the same element.
  // Every IPC call is a fetch to ipc://localhost/<command>: counted here (renders, journal writes).
  const realFetch = window.fetch;
  const held = [];
  const calls = {};
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : String(input?.url ?? input);
    const command = /^(?:ipc:\/\/localhost|http:\/\/ipc\.localhost)\/([^?#]+)/.exec(url)?.[1];
    if (command) calls[command] = (calls[command] ?? 0) + 1;
    const ours = init?.headers instanceof Headers && init.headers.get('x-bench') === 'baseline';
    if (mode === 'app' || command !== 'render_preview' || ours) return realFetch(input, init);
    return new Promise((resolve, reject) => held.push(() => realFetch(input, init).then(resolve, reject)));
  };
  // The baselines ask for every block's HTML (no keys known) and put the whole document in:
  // the whole-document render and DOM update the app did before it kept blocks.
  const render = (markdown) => window.__TAURI_INTERNALS__
    .invoke('render_preview', { markdown, known: [] }, { headers: { 'x-bench': 'baseline' } })
    .then((blocks) => { doc.innerHTML = blocks.map((block) => block.html).join(''); });
  // naive: one render per keystroke, answers applied in order.
  let chain = Promise.resolve();
  // frame: one render in flight, the latest text sent on the next animation frame.
  let inFlight = false;
  let frameRequested = false;
  let pending = null;
  const pump = () => {
    frameRequested = false;
    if (inFlight || pending === null) return;
    const markdown = pending;
    pending = null;
    inFlight = true;
    render(markdown).then(() => {
      inFlight = false;
      if (pending !== null) requestPump();
    });
  };
  const requestPump = () => {
    if (frameRequested) return;
    frameRequested = true;
    requestAnimationFrame(pump);
  };
  const baseline = (markdown) => {
    if (mode === 'naive') {
      chain = chain.then(() => render(markdown));
      return;
    }
    pending = markdown;
    if (!inFlight) requestPump();
  };

  // The app's own stage spans (ui/src/lib/keystroke-profile.ts), on in its own mode only.
  const PROFILE_PREFIX = 'keystroke: ';
  window.__keystrokeProfile = mode === 'app';
  performance.clearMeasures();
  const profileStart = performance.now();

  const timeout = setTimeout(() => finish(), 120_000);
  let typingMs = 0;
  let typingFrames = 0;
  function finish() {
    finished = true;
    clearTimeout(timeout);
    observer.disconnect();
    window.fetch = realFetch;
    if (doc !== appDoc) {
      doc.remove();
      appDoc.style.display = '';
    }
    for (const release of held) release(); // the app's preview carries on
    window.__keystrokeProfile = false;
    const stages = {};
    for (const entry of performance.getEntriesByType('measure')) {
      if (!entry.name.startsWith(PROFILE_PREFIX) || entry.startTime < profileStart) continue;
      (stages[entry.name.slice(PROFILE_PREFIX.length)] ??= []).push(entry.duration);
    }
    stages['keystroke dispatch (CodeMirror + listeners)'] = dispatchMs;
    stages['effects flush after the dispatch'] = flushMs;
    performance.clearMeasures();
    done({ sentAt, lateBy, shownAt, drawnAt, updates, calls, stages, framesPerSecond: typingFrames / (typingMs / 1000) });
  }

  const dispatchMs = [];  // the keystroke's dispatch, synchronous part
  const flushMs = [];     // the microtasks it queued (Svelte's effects)
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const start = performance.now() + 50;
  let i = 0;
  const typeOne = () => {
    const planned = start + i * interval;
    const now = performance.now();
    lateBy.push(Math.max(0, now - planned));
    sentAt.push(now);
    const end = view.state.doc.length;
    view.dispatch({
      changes: { from: end, insert: letters[i % letters.length] },
      selection: { anchor: end + 1 },
      userEvent: 'input.type',
    });
    // Svelte flushes its effects in a microtask queued during the dispatch: this one runs after.
    const dispatched = performance.now();
    dispatchMs.push(dispatched - now);
    queueMicrotask(() => flushMs.push(performance.now() - dispatched));
    if (mode !== 'app') baseline(view.state.doc.toString());
    i++;
    if (i < keys) setTimeout(typeOne, Math.max(0, start + i * interval - performance.now()));
    else { typingMs = performance.now() - start; typingFrames = frames; }
  };
  setTimeout(typeOne, 50);
}

/** Answers once the page draws at the display's rate (30 frames in under 0.6 s), or after 20 s:
 *  for a few seconds after launch the webview draws far slower while the app settles. */
function settle(done) {
  const started = performance.now();
  let frames = [];
  const tick = (t) => {
    frames.push(t);
    if (frames.length > 30) frames = frames.slice(-31);
    if (frames.length === 31 && frames[30] - frames[0] < 600) done(performance.now() - started);
    else if (performance.now() - started > 20_000) done(-1);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/* ---- in node ---- */

async function runOnce(browser, kb) {
  await browser.setTimeout({ script: 180_000 });
  await browser.waitUntil(() => browser.execute(() =>
    document.querySelectorAll('[role="listbox"][aria-label="Trainings"] [role="option"]').length > 0),
  { timeout: 60_000, interval: 100, timeoutMsg: 'the list did not show' });
  await browser.execute(() => document.querySelector('[role="listbox"][aria-label="Trainings"] [role="option"]').click());
  await browser.waitUntil(() => browser.execute(() => document.querySelector('.cm-content') !== null),
    { timeout: 20_000, interval: 100, timeoutMsg: 'the editor did not open' });
  const result = {};
  for (const mode of MODES) {
    const problem = await browser.executeAsync(setDocument, documentOf(kb), TYPED_PREFIX);
    if (problem) throw new Error(problem);
    await new Promise((r) => setTimeout(r, 1500)); // the journal write after the change settles
    await browser.executeAsync(settle);
    const r = await browser.executeAsync(typeAndMeasure, mode, KEYS, INTERVAL_MS, TYPED_PREFIX);
    if (r.error) throw new Error(r.error);
    const toDom = r.shownAt.map((t, k) => t - r.sentAt[k]);
    const toFrame = r.drawnAt.map((t, k) => t - r.sentAt[k]);
    if (toFrame.length !== KEYS || toFrame.some((x) => !(x >= 0))) {
      throw new Error(`${mode} ${kb} KB: only ${toFrame.filter((x) => x >= 0).length} of ${KEYS} keystrokes reached the preview`);
    }
    result[mode] = {
      dom: median(toDom), domP95: quantile(toDom, 0.95),
      frame: median(toFrame), frameP95: quantile(toFrame, 0.95),
      updates: r.updates, fps: r.framesPerSecond, lateP95: quantile(r.lateBy, 0.95),
      renders: r.calls.render_preview ?? 0, journalWrites: r.calls.journal_write ?? 0,
      stages: Object.fromEntries(Object.entries(r.stages).map(([name, ms]) => [name, {
        calls: ms.length / KEYS, median: median(ms), p95: quantile(ms, 0.95),
        perKey: ms.reduce((a, b) => a + b, 0) / KEYS,
      }])),
    };
  }
  return result;
}

const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-latency-'));
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
const fmt = (ms) => `${ms.toFixed(1)} ms`;
try {
  const table = [];
  for (const kb of SIZES_KB) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(dataHome, { recursive: true, force: true }); // a fresh data dir: no journal left over
      const browser = await launch(['--demo']);
      try {
        runs.push(await runOnce(browser, kb));
      } finally {
        await browser.deleteSession();
      }
      process.stderr.write(`${kb} KB run ${run + 1}: ${JSON.stringify(runs.at(-1))}\n`);
    }
    const of = (mode, key) => median(runs.map((r) => r[mode][key]));
    const stage = (name, key) => median(runs.map((r) => r.app.stages[name]?.[key] ?? 0));
    const stageNames = [...new Set(runs.flatMap((r) => Object.keys(r.app.stages)))];
    table.push({ kb, of, stage, stageNames });
  }
  const compositing = process.env.WEBKIT_DISABLE_COMPOSITING_MODE ? 'WebKit compositing off (WEBKIT_DISABLE_COMPOSITING_MODE=1: painted by the CPU)' : 'WebKit defaults (accelerated compositing; under Xvfb that is Mesa\'s software GL)';
  console.log(`${compositing}. ${KEYS} keystrokes, one every ${INTERVAL_MS} ms, at the end of the document; medians of ${RUNS} runs (a fresh app launch per run and size); each run's median and p95 over its keystrokes.`);
  console.log();
  console.log('| size | preview | keystroke → DOM updated: median | p95 | keystroke → next frame: median | p95 | renders through IPC | preview updates | frames/s while typing | keystroke timer late, p95 | journal writes |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const { kb, of } of table) {
    for (const mode of MODES) {
      console.log(`| ${kb} KB | ${LABELS[mode]} | ${fmt(of(mode, 'dom'))} | ${fmt(of(mode, 'domP95'))} | ${fmt(of(mode, 'frame'))} | ${fmt(of(mode, 'frameP95'))} | ${of(mode, 'renders')} | ${of(mode, 'updates')} | ${of(mode, 'fps').toFixed(0)} | ${fmt(of(mode, 'lateP95'))} | ${of(mode, 'journalWrites')} |`);
    }
  }
  console.log();
  for (const { kb, of } of table) {
    console.log(`${kb} KB, p95 to the next frame: naive ÷ app ${(of('naive', 'frameP95') / of('app', 'frameP95')).toFixed(2)}×, per-frame coalescing ÷ app ${(of('frame', 'frameP95') / of('app', 'frameP95')).toFixed(2)}×`);
  }
  console.log();
  console.log('Where a keystroke\'s time goes in the app (its stage spans; medians of the runs): calls per keystroke, each call\'s median and p95, and the time per keystroke (all calls).');
  console.log();
  console.log('| size | stage | calls per keystroke | median | p95 | per keystroke |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const { kb, stage, stageNames } of table) {
    for (const name of stageNames) {
      console.log(`| ${kb} KB | ${name} | ${stage(name, 'calls').toFixed(2)} | ${stage(name, 'median').toFixed(2)} ms | ${stage(name, 'p95').toFixed(2)} ms | ${stage(name, 'perKey').toFixed(2)} ms |`);
    }
  }
} finally {
  stopDriver();
  rmSync(dataHome, { recursive: true, force: true });
}
