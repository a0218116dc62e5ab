import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HealthFinding } from '../bindings/HealthFinding';
import { deferred, fakeBackend } from '../../test/backend';
import { training } from '../../test/fixtures';
import { draftFromTraining } from '../form';
import { HEALTH_DELAY_MS, InstructionHealthStore } from './instruction-health.svelte';

const NOTE: HealthFinding = {
  code: 'placeholder',
  severity: 'problem',
  explanation: '“TBD” is a placeholder.',
  fix: 'Write what the AI should say.',
  place: { field: 'content', start: 6, end: 9, line: 1, text: 'TBD' },
};

const form = (content: string) => ({ ...draftFromTraining(training()), content });

describe('the editor’s instruction health store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once typing pauses, with the latest form only', async () => {
    const backend = fakeBackend({ instruction_health: () => [NOTE] });
    const health = new InstructionHealthStore();
    let stop = health.follow('t1', form('Hello'));
    await vi.advanceTimersByTimeAsync(HEALTH_DELAY_MS / 2);
    stop();
    stop = health.follow('t1', form('Hello TBD'));
    expect(backend.callsTo('instruction_health')).toEqual([]);
    expect(health.checked).toBe(false);
    await vi.advanceTimersByTimeAsync(HEALTH_DELAY_MS);
    expect(backend.callsTo('instruction_health')).toEqual([{ id: 't1', draft: form('Hello TBD') }]);
    expect(health.notes).toEqual([NOTE]);
    expect(health.checked).toBe(true);
    stop();
  });

  it('forgets an answer that arrives after the form changed, and keeps the last notes on a failure', async () => {
    const slow = deferred<HealthFinding[]>();
    const backend = fakeBackend({ instruction_health: () => slow.promise });
    const health = new InstructionHealthStore();
    const stop = health.follow('t1', form('Hello TBD'));
    await vi.advanceTimersByTimeAsync(HEALTH_DELAY_MS);
    stop();
    slow.resolve([NOTE]);
    await vi.advanceTimersByTimeAsync(0);
    expect(health.notes).toEqual([]);

    backend.on('instruction_health', () => [NOTE]);
    health.follow('t1', form('Hello TBD'));
    await vi.advanceTimersByTimeAsync(HEALTH_DELAY_MS);
    expect(health.notes).toEqual([NOTE]);
    backend.on('instruction_health', () => Promise.reject({ kind: 'no_workspace', message: 'No workspace.' }));
    health.follow('t1', form('Hello TBD again'));
    await vi.advanceTimersByTimeAsync(HEALTH_DELAY_MS);
    expect(health.notes).toEqual([NOTE]);
  });
});
