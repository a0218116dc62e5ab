// Named moments of the app's start (`performance.mark`, "startup:<name>"), so the startup
// benchmark (ui/e2e/bench/startup.mjs --stages) can say where the time to the list goes. Marks
// cost next to nothing and are not read by the app itself.

export type StartupStage =
  | 'app-mounted'
  | 'session-resumed'
  | 'kept-copy-asked'
  | 'main-view-mounted'
  | 'kept-copy-answered'
  | 'kept-copy-rendered'
  | 'kept-copy-painted'
  | 'first-page-shown'
  | 'loaded';

/** Marks `stage` the first time it is reached. */
export function markStartup(stage: StartupStage): void {
  const name = `startup:${stage}`;
  if (typeof performance === 'undefined' || performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
}
