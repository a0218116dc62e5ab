// Spans around the stages of a keystroke (editor → form, dirty check, journal timer, writing
// radar, preview render and DOM, scroll sync; the search's filtering) as `performance.measure`
// entries named "keystroke: <stage>", for the keystroke → preview benchmark
// (ui/e2e/bench/preview-latency.mjs) and the search-as-you-type one (ui/e2e/bench/search.mjs).
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
