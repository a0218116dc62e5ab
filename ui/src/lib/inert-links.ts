// Links inside rendered previews never navigate the app's own window (that window holds the
// power to call the app's commands). A click on one, or Enter (which clicks), is stopped; when
// the preview passes `onlink`, it gets the link's address to ask before anything opens in the
// system's browser.

/** The schemes a preview link may open with; the shell checks the same list. */
const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/** True for a complete web (http, https) or email (mailto) address. */
export function isOpenableLink(href: string): boolean {
  try {
    const url = new URL(href.trim());
    return OPENABLE.has(url.protocol) && (url.protocol === 'mailto:' || url.host !== '');
  } catch {
    return false;
  }
}

/** Svelte action: stops link activation inside `node` and hands the address to `onlink`. */
export function inertLinks(
  node: HTMLElement,
  onlink?: (href: string) => void,
): { update: (next?: (href: string) => void) => void; destroy: () => void } {
  let handler = onlink;
  const linkOf = (event: MouseEvent) =>
    event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[href]') : null;
  const onclick = (event: MouseEvent) => {
    if (!(event.target instanceof Element && event.target.closest('a'))) return;
    event.preventDefault();
    const href = linkOf(event)?.getAttribute('href');
    if (href && handler) handler(href);
  };
  // A middle click would open the link in a new webview window.
  const onauxclick = (event: MouseEvent) => {
    if (linkOf(event)) event.preventDefault();
  };
  node.addEventListener('click', onclick);
  node.addEventListener('auxclick', onauxclick);
  return {
    update: (next) => (handler = next),
    destroy: () => {
      node.removeEventListener('click', onclick);
      node.removeEventListener('auxclick', onauxclick);
    },
  };
}
