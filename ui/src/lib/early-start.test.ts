import { describe, expect, it } from 'vitest';
import { deferred, fakeBackend } from '../test/backend';
import { OTHER_WORKSPACE, WORKSPACE, workspaceData } from '../test/fixtures';
import type { CachedWorkspace } from './bindings/CachedWorkspace';
import { askEarly, takeKeptCopy, takeResumedSession } from './early-start';

const KEPT: CachedWorkspace = { data: workspaceData(), fetched_at: '2026-12-01T08:00:00Z' };

describe('the start’s early questions', () => {
  it('asks for the kept copy as soon as the session resumes, and hands each answer out once', async () => {
    const resumed = deferred<typeof WORKSPACE>();
    const backend = fakeBackend({ resume_session: () => resumed.promise, cached_workspace: () => KEPT });
    askEarly();
    expect(backend.calls.map((c) => c.cmd)).toEqual(['resume_session']);
    resumed.resolve(WORKSPACE);
    expect(await takeResumedSession()).toEqual(WORKSPACE);
    expect(await takeKeptCopy(WORKSPACE.id)).toEqual(KEPT);
    expect(backend.calls.map((c) => c.cmd)).toEqual(['resume_session', 'cached_workspace']);
    // Taken once: later questions go to the backend again.
    await takeResumedSession();
    await takeKeptCopy(WORKSPACE.id);
    expect(backend.calls.map((c) => c.cmd)).toEqual(['resume_session', 'cached_workspace', 'resume_session', 'cached_workspace']);
  });

  it('asks afresh for another workspace’s kept copy, and asks for none when no session resumes', async () => {
    let backend = fakeBackend({ resume_session: () => WORKSPACE, cached_workspace: () => KEPT });
    askEarly();
    await takeResumedSession();
    await takeKeptCopy(OTHER_WORKSPACE.id);
    expect(backend.callsTo('cached_workspace')).toHaveLength(2);

    backend = fakeBackend({ resume_session: () => null });
    askEarly();
    expect(await takeResumedSession()).toBeNull();
    expect(await takeKeptCopy(WORKSPACE.id)).toBeNull();
    expect(backend.calls.map((c) => c.cmd)).toEqual(['resume_session', 'cached_workspace']);
  });
});
