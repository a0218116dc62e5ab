// Watches the webview's IPC from inside the page: every command the page sends, with its
// arguments and the answer's text. Tauri's `invoke` cannot be wrapped (it is a read-only
// property), but on Linux it posts each call with `fetch` to ipc://localhost/<command>, and falls
// back to `window.ipc.postMessage`; both are wrapped here, so nothing the page calls is missed.

/* Runs inside the webview; self-contained because WebDriver serialises it. */
function installInPage() {
  if (window.__ipcSpy) return true;
  const calls = [];
  window.__ipcSpy = calls;
  const realFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : String(input?.url ?? input);
    const match = /^(?:ipc:\/\/localhost|http:\/\/ipc\.localhost)\/([^?#]+)/.exec(url);
    if (!match) return realFetch(input, init);
    const call = { cmd: decodeURIComponent(match[1]), args: null, response: null, at: Date.now() };
    try { call.args = typeof init?.body === 'string' ? JSON.parse(init.body) : null; } catch { /* binary */ }
    calls.push(call);
    return realFetch(input, init).then((response) => {
      response.clone().text().then((text) => { call.response = text; }, () => { call.response = ''; });
      return response;
    });
  };
  if (window.ipc && typeof window.ipc.postMessage === 'function') {
    const realPost = window.ipc.postMessage.bind(window.ipc);
    try {
      window.ipc.postMessage = (data) => {
        let cmd = '?';
        try { cmd = JSON.parse(data).cmd; } catch { /* not JSON */ }
        calls.push({ cmd, args: null, response: null, at: Date.now(), via: 'postMessage' });
        return realPost(data);
      };
    } catch { /* read-only: fetch is the path used on Linux */ }
  }
  return true;
}

/** Installs the spy in the current page (again after a reload). */
export async function installIpcSpy() {
  expect(await browser.execute(installInPage)).toBe(true);
}

/** Every call recorded so far: { cmd, args, response (text), at }. */
export async function ipcCalls() {
  return browser.execute(() => (window.__ipcSpy ?? []).map((c) => ({ ...c })));
}
