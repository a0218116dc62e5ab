// "Review changes" opening in the real webview of the release app, after pasting a long text
// over a training's content (every line of it added: nothing folds), at 100 KB and 1 MB: the app
// (the diff and the rendered text drawn in parts) against a baseline in the same run, the
// app's earlier design: every diff row and the whole rendered text put in the page at once.
//   node ui/e2e/bench/review.mjs [--runs 5] [--sizes 100,1024] [--no-baseline]
// (--no-baseline: the app alone, with where its time goes; the baseline takes a minute a run at 1 MB)
// Needs target/release/training-studio (scripts/bench.sh builds it), tauri-driver and a display
// (run under xvfb-run with dbus-run-session).
//
// How it measures, all inside the page (the app's own stage spans, ui/src/lib/keystroke-profile.ts,
// switched on for the app's click only):
// - the app: "Save draft" clicked → the next animation frame after the "Review changes" dialog
//   is in the DOM (the frame that shows it); the review_changes request the app sends is noted.
// - the baseline: the same review_changes request sent again through the app's IPC, beside the
//   whole text rendered by render_preview (the review used to carry it), both drawn in full, as
//   the dialog drew them before: a copy of the dialog's diff list holding one row per line
//   (copies of the app's own row markup, so the same styles) and a copy of its rendered block
//   holding the whole preview HTML, both in place of the app's; requests → next frame.
// - "window answering": a timer asks to run every 16 ms from the click until 500 ms after the
//   dialog shows; the longest gap between two of its runs is how long the window could not
//   answer a key or a click. Elements in the dialog count what was drawn.
// Each run is a fresh launch of the app (demo workspace, first training opened).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, median, startDriver } from './app.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const RUNS = Number(option('runs', 5));
const SIZES_KB = option('sizes', '100,1024').split(',').map(Number);
const AFTER_MS = 500;
const BASELINE = !process.argv.includes('--no-baseline');

/** One realistic training section, repeated to the size (as in preview-latency.mjs). */
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
  return `${encoded.subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '')}\n`;
}

/* ---- in the page (self-contained: WebDriver serialises these functions) ---- */

/** Replaces the editor's text, as a paste does. */
function setDocument(text, done) {
  const content = document.querySelector('.cm-content');
  const view = content?.cmTile?.root?.view ?? content?.cmView?.rootView?.view ?? content?.cmView?.view;
  if (!view) { done('no CodeMirror view found'); return; }
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.paste' });
  done(null);
}

/** Opens the review both ways; answers with times, the longest timer gaps and element counts. */
function openReview(afterMs, withBaseline, done) {
  const reviewDialog = () => [...document.querySelectorAll('[role="dialog"]')]
    .find((d) => d.querySelector('h2')?.textContent === 'Review changes');
  const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /** Runs `work` (answering a time once the thing shows) with a 16 ms timer beside it. */
  async function timed(work) {
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 16);
    const t0 = performance.now();
    const shown = await work();
    await sleep(afterMs);
    clearInterval(timer);
    longestGap = Math.max(longestGap, performance.now() - last);
    return { ms: shown - t0, longestGap };
  }

  (async () => {
    const internals = window.__TAURI_INTERNALS__;
    // Tauri's `invoke` is read-only; on Linux it posts each call with `fetch` to
    // ipc://localhost/<command>, so the review's request is read there.
    const realFetch = window.fetch;
    let request = null;
    window.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : String(input?.url ?? input);
      if (/\/review_changes(?:[?#]|$)/.test(url) && typeof init?.body === 'string') request = JSON.parse(init.body);
      return realFetch.call(window, input, init);
    };
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Save draft');
    if (!save) throw new Error('no "Save draft" button');

    // The app's own spans of the review's stages (ui/src/lib/keystroke-profile.ts), and the
    // style, layout and paint of the frame that shows the dialog: from that frame's animation
    // callback to a message posted in it (which runs once the frame is drawn).
    window.__keystrokeProfile = true;
    performance.clearMeasures();
    let clickedAt = 0;
    let framePainted = 0;
    let frameStarted = 0;
    const app = await timed(() => new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!reviewDialog()) return;
        observer.disconnect();
        requestAnimationFrame((t) => {
          frameStarted = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { framePainted = performance.now(); };
          channel.port2.postMessage(0);
          resolve(t);
        });
      });
      observer.observe(document.body, { childList: true, subtree: true });
      clickedAt = performance.now();
      save.click();
    }));
    window.__keystrokeProfile = false;
    window.fetch = realFetch;
    const dialog = reviewDialog();
    if (!dialog || !request) throw new Error('the review did not open');
    app.elements = dialog.querySelectorAll('*').length;
    app.stages = performance.getEntriesByType('measure')
      .filter((e) => e.name.startsWith("keystroke: "))
      .map((e) => ({ name: e.name.replace(/^keystroke: /, ''), at: e.startTime - clickedAt, ms: e.duration }));
    app.stages.push({ name: 'frame showing the dialog: style, layout, paint', at: frameStarted - clickedAt, ms: framePainted - frameStarted });
    app.answerBytes = JSON.stringify(await internals.invoke('review_changes', request)).length;

    if (!withBaseline) {
      [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Keep editing')?.click();
      done({ app });
      return;
    }
    // The baseline draws into copies of the app's diff list and rendered block, in their place.
    const list = dialog.querySelector('ol[aria-label="Content changes"]');
    const rendered = dialog.querySelector('.rendered');
    const row = list?.querySelector('li.insert');
    if (!list || !rendered || !row) throw new Error('no diff rows or rendered text in the review');
    const listCopy = list.cloneNode(false);
    const renderedCopy = rendered.cloneNode(false);
    const baseline = await timed(async () => {
      const [review, wholeText] = await Promise.all([
        internals.invoke('review_changes', request),
        internals.invoke('render_preview', { markdown: request.draft.content, known: [] }),
      ]);
      const rows = document.createDocumentFragment();
      for (const line of review.content_diff) {
        const li = row.cloneNode(true);
        li.className = li.className.replace(/\binsert\b/, line.tag);
        li.querySelector('.mark').textContent = line.tag === 'insert' ? '+' : line.tag === 'delete' ? '−' : ' ';
        li.querySelector('.text').textContent = line.text;
        rows.appendChild(li);
      }
      listCopy.appendChild(rows);
      renderedCopy.innerHTML = wholeText.map((block) => block.html).join('');
      list.replaceWith(listCopy);
      rendered.replaceWith(renderedCopy);
      return nextFrame();
    });
    baseline.elements = dialog.querySelectorAll('*').length;
    listCopy.replaceWith(list);
    renderedCopy.replaceWith(rendered);

    [...dialog.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Keep editing')?.click();
    done({ app, baseline });
  })().catch((e) => done({ error: String(e) }));
}

/** Answers once the page draws at the display's rate (30 frames in under 0.6 s), or after 20 s. */
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
  await browser.setTimeout({ script: 300_000 });
  await browser.waitUntil(() => browser.execute(() =>
    document.querySelectorAll('[role="listbox"][aria-label="Trainings"] [role="option"]').length > 0),
  { timeout: 60_000, interval: 100, timeoutMsg: 'the list did not show' });
  await browser.execute(() => document.querySelector('[role="listbox"][aria-label="Trainings"] [role="option"]').click());
  await browser.waitUntil(() => browser.execute(() => document.querySelector('.cm-content') !== null),
    { timeout: 20_000, interval: 100, timeoutMsg: 'the editor did not open' });
  const problem = await browser.executeAsync(setDocument, documentOf(kb));
  if (problem) throw new Error(problem);
  await new Promise((r) => setTimeout(r, 2000)); // the preview and the journal write settle
  await browser.executeAsync(settle);
  const r = await browser.executeAsync(openReview, AFTER_MS, BASELINE);
  if (r.error) throw new Error(r.error);
  return r;
}

const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-review-'));
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
const fmt = (ms) => `${ms.toFixed(0)} ms`;
try {
  const table = [];
  for (const kb of SIZES_KB) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      rmSync(dataHome, { recursive: true, force: true });
      const browser = await launch(['--demo']);
      try {
        runs.push(await runOnce(browser, kb));
      } finally {
        await browser.deleteSession();
      }
      process.stderr.write(`${kb} KB run ${run + 1}: ${JSON.stringify(runs.at(-1))}\n`);
    }
    // Each stage's median start and duration over the runs that had it (a stage that runs
    // more than once in a run counts its first start and its summed time).
    const stages = new Map();
    for (const name of new Set(runs.flatMap((r) => r.app.stages.map((s) => s.name)))) {
      const per = runs.map((r) => r.app.stages.filter((s) => s.name === name)).filter((s) => s.length > 0);
      stages.set(name, {
        at: median(per.map((s) => Math.min(...s.map((x) => x.at)))),
        ms: median(per.map((s) => s.reduce((sum, x) => sum + x.ms, 0))),
      });
    }
    const answerKiB = Math.round(median(runs.map((r) => r.app.answerBytes)) / 1024);
    table.push({ kb, stages, answerKiB, of: (side, key) => median(runs.map((r) => r[side][key])) });
  }
  console.log(`A training's content replaced by a pasted text (every line added), then "Save draft"; medians of ${RUNS} runs (a fresh app launch per run and size).`);
  console.log();
  console.log('| size | review | click → dialog on screen | longest gap of a 16 ms timer (window not answering) | elements in the dialog |');
  console.log('|---|---|---:|---:|---:|');
  const size = (kb) => (kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`);
  for (const { kb, of } of table) {
    console.log(`| ${size(kb)} | the app (drawn in parts) | ${fmt(of('app', 'ms'))} | ${fmt(of('app', 'longestGap'))} | ${of('app', 'elements')} |`);
    if (BASELINE) console.log(`| ${size(kb)} | baseline: everything drawn at once (request → next frame) | ${fmt(of('baseline', 'ms'))} | ${fmt(of('baseline', 'longestGap'))} | ${of('baseline', 'elements')} |`);
  }
  console.log();
  console.log(`Where the app's click → dialog goes (medians over the runs: when each stage starts after the click, and how long it takes; the review's answer is ${table.map(({ kb, answerKiB }) => `${answerKiB.toLocaleString()} KiB of JSON at ${size(kb)}`).join(', ')}):`);
  console.log();
  console.log(`| stage | ${table.map(({ kb }) => `${size(kb)}: starts at / takes`).join(' | ')} |`);
  console.log(`|---|${table.map(() => '---:').join('|')}|`);
  const names = [...new Set(table.flatMap(({ stages }) => [...stages.keys()]))];
  for (const name of names) {
    console.log(`| ${name} | ${table.map(({ stages }) => {
      const s = stages.get(name);
      return s ? `${fmt(s.at)} / ${s.ms.toFixed(1)} ms` : '—';
    }).join(' | ')} |`);
  }
  console.log();
  for (const { kb, of } of BASELINE ? table : []) {
    console.log(`${size(kb)}: baseline ÷ app, time to show ${(of('baseline', 'ms') / of('app', 'ms')).toFixed(1)}×, longest gap ${(of('baseline', 'longestGap') / of('app', 'longestGap')).toFixed(1)}×`);
  }
} finally {
  stopDriver();
  rmSync(dataHome, { recursive: true, force: true });
}
