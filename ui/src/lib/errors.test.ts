import { describe, expect, it } from 'vitest';
import { ERROR_KINDS, describeError, isErrorKind, isUnreachable } from './errors';
import { IpcError } from './ipc';

describe('describeError', () => {
  it('decides by kind, not by message', () => {
    const same = 'open.cx said something';
    expect(describeError(new IpcError('network', same))).toMatchObject({
      title: "Couldn't reach open.cx — your changes are kept",
      action: 'retry',
    });
    expect(describeError(new IpcError('timeout', same)).action).toBe('retry');
    expect(describeError(new IpcError('unauthorized', same))).toMatchObject({
      title: 'Your key was rejected — sign in again',
      action: 'sign-in',
    });
    expect(describeError(new IpcError('validation', 'body/title must be string'))).toMatchObject({
      title: 'body/title must be string',
      action: 'none',
    });
  });

  it('has words for every kind the backend sends', () => {
    for (const kind of [...ERROR_KINDS, 'unknown' as const]) {
      const view = describeError(new IpcError(kind, 'message'));
      expect(view.title.length).toBeGreaterThan(0);
    }
  });
});

describe('the kinds', () => {
  it('are the generated ErrorKind, each once', () => {
    expect(ERROR_KINDS).toContain('keychain_unavailable');
    expect(new Set(ERROR_KINDS).size).toBe(ERROR_KINDS.length);
    expect(isErrorKind('not_found')).toBe(true);
    expect(isErrorKind('made_up')).toBe(false);
    expect(isErrorKind('toString')).toBe(false);
  });

  it('say open.cx could not be reached for the network, a timeout and the server only', () => {
    expect(ERROR_KINDS.filter(isUnreachable)).toEqual(['network', 'timeout', 'server']);
    expect(isUnreachable('unknown')).toBe(false);
  });
});
