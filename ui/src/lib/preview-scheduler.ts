// Keeps the live preview in step with typing without flooding the backend: at most one render is
// in flight, and the latest text wins. Text that arrives while nothing renders is sent at once
// (waiting for a frame first cost a whole frame, or several on a slow compositor, per keystroke);
// text that arrives during a render waits, is replaced by newer text, and goes as soon as that
// render answers. Typing never waits on a render: `update` only records the text.

export interface PreviewSchedulerOptions<Render> {
  /** Asks the backend for the render of some markdown. */
  render: (markdown: string) => Promise<Render>;
  /** Receives each finished render, oldest first, before the next one is asked for; the last one
   * is always the latest text's. */
  onResult: (render: Render) => void;
  onError?: (error: unknown) => void;
}

export interface PreviewScheduler {
  /** The text changed: render it as soon as no other render is in flight. */
  update(markdown: string): void;
  /** Stop: nothing more is rendered or delivered. */
  dispose(): void;
}

export function createPreviewScheduler<Render>(options: PreviewSchedulerOptions<Render>): PreviewScheduler {
  let pending: string | null = null; // the newest text not yet sent
  let inFlight = false;
  let disposed = false;

  function send(): void {
    if (disposed || inFlight || pending === null) return;
    const markdown = pending;
    pending = null;
    inFlight = true;
    options
      .render(markdown)
      .then(
        (render) => {
          if (!disposed) options.onResult(render);
        },
        (error: unknown) => {
          if (!disposed) options.onError?.(error);
        },
      )
      .finally(() => {
        inFlight = false;
        send();
      });
  }

  return {
    update(markdown) {
      pending = markdown;
      send();
    },
    dispose() {
      disposed = true;
      pending = null;
    },
  };
}
