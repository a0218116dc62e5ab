// Counts what components leave behind once they are gone, for the tests that open and close them
// many times (issue 15): Tauri event listeners still registered, timers still pending, and
// CodeMirror editors made but never destroyed. Install the spies in `beforeEach`; the listener
// count needs the test file to mock `@tauri-apps/api/event` with `countingEventModule`.
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { vi } from 'vitest';

/** Tauri `listen` calls whose unlisten has not run yet (every test file shares the module). */
let activeListeners = 0;

/** The real event module with `listen` wrapped to count the listeners still registered. */
export async function countingEventModule(
  importOriginal: () => Promise<typeof import('@tauri-apps/api/event')>,
): Promise<typeof import('@tauri-apps/api/event')> {
  const real = await importOriginal();
  async function listen<T>(...args: Parameters<typeof real.listen<T>>): Promise<() => void> {
    const unlisten = await real.listen<T>(...args);
    activeListeners += 1;
    let done = false;
    return () => {
      if (!done) activeListeners -= 1;
      done = true;
      unlisten();
    };
  }
  return { ...real, listen };
}

export interface LeakCounter {
  /** Tauri event listeners registered and not unlistened. */
  listeners(): number;
  /** Timers and intervals set and neither run (timers) nor cleared. */
  pendingTimers(): number;
  /** CodeMirror editors made (one `EditorState.create` each) and not destroyed. */
  liveEditors(): number;
}

/** Starts counting timers and editors from now on (spies are restored after each test). */
export function countLeaks(): LeakCounter {
  const pending = new Set<unknown>();
  const realSetTimeout = globalThis.setTimeout;
  const realSetInterval = globalThis.setInterval;
  const realClearTimeout = globalThis.clearTimeout;
  const realClearInterval = globalThis.clearInterval;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const id: unknown = realSetTimeout(
      (...a: unknown[]) => {
        pending.delete(id);
        run(...a);
      },
      ms,
      ...rest,
    );
    pending.add(id);
    return id;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'setInterval').mockImplementation(((run: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
    const id = realSetInterval(run, ms, ...rest);
    pending.add(id);
    return id;
  }) as typeof setInterval);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation((id) => {
    pending.delete(id);
    realClearTimeout(id);
  });
  vi.spyOn(globalThis, 'clearInterval').mockImplementation((id) => {
    pending.delete(id);
    realClearInterval(id);
  });
  const created = vi.spyOn(EditorState, 'create');
  const destroyed = vi.spyOn(EditorView.prototype, 'destroy');
  const listenersAtStart = activeListeners;
  return {
    listeners: () => activeListeners - listenersAtStart,
    pendingTimers: () => pending.size,
    liveEditors: () => created.mock.calls.length - destroyed.mock.calls.length,
  };
}

/** The text of the document's style sheets: CodeMirror adds its themes' rules here. */
export const documentStyleText = (): string =>
  [...document.querySelectorAll('style')].map((s) => s.textContent ?? '').join('\n');
