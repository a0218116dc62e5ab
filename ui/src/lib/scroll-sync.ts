// Proportional scroll: the preview shows the same part of the document as the editor.

export interface ScrollBox {
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}

/** How far down `box` is scrolled, from 0 (top) to 1 (bottom). */
export function scrollRatio(box: ScrollBox): number {
  const range = box.scrollHeight - box.clientHeight;
  if (range <= 0) return 0;
  return Math.min(1, Math.max(0, box.scrollTop / range));
}

/** Scrolls `box` to `ratio` (0 = top, 1 = bottom) of its scrollable range. */
export function scrollToRatio(box: ScrollBox, ratio: number): void {
  const range = box.scrollHeight - box.clientHeight;
  const next = range > 0 ? Math.round(Math.min(1, Math.max(0, ratio)) * range) : 0;
  if (box.scrollTop !== next) box.scrollTop = next;
}
