// The trainings list at 10,000 trainings in the real webview of the release app: the app's
// virtualised list against a non-virtualised baseline built in the same page, in the same run.
//   node ui/e2e/bench/list.mjs [N]        (default 10000; demo workspace with scale:N)
// Needs target/release/training-studio, tauri-driver and a display (xvfb-run, dbus-run-session).
//
// Per launch (RUNS launches, medians reported):
// - the app: rows in the DOM; time to render the whole workspace's list (from the click on "All
//   trainings", coming from a directory, to the first frame after the rows changed); scrolling
//   the list top to bottom in steps of STEP_PX, one step per animation frame, with the frame
//   times (median, p95, frames over 1.5 × 16.7 ms).
// - the baseline: the same rows without virtualisation: N copies of the app's own row markup
//   (same classes, so the same styles; inline positioning removed, each with its own title) in a
//   copy of the app's scrolling list, laid over it at the same size; render time (from setting
//   the markup to the first frame after it), rows in the DOM, and the same scroll.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, listShown, median, startDriver } from './app.mjs';

const RUNS = 5;
const N = Number(process.argv[2] ?? 10000);
const STEP_PX = 700;
const SCROLL_FRAMES = 120;

/* ---- in the page (self-contained: WebDriver serialises these functions) ---- */

function measureList(stepPx, frames, done) {
  const listbox = document.querySelector('[role="listbox"][aria-label="Trainings"]');
  const isScroller = (el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight;
  let scroller = listbox;
  while (scroller && !isScroller(scroller)) scroller = scroller.parentElement;
  if (!listbox || !scroller) { done({ error: 'no scrolling trainings list found' }); return; }
  const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
  const percentile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]; };

  async function scrollThrough(el) {
    el.scrollTop = 0;
    await nextFrame();
    const times = [];
    let last = await nextFrame();
    for (let i = 0; i < frames; i++) {
      el.scrollTop = Math.min(el.scrollHeight, el.scrollTop + stepPx);
      const now = await nextFrame();
      times.push(now - last);
      last = now;
    }
    el.scrollTop = 0;
    return { median: percentile(times, 0.5), p95: percentile(times, 0.95), long: times.filter((t) => t > 25).length };
  }

  async function renderAll() {
    const buttons = [...document.querySelectorAll('nav[aria-label="Directories"] button')];
    const name = (b) => b.querySelector('.name')?.textContent;
    const all = buttons.find((b) => name(b) === 'All trainings');
    const other = buttons.find((b) => b !== all && Number(b.querySelector('.count')?.textContent) > 0);
    if (!all || !other) return { error: 'no "All trainings" or directory button found' };
    other.click();
    await nextFrame(); await nextFrame();
    await new Promise((r) => setTimeout(r, 300));
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
      observer.observe(listbox, { childList: true, subtree: true });
    });
    const t0 = performance.now();
    all.click();
    await changed;
    const t1 = await nextFrame();
    return { ms: t1 - t0 };
  }

  (async () => {
    const render = await renderAll();
    if (render.error) { done(render); return; }
    await new Promise((r) => setTimeout(r, 300));
    const options = listbox.querySelectorAll('[role="option"]');
    const app = {
      rows: options.length,
      setsize: Number(options[0]?.getAttribute('aria-setsize') ?? 0),
      renderMs: render.ms,
      scroll: await scrollThrough(scroller),
    };

    // The baseline: every row in the DOM.
    const template = options[0].cloneNode(true);
    template.removeAttribute('style');
    template.removeAttribute('aria-setsize');
    template.removeAttribute('aria-posinset');
    const title = [...template.querySelectorAll('*')].find((el) => el.children.length === 0 && el.textContent.trim().length > 3);
    const copy = scroller.cloneNode(false);
    const list = listbox === scroller ? copy : listbox.cloneNode(false);
    copy.removeAttribute('style');
    list.removeAttribute('style');
    list.setAttribute('aria-label', 'Baseline');
    if (list !== copy) copy.appendChild(list);
    const rect = scroller.getBoundingClientRect();
    Object.assign(copy.style, { position: 'fixed', left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px`, overflowY: 'auto', zIndex: 1000, background: 'white' });
    document.body.appendChild(copy);
    const count = app.setsize || 10000;
    const t0 = performance.now();
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < count; i++) {
      if (title) title.textContent = `Baseline training ${i + 1}`;
      const row = template.cloneNode(true);
      row.id = '';
      fragment.appendChild(row);
    }
    list.appendChild(fragment);
    void copy.scrollHeight; // layout
    const t1 = await nextFrame();
    const baseline = {
      rows: list.querySelectorAll('[role="option"]').length,
      renderMs: t1 - t0,
      scroll: await scrollThrough(copy),
    };
    copy.remove();
    done({ app, baseline });
  })().catch((e) => done({ error: String(e) }));
}

/* ---- in node ---- */

const dataHome = mkdtempSync(path.join(os.tmpdir(), 'ts-bench-list-'));
const stopDriver = await startDriver({ XDG_DATA_HOME: dataHome });
try {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const browser = await launch(['--demo', '--demo-seed', `scale:${N}`]);
    try {
      await browser.setTimeout({ script: 300_000 });
      await browser.waitUntil(() => browser.execute(listShown, N), {
        timeout: 180_000,
        interval: 200,
        timeoutMsg: 'the list did not show',
      });
      await new Promise((r) => setTimeout(r, 1000));
      const r = await browser.executeAsync(measureList, STEP_PX, SCROLL_FRAMES);
      if (r.error) throw new Error(r.error);
      runs.push(r);
      process.stderr.write(`run ${run + 1}: ${JSON.stringify(r)}\n`);
    } finally {
      await browser.deleteSession();
    }
  }
  const of = (side, pick) => median(runs.map((r) => pick(r[side])));
  const row = (label, side) => `| ${label} | ${of(side, (s) => s.rows)} | ${of(side, (s) => s.renderMs).toFixed(0)} ms | ${of(side, (s) => s.scroll.median).toFixed(1)} ms | ${of(side, (s) => s.scroll.p95).toFixed(1)} ms | ${of(side, (s) => s.scroll.long)} of ${SCROLL_FRAMES} |`;
  console.log(`${N} trainings; medians of ${RUNS} launches; scrolling: ${SCROLL_FRAMES} frames, ${STEP_PX} px per frame.`);
  console.log();
  console.log('| list | rows in the DOM | render (click → next frame) | frame time scrolling, median | p95 | frames over 25 ms |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(row('virtualised (the app)', 'app'));
  console.log(row('not virtualised (baseline: every row in the DOM)', 'baseline'));
} finally {
  stopDriver();
  rmSync(dataHome, { recursive: true, force: true });
}
