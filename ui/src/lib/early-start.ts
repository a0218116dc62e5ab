// The app's first two questions to the backend, asked by the page's entry module before the
// app's components are evaluated and mounted: which workspace to resume, then (as soon as that
// answers) the copy of it kept on this computer. The backend works on both while the page gets
// ready, instead of after the frame and the main view have mounted one after the other. Each
// answer is taken once by what used to ask for it: the frame (`takeResumedSession`) and the
// workspace store of the resumed workspace's main view (`takeKeptCopy`); anything later asks
// afresh.
import type { CachedWorkspace } from './bindings/CachedWorkspace';
import type { WorkspaceSummary } from './bindings/WorkspaceSummary';
import { cachedWorkspace, resumeSession } from './ipc';
import { markStartup } from './startup-marks';

let resumed: Promise<WorkspaceSummary | null> | null = null;
/** The kept copy asked for early, once the resumed workspace is known. */
let kept: Promise<{ workspaceId: string; copy: Promise<CachedWorkspace | null> } | null> | null = null;

/** Asks both questions now (the entry module calls this first). */
export function askEarly(): void {
  resumed = resumeSession();
  kept = resumed.then(
    (workspace) => {
      markStartup('session-resumed');
      if (!workspace) return null;
      const copy = cachedWorkspace();
      markStartup('kept-copy-asked');
      copy.catch(() => undefined); // its taker handles a failure; nobody may take it at all
      return { workspaceId: workspace.id, copy };
    },
    () => null,
  );
}

/** The session resumed at start: the early answer once, a fresh question after that. */
export function takeResumedSession(): Promise<WorkspaceSummary | null> {
  const answer = resumed ?? resumeSession();
  resumed = null;
  return answer;
}

/** The kept copy of `workspaceId`: the early answer once if it was asked for that workspace,
 *  a fresh question otherwise. */
export async function takeKeptCopy(workspaceId: string): Promise<CachedWorkspace | null> {
  const early = await kept;
  kept = null;
  return early?.workspaceId === workspaceId ? early.copy : cachedWorkspace();
}
