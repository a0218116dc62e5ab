// The webview's own defences, checked in the running app: the Content-Security-Policy stops inline
// script, inline event handlers, javascript: URLs, eval and remote images even when they are put
// straight into the DOM (past the sanitizer), and the IPC refuses every Tauri core command the app does not
// use, while the app's own commands still answer.
import { ensureSignedIn } from '../support/session.mjs';
import { installIpcSpy, ipcCalls } from '../support/ipc-spy.mjs';

describe('CSP and permissions in the running webview', () => {
  before(async () => {
    await ensureSignedIn();
    await browser.execute(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(e.violatedDirective || e.effectiveDirective);
      });
    });
  });

  it('does not run an inline <script> appended to the DOM', async () => {
    await browser.execute(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__cspScript = "ran"';
      document.body.appendChild(script);
    });
    await browser.pause(300);
    const seen = await browser.execute(() => ({ ran: window.__cspScript ?? null, violations: [...window.__violations] }));
    expect(seen.ran).toBeNull();
    expect(seen.violations.some((d) => d.startsWith('script-src'))).toBe(true);
  });

  it('does not run an inline onerror handler on an injected <img>, though the error fires', async () => {
    await browser.execute(() => {
      const holder = document.querySelector('[aria-label="Preview"]') ?? document.body;
      const div = document.createElement('div');
      div.innerHTML = '<img src="x-does-not-exist.png" onerror="window.__cspImg = \'ran\'">';
      div.firstChild.addEventListener('error', () => { window.__imgErrored = true; });
      holder.appendChild(div);
    });
    await browser.waitUntil(() => browser.execute(() => window.__imgErrored === true), {
      timeoutMsg: 'the injected image never failed to load, so the check would prove nothing',
    });
    await browser.pause(200);
    expect(await browser.execute(() => window.__cspImg ?? null)).toBeNull();
  });

  it('does not fetch a remote image put straight into the DOM (no tracking pixel), though inline ones load', async () => {
    await browser.execute(() => {
      const holder = document.querySelector('[aria-label="Preview"]') ?? document.body;
      const pixel = document.createElement('img');
      pixel.src = 'https://track.example/pixel.gif';
      const inline = document.createElement('img');
      inline.addEventListener('load', () => { window.__inlineImage = 'loaded'; });
      inline.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
      holder.append(pixel, inline);
    });
    await browser.waitUntil(() => browser.execute(() => window.__violations.some((d) => d.startsWith('img-src'))), {
      timeoutMsg: 'no img-src violation: the CSP let a remote image through',
    });
    await browser.waitUntil(() => browser.execute(() => window.__inlineImage === 'loaded'), {
      timeoutMsg: 'an inline data: image did not load',
    });
  });

  it('does not follow a javascript: link or evaluate strings', async () => {
    const seen = await browser.execute(() => {
      const a = document.createElement('a');
      a.href = 'javascript:window.__cspLink = "ran"';
      a.textContent = 'x';
      document.body.appendChild(a);
      a.click();
      a.remove();
      let evalRan = null;
      try { evalRan = window.eval('"ran"'); } catch (e) { evalRan = null; }
      let fnRan = null;
      try { fnRan = new Function('return "ran"')(); } catch (e) { fnRan = null; }
      return { evalRan, fnRan };
    });
    await browser.pause(300);
    expect(seen).toEqual({ evalRan: null, fnRan: null });
    expect(await browser.execute(() => window.__cspLink ?? null)).toBeNull();
  });

  it('refuses every Tauri core command the app does not use, and answers its own', async () => {
    await installIpcSpy();
    const refused = [
      ['plugin:app|version', {}],
      ['plugin:app|name', {}],
      ['plugin:path|resolve_directory', { directory: 9 }],
      ['plugin:window|title', { label: 'main' }],
      ['plugin:window|get_all_windows', {}],
      ['plugin:webview|get_all_webviews', {}],
      ['plugin:event|emit', { event: 'close-requested', payload: null }],
      ['plugin:image|from_path', { path: '/etc/passwd' }],
      ['plugin:resources|close', { rid: 1 }],
      ['plugin:menu|new', { kind: 'Menu', options: {} }],
      ['plugin:tray|new', { options: {} }],
      ['plugin:shell|execute', { program: 'sh', args: ['-c', 'true'] }],
      ['plugin:fs|read_text_file', { path: '/etc/passwd' }],
      // The file chooser is opened from Rust only (example questions' export and import).
      ['plugin:dialog|open', { options: {} }],
      ['plugin:dialog|save', { options: {} }],
    ];
    const answers = await browser.execute(async (calls) => {
      const out = [];
      for (const [cmd, args] of calls) {
        try {
          await window.__TAURI_INTERNALS__.invoke(cmd, args);
          out.push({ cmd, ok: true, error: null });
        } catch (e) {
          out.push({ cmd, ok: false, error: String(e?.message ?? e) });
        }
      }
      let own;
      try {
        own = await window.__TAURI_INTERNALS__.invoke('list_workspaces');
      } catch (e) {
        own = { error: String(e) };
      }
      return { out, own };
    }, refused);
    for (const answer of answers.out) {
      expect({ cmd: answer.cmd, ok: answer.ok }).toEqual({ cmd: answer.cmd, ok: false });
      expect(answer.error).toMatch(/not allowed|not found|unknown|denied/i);
    }
    expect(Array.isArray(answers.own.workspaces)).toBe(true);
    // The spy saw the page's own calls: it is what spec 07 relies on.
    const seen = (await ipcCalls()).map((c) => c.cmd);
    expect(seen).toEqual(expect.arrayContaining(['plugin:app|version', 'list_workspaces']));
  });
});
