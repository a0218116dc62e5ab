// Links inside rendered previews are for reading: following one would navigate the app's own
// window away, so clicks (and Enter) on them do nothing.

/** Svelte action: neutralises link activation inside `node`. */
export function inertLinks(node: HTMLElement): { destroy: () => void } {
  const onclick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest('a')) event.preventDefault();
  };
  node.addEventListener('click', onclick);
  return { destroy: () => node.removeEventListener('click', onclick) };
}
