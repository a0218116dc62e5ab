import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './bindings/OutboxEntry';
import { training } from '../test/fixtures';
import { describeAction, describeState, pendingCount, savesState, waitingDraft, withLanded } from './outbox';

function entry(overrides: Partial<OutboxEntry>): OutboxEntry {
  return {
    id: 'e1',
    training_id: 't1',
    title: 'Refunds',
    action: { kind: 'set_published', published: true, base_updated_at: '2025-01-01T00:00:00Z' },
    state: 'waiting',
    queued_at: '2025-01-01T00:00:00Z',
    message: null,
    ...overrides,
  };
}

const dirName = (id: string | null) => (id === null ? 'No directory' : 'Billing');

describe('outbox', () => {
  it('says what each entry will do', () => {
    const draft = {
      title: 'T',
      content: 'C',
      training_type: 'SCENARIO_SPECIFIC' as const,
      directory_id: null,
      restricted_to_channels: [],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    };
    expect(describeAction(entry({ action: { kind: 'save', draft, publish: false, base: training() } }), dirName)).toBe(
      'Save the edited text as a draft',
    );
    expect(describeAction(entry({ action: { kind: 'save', draft, publish: true, base: training() } }), dirName)).toBe(
      'Publish the edited text',
    );
    expect(describeAction(entry({ action: { kind: 'move', directory_id: 'd', base_updated_at: '' } }), dirName)).toBe(
      'Move to Billing',
    );
    expect(describeAction(entry({ action: { kind: 'set_published', published: false, base_updated_at: '' } }), dirName)).toBe(
      'Take out of use',
    );
  });

  it('says where each entry stands', () => {
    expect(describeState(entry({ state: 'waiting' }))).toBe('Waiting for the connection');
    expect(describeState(entry({ state: 'conflict' }))).toMatch(/Changed on open.cx meanwhile/);
    expect(describeState(entry({ state: 'failed' }))).toMatch(/refused/);
  });

  it('counts every entry not on open.cx yet, and puts landed trainings in place', () => {
    expect(pendingCount(null)).toBe(0);
    expect(pendingCount({ entries: [entry({}), entry({ id: 'e2', state: 'conflict' })], waiting: 1, landed: [] })).toBe(2);
    const a = training({ id: 'a', title: 'A' });
    const b = training({ id: 'b', title: 'B' });
    const landed = { ...a, title: 'A, sent' };
    expect(withLanded([a, b], [landed])).toEqual([landed, b]);
  });

  it('says where the saves of one training stand, a held one first', () => {
    const draft = {
      title: 'T',
      content: 'C',
      training_type: 'SCENARIO_SPECIFIC' as const,
      directory_id: null,
      restricted_to_channels: [],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    };
    const save = { kind: 'save' as const, draft, publish: false, base: training() };
    const v = {
      entries: [entry({ action: save }), entry({ id: 'e2', action: save, state: 'conflict' }), entry({ id: 'e3', training_id: 't2' })],
      waiting: 3,
      landed: [],
    };
    expect(savesState(v, 't1')).toBe('conflict');
    expect(savesState(v, 't2')).toBeNull();
    expect(savesState(null, 't1')).toBeNull();
  });

  it('gives the latest waiting save of a training, for the editor to open with', () => {
    const draft = (title: string) => ({
      title,
      content: 'C',
      training_type: 'SCENARIO_SPECIFIC' as const,
      directory_id: null,
      restricted_to_channels: [],
      restricted_to_segments: [],
      start_time: null,
      end_time: null,
    });
    const save = (title: string) => ({ kind: 'save' as const, draft: draft(title), publish: false, base: training() });
    const v = {
      entries: [
        entry({ action: save('first') }),
        entry({ id: 'e2', action: save('second') }),
        entry({ id: 'e3' }),
        entry({ id: 'e4', training_id: 't2', action: save('other') }),
      ],
      waiting: 4,
      landed: [],
    };
    expect(waitingDraft(v, 't1')?.title).toBe('second');
    expect(waitingDraft(v, 't3')).toBeNull();
    expect(waitingDraft(null, 't1')).toBeNull();
  });
});
