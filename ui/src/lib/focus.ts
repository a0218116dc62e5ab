// Keyboard focus helpers: which elements take Tab, keeping Tab inside a dialog, and whether a key
// goes to a field being typed in (so a shortcut such as Ctrl+Z is left to it).

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[contenteditable="true"]',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements inside `container` that Tab visits, in document order. */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.closest('[hidden], [inert]') && el.tabIndex >= 0,
  );
}

/** Wraps Tab and Shift+Tab around the ends of `container`. Call from a keydown handler. */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const items = focusableIn(container);
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) {
    event.preventDefault();
    container.focus();
    return;
  }
  const active = document.activeElement;
  const inside = active instanceof Node && container.contains(active);
  if (event.shiftKey && (active === first || !inside || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}

/** True when `target` is a field being typed in (input, text area, select, the content editor). */
export function isTypingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.closest('input, textarea, select, .cm-editor, [contenteditable="true"]') !== null)
  );
}

/** Escape pressed inside `region` (and not already handled) closes it: for the side panels that
 * are not dialogs, so Escape elsewhere keeps its own meaning. */
export function closeOnEscapeWithin(event: KeyboardEvent, region: HTMLElement, close: () => void): void {
  const inside = event.target instanceof Node && region.contains(event.target);
  if (event.key === 'Escape' && inside && !event.defaultPrevented) {
    event.preventDefault();
    close();
  }
}
