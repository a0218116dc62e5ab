import { describe, expect, it } from 'vitest';
import type { Conflict } from './bindings/Conflict';
import example from './bindings/examples/Conflict.json';
import { mergeDraft, rowsToChoose } from './conflict';

/** A conflict as Rust words it (written by `cargo test -p studio`). */
const conflict = example as unknown as Conflict;

describe('conflict', () => {
  it('asks to choose only the settings besides title and content where the two sides differ', () => {
    expect(rowsToChoose(conflict).map((r) => r.field)).toEqual(['type', 'channels', 'segments']);
    const theirsOnly = { ...conflict, rows: conflict.rows.map((r) => ({ ...r, differs: false })) };
    expect(rowsToChoose(theirsOnly)).toEqual([]);
  });

  it('merges the typed text with each setting from the chosen side', () => {
    const merged = mergeDraft(conflict, { title: 'Refunds', content: 'Within 45 days.' }, { channels: 'theirs', type: 'mine', segments: 'theirs' });
    expect(merged).toEqual({
      title: 'Refunds',
      content: 'Within 45 days.',
      training_type: 'BEHAVIORAL',
      directory_id: 'dir-billing',
      restricted_to_channels: ['web', 'fax'],
      restricted_to_segments: ['seg-vip-0001'],
      start_time: conflict.mine.start_time,
      end_time: conflict.mine.end_time,
    });
  });

  it('takes both bounds of the schedule from the chosen side', () => {
    const theirs = { ...conflict.theirs, start_time: null, end_time: '2027-01-01T00:00:00Z' };
    const mine = { ...conflict.mine, start_time: '2026-12-24T09:00:00Z', end_time: null };
    const merged = mergeDraft({ ...conflict, theirs, mine }, { title: 'T', content: 'C' }, { window: 'theirs' });
    expect([merged.start_time, merged.end_time]).toEqual([null, '2027-01-01T00:00:00Z']);
    const kept = mergeDraft({ ...conflict, theirs, mine }, { title: 'T', content: 'C' }, {});
    expect([kept.start_time, kept.end_time]).toEqual(['2026-12-24T09:00:00Z', null]);
  });
});
