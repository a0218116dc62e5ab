// Svelte action: calls back when an element comes near the visible part of its scrolling area
// (within a screenful or so), to draw the next part of long content before the reader gets there.
// Where the browser has no IntersectionObserver (jsdom), it does nothing: the element itself
// (a "Show more" button) still works.

/** How far beyond the visible edge of the scrolling area counts as near. */
const NEAR_MARGIN = '800px';

export interface NearViewOptions {
  onnear: () => void;
  /** Changes whenever more content was drawn: the element is looked at afresh. */
  key: unknown;
}

function scrollingAncestor(node: HTMLElement): HTMLElement | null {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (/auto|scroll/.test(getComputedStyle(el).overflowY)) return el;
  }
  return null;
}

export function nearView(node: HTMLElement, options: NearViewOptions): { update: (next: NearViewOptions) => void; destroy: () => void } {
  let current = options;
  if (typeof IntersectionObserver === 'undefined') return { update: (next) => (current = next), destroy: () => {} };
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) current.onnear();
    },
    { root: scrollingAncestor(node), rootMargin: NEAR_MARGIN },
  );
  observer.observe(node);
  return {
    update(next) {
      const redrawn = next.key !== current.key;
      current = next;
      // Still near after a part was added (a short part): observing again reports it again.
      if (redrawn) {
        observer.unobserve(node);
        observer.observe(node);
      }
    },
    destroy: () => observer.disconnect(),
  };
}
