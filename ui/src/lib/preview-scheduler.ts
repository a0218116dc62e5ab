// Keeps the live preview in step with typing without flooding the backend: text changes are
// coalesced per animation frame, at most one render is in flight, and the latest text wins.

export interface PreviewSchedulerOptions {
  /** Asks the backend for the HTML of some markdown. */
  render: (markdown: string) => Promise<string>;
  /** Receives each finished render, oldest first; the last one is always the latest text's. */
  onResult: (html: string) => void;
  onError?: (error: unknown) => void;
  /** Defaults to `requestAnimationFrame`. */
  requestFrame?: (callback: () => void) => void;
}

export interface PreviewScheduler {
  /** The text changed: render it soon. */
  update(markdown: string): void;
  /** Stop: nothing more is rendered or delivered. */
  dispose(): void;
}

export function createPreviewScheduler(options: PreviewSchedulerOptions): PreviewScheduler {
  const requestFrame = options.requestFrame ?? ((cb: () => void) => void requestAnimationFrame(cb));
  let pending: string | null = null; // the newest text not yet sent
  let inFlight = false;
  let frameRequested = false;
  let disposed = false;

  function requestPump(): void {
    if (frameRequested || disposed) return;
    frameRequested = true;
    requestFrame(pump);
  }

  function pump(): void {
    frameRequested = false;
    if (disposed || inFlight || pending === null) return;
    const markdown = pending;
    pending = null;
    inFlight = true;
    options
      .render(markdown)
      .then(
        (html) => {
          if (!disposed) options.onResult(html);
        },
        (error: unknown) => {
          if (!disposed) options.onError?.(error);
        },
      )
      .finally(() => {
        inFlight = false;
        if (pending !== null) requestPump();
      });
  }

  return {
    update(markdown) {
      pending = markdown;
      if (!inFlight) requestPump();
    },
    dispose() {
      disposed = true;
      pending = null;
    },
  };
}
