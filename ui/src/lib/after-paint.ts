// Waits until the browser has painted what the page changed: the next animation frame runs just
// before a paint, and a task queued from it runs once that paint is done. Used to let the first
// list reach the screen before heavier, later work (the rest of the load, the editor's chunk).

/** Resolves after the next paint (at once where there are no frames, as in unit tests). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}
