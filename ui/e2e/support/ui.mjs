// Finds elements the way a person does: by ARIA role and accessible name. The lookup runs in the
// page (a compact version of the ARIA role and accessible-name rules that the app's markup uses)
// and returns WebDriver element references, so clicks and typing go through the real webview.

/* Runs inside the webview. Keep it self-contained: it is serialised by WebDriver. */
function findAllByRoleInPage(role, name, exact, withinEl) {
  const implicitRole = (el) => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit.split(' ')[0];
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (tag === 'button' || (tag === 'input' && ['button', 'submit', 'reset'].includes(type))) return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'input') {
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'search') return 'searchbox';
      if (['text', 'password', 'email', 'url', 'tel'].includes(type)) return 'textbox';
      return null;
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'option') return 'option';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'nav') return 'navigation';
    if (tag === 'main') return 'main';
    if (tag === 'fieldset') return 'group';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'table') return 'table';
    if (tag === 'th') return el.getAttribute('scope') === 'row' ? 'rowheader' : 'columnheader';
    if (tag === 'mark') return 'mark';
    if (tag === 'section' && (el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby'))) return 'region';
    return null;
  };
  // Text content as a name: skips aria-hidden decorations (icons, chevrons).
  const contentOf = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true') return '';
    if (node.hasAttribute('aria-label')) return ` ${node.getAttribute('aria-label')} `;
    return [...node.childNodes].map(contentOf).join('');
  };
  const text = (el) => [...el.childNodes].map(contentOf).join('').replace(/\s+/g, ' ').trim();
  const byIds = (ids) => ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(text).join(' ');
  const accessibleName = (el) => {
    if (el.hasAttribute('aria-labelledby')) return byIds(el.getAttribute('aria-labelledby'));
    if (el.hasAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    if (el.id) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label) return text(label);
    }
    const wrapping = el.closest('label');
    if (wrapping) return text(wrapping);
    const tag = el.tagName.toLowerCase();
    if (tag === 'fieldset') { const legend = el.querySelector('legend'); if (legend) return text(legend); }
    if (tag === 'img') return el.getAttribute('alt') || '';
    if (['button', 'a', 'option', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'th'].includes(tag) || el.getAttribute('role') === 'option' || el.getAttribute('role') === 'tab') return text(el);
    return el.getAttribute('title') || '';
  };
  const visible = (el) => {
    if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    return el.getClientRects().length > 0;
  };
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const root = withinEl || document;
  // "field": any input, select or textarea, for fields ARIA gives no role (date and time).
  const roleOf = (el) => (role === 'field' && el.matches('input, select, textarea') ? 'field' : implicitRole(el));
  return [...root.querySelectorAll('*')].filter((el) => {
    if (roleOf(el) !== role || !visible(el)) return false;
    if (name === null) return true;
    const accName = norm(accessibleName(el));
    return exact ? accName === norm(name) : accName.toLowerCase().includes(norm(name).toLowerCase());
  });
}

/** All visible elements with this role whose accessible name is `name` (or contains it, with exact: false). */
export async function allByRole(role, name = null, { exact = true, within = null } = {}) {
  return browser.execute(findAllByRoleInPage, role, name, exact, within);
}

/** The accessible description of `element`: the text of the elements its aria-describedby names. */
export async function descriptionOf(element) {
  return browser.execute((el) => {
    const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ').replace(/\s+/g, ' ').trim();
  }, element);
}

/** The one element with this role and name, waiting for it to appear. */
export async function byRole(role, name = null, { exact = true, within = null, timeout = 15_000 } = {}) {
  let found = [];
  await browser.waitUntil(async () => {
    found = await allByRole(role, name, { exact, within });
    return found.length > 0;
  }, { timeout, timeoutMsg: `no ${role} named "${name}" appeared within ${timeout} ms` });
  if (found.length > 1 && exact) {
    throw new Error(`${found.length} elements with role ${role} named "${name}"; expected one`);
  }
  return $(found[0]);
}

/** The one form field named `name` whatever its role: for inputs ARIA gives none (date and time). */
export async function fieldByLabel(name, options = {}) {
  return byRole('field', name, options);
}

/** Waits until no element with this role and name is visible. */
export async function waitGone(role, name, { exact = true, timeout = 15_000 } = {}) {
  await browser.waitUntil(async () => (await allByRole(role, name, { exact })).length === 0, {
    timeout, timeoutMsg: `${role} "${name}" was still visible after ${timeout} ms`,
  });
}

/** Waits until some element with this role contains `fragment` in its text. */
export async function waitForText(role, fragment, { timeout = 15_000 } = {}) {
  await browser.waitUntil(async () => {
    const els = await allByRole(role);
    for (const el of els) if ((await $(el).getText()).includes(fragment)) return true;
    return false;
  }, { timeout, timeoutMsg: `no ${role} showed "${fragment}" within ${timeout} ms` });
}

/** Replaces the text of the CodeMirror editor named `name` by typing, as a person would. */
export async function replaceEditorText(name, value) {
  const editor = await byRole('textbox', name);
  await editor.click();
  await browser.keys(['Control', 'a']);
  await browser.keys(['Backspace']);
  // Element Send Keys types each character through WebKit's own keyboard; U+E007 is Enter.
  await editor.addValue(value.replace(/\n/g, '\uE007'));
}

/** Sets a plain text field by clearing it and typing. A field drawn again between being found and
 * typed into (a new training's editor settles once the training has its id) is found again, as a
 * person would look at it again; the last try's error is the one reported. */
export async function typeInto(role, name, value) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const field = await byRole(role, name);
      await field.click();
      await field.clearValue();
      await field.setValue(value);
      return field;
    } catch (error) {
      if (attempt >= 3 || !/stale element|was not found/.test(String(error))) throw error;
    }
  }
}

/** From now on, keeps every sentence the app's polite live region says (what a screen reader
 * reads out), so a later `waitForAnnouncement` sees it even when another one replaced it. */
export async function listenToAnnouncements() {
  await browser.execute(() => {
    const region = document.querySelector('[role="status"][aria-live="polite"]');
    window.__e2eAnnounced = [];
    new MutationObserver(() => window.__e2eAnnounced.push(region.textContent.trim()))
      .observe(region, { childList: true, subtree: true, characterData: true });
  });
}

/** Waits until the app has announced `sentence` since `listenToAnnouncements`. */
export async function waitForAnnouncement(sentence, { timeout = 30_000 } = {}) {
  await browser.waitUntil(
    async () => (await browser.execute(() => window.__e2eAnnounced ?? [])).includes(sentence),
    { timeout, timeoutMsg: `the app did not announce "${sentence}" within ${timeout} ms` },
  );
}
