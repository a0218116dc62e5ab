// Spans around the stages of a keystroke (editor → form, dirty check, journal timer, writing
// radar, preview render and DOM, scroll sync; the search's filtering; the stages of opening
// "Review changes") as `performance.measure` entries named "keystroke: <stage>", for the
// keystroke → preview benchmark (ui/e2e/bench/preview-latency.mjs), the search-as-you-type one
// (ui/e2e/bench/search.mjs) and the review one (ui/e2e/bench/review.mjs).
// Off unless the benchmark sets `window.__keystrokeProfile = true`: in normal use a stage costs
// one property read and nothing fills the performance buffer.

declare global {
  interface Window {
    __keystrokeProfile?: boolean;
  }
}

const profiling = (): boolean => typeof window !== 'undefined' && window.__keystrokeProfile === true;

/** Runs `run`, timed as the stage `name` while the benchmark profiles. */
export function stage<T>(name: string, run: () => T): T {
  if (!profiling()) return run();
  const start = performance.now();
  try {
    return run();
  } finally {
    performance.measure(`keystroke: ${name}`, { start, end: performance.now() });
  }
}

/** Times an asynchronous stage (an IPC round trip) from now until `promise` settles. */
export function stageAsync<T>(name: string, promise: Promise<T>): Promise<T> {
  if (!profiling()) return promise;
  const start = performance.now();
  const done = () => performance.measure(`keystroke: ${name}`, { start, end: performance.now() });
  promise.then(done, done);
  return promise;
}

/** The clock for [`stageSince`]: now while the benchmark profiles, else 0 (nothing is read). */
export const stageClock = (): number => (profiling() ? performance.now() : 0);

/** Times the stage `name` from `start` (a [`stageClock`] reading) until now. */
export function stageSince(name: string, start: number): void {
  if (profiling()) performance.measure(`keystroke: ${name}`, { start, end: performance.now() });
}
