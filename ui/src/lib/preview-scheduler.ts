// Keeps the live preview in step with typing without flooding the backend. A render the page can
// do at once (lib/preview-renderer) is applied at once, in the keystroke's own task. Otherwise at
// most one render is in flight, and the latest text wins: text that arrives while nothing renders
// is sent at once (waiting for a frame first cost a whole frame, or several on a slow compositor,
// per keystroke); text that arrives during a render waits, is replaced by newer text, and goes as
// soon as that render answers. Typing never waits on the backend: `update` only records the text
// and, when the page can render it, renders it.

export interface PreviewSchedulerOptions<Render> {
  /** Renders some markdown: at once, or by asking the backend (a promise). */
  render: (markdown: string) => Render | Promise<Render>;
  /** Receives each finished render, oldest first, before the next one is asked for; the last one
   * is always the latest text's. */
  onResult: (render: Render) => void;
  onError?: (error: unknown) => void;
  /** Every text given has been rendered (or failed) and nothing is in flight. */
  onIdle?: () => void;
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
    let rendered: Render | Promise<Render>;
    try {
      rendered = options.render(markdown);
    } catch (error) {
      options.onError?.(error);
      options.onIdle?.();
      return;
    }
    if (!(rendered instanceof Promise)) {
      options.onResult(rendered);
      options.onIdle?.();
      return;
    }
    inFlight = true;
    rendered
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
        if (pending !== null) send();
        else if (!disposed) options.onIdle?.();
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
