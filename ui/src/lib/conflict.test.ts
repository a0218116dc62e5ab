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
    });
  });
});
