// Every payload of the hostile-markdown corpus (crates/studio/tests/data/xss-corpus.txt, the same
// file the Rust oracle checks) rendered in the real preview: pasted into the real editor one at a
// time, then all at once, with every element of the preview hovered, focused and clicked. Nothing
// may run: the sentinel window.__pwned stays unset and the page sends no command but the
// editor's own (render_preview, journal_write, the writing checks; the payloads try sign_out
// through window.__TAURI_INTERNALS__.invoke). The page renders the preview itself with the app's
// sanitizer compiled to WebAssembly once that module has loaded (the app renders until then), and
// says it is busy (aria-busy) until the latest text is shown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { byRole } from '../support/ui.mjs';
import { ensureSignedIn, openTraining } from '../support/session.mjs';
import { installIpcSpy, ipcCalls } from '../support/ipc-spy.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpusFile = path.resolve(here, '../../../crates/studio/tests/data/xss-corpus.txt');

/** Same format rules as crates/studio/tests/corpus/mod.rs. */
function loadCorpus() {
  return readFileSync(corpusFile, 'utf8')
    .split('\n%%%\n')
    .map((chunk) => {
      const lines = chunk.split('\n');
      const label = (lines.find((l) => l.startsWith('%% ')) ?? '%% unlabelled').slice(3);
      const payload = lines.filter((l) => !l.startsWith('%% ') && l !== '%%%').join('\n').replace(/^\n+|\n+$/g, '');
      return { label, payload };
    })
    .filter((e) => e.payload !== '');
}

/* Runs inside the webview: replaces the editor's text the way a paste does (select all, then a
   paste event carrying the text, handled by CodeMirror's own paste handler), waits until the
   preview has rendered the new text (no longer busy), and pokes every element of the preview the
   way a person might. Returns the labels whose render never arrived. */
async function pasteEachAndWait(entries, timeoutMs) {
  const editor = document.querySelector('[aria-label="Content"]');
  const preview = document.querySelector('[aria-label="Preview"]');
  const poke = () => {
    for (const el of preview.querySelectorAll('*')) {
      for (const type of ['mouseover', 'mouseenter', 'pointerenter', 'focus', 'keydown', 'animationstart', 'toggle']) {
        el.dispatchEvent(new Event(type, { bubbles: true }));
      }
      el.click();
    }
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const missed = [];
  for (const { label, payload } of entries) {
    editor.focus();
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', keyCode: 65, ctrlKey: true, bubbles: true, cancelable: true }));
    const data = new DataTransfer();
    data.setData('text/plain', payload);
    editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    const deadline = Date.now() + timeoutMs;
    let done = false;
    while (!done && Date.now() < deadline) {
      await frame();
      done = preview.getAttribute('aria-busy') === 'false';
    }
    if (!done) missed.push(label);
    await frame();
    await frame();
    poke();
  }
  return missed;
}

/* Runs inside the webview: pokes every element of the preview, focusing each, and counts them. */
function pokeEverything() {
  const root = document.querySelector('[aria-label="Preview"]');
  let poked = 0;
  for (const el of root.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'pointerenter', 'focus', 'keydown', 'animationstart', 'toggle']) {
      el.dispatchEvent(new Event(type, { bubbles: true }));
    }
    if (typeof el.focus === 'function') el.focus();
    el.click();
    poked += 1;
  }
  return poked;
}

describe('The XSS corpus in the real preview', () => {
  const corpus = loadCorpus();

  before(async () => {
    await ensureSignedIn();
    await openTraining('Customer asks for a refund');
    await installIpcSpy();
    await browser.setTimeout({ script: 240_000 });
  });

  it('has at least 100 payloads', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
  });

  it('renders each payload, then all of them together, and nothing runs', async () => {
    await (await byRole('textbox', 'Content')).click();
    const startUrl = await browser.getUrl();
    const missed = await browser.execute(pasteEachAndWait, corpus, 5_000);
    expect(missed).toEqual([]);

    // Together (an unclosed <script> or <plaintext> swallows what follows, which is expected).
    const all = corpus.map((e) => e.payload).join('\n\n');
    expect(await browser.execute(pasteEachAndWait, [{ label: 'all', payload: all }], 15_000)).toEqual([]);
    // Images that fail to load fire their error events a little later.
    await browser.pause(1_500);
    expect(await browser.execute(pokeEverything)).toBeGreaterThan(10);
    await browser.pause(1_000);

    const calls = await ipcCalls();
    // The page rendered the payloads itself (the app only until its renderer had loaded).
    const renders = calls.filter((c) => c.cmd === 'render_preview');
    expect(renders.length).toBeLessThan(corpus.length / 2);
    // The editor also keeps what was typed in the local journal (journal_write): the app's own
    // autosave, which never reaches open.cx; and it reads the typed text for the writing checks
    // (instruction health, similar trainings, the workspace check-up), which only read the local
    // cache. Anything else (sign_out above all) would be a payload.
    const expected = new Set(['render_preview', 'journal_write', 'instruction_health', 'similar_trainings', 'check_up']);
    const others = calls.filter((c) => !expected.has(c.cmd)).map((c) => c.cmd);
    expect(others).toEqual([]);
    const found = await browser.execute(() => {
      const root = document.querySelector('[aria-label="Preview"]');
      return {
        pwned: window.__pwned === undefined ? null : String(window.__pwned),
        dangerous: root.querySelectorAll('script, style, iframe, frame, object, embed, form, input, button, meta, base, link, svg, math, template').length,
        handlers: [...root.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        badUrls: [...root.querySelectorAll('[href], [src]')]
          .map((el) => el.getAttribute('href') ?? el.getAttribute('src'))
          .filter((url) => !/^(https?:|mailto:)/i.test(url.trim())),
      };
    });
    expect(found).toEqual({ pwned: null, dangerous: 0, handlers: 0, badUrls: [] });
    expect(await browser.getUrl()).toBe(startUrl);
    await byRole('region', 'Editor');
  });
});
