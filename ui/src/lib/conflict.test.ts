import { describe, expect, it } from 'vitest';
import type { Conflict } from './bindings/Conflict';
import { DIRECTORIES, SEGMENTS, training } from '../test/fixtures';
import { conflictRows, fieldsToChoose, mergeDraft } from './conflict';

const base = training({ title: 'Refunds', content: 'Within 30 days.', directory_id: 'dir-billing' });
const EMPTY_REVIEW = { changes: [], content_diff: [], preview_html: '', publish: false, lead: '', out_of_use: null };

function conflict(overrides: Partial<Conflict> = {}): Conflict {
  return {
    training_id: base.id,
    base,
    theirs: { ...base, draft_title: 'Refunds (theirs)', restricted_to_channels: ['email'], updated_at: '2025-02-01T00:00:00Z' },
    mine: {
      title: 'Refunds (mine)',
      content: 'Within 60 days.',
      training_type: 'BEHAVIORAL',
      directory_id: 'dir-billing',
      restricted_to_channels: [],
      restricted_to_segments: ['seg-vip-0001'],
    },
    publish: false,
    rows: [],
    theirs_changes: EMPTY_REVIEW,
    mine_changes: EMPTY_REVIEW,
    ...overrides,
  };
}

const names = { directories: DIRECTORIES, segments: SEGMENTS };

describe('conflict', () => {
  it('shows base, theirs and yours in words, and marks where theirs and yours differ', () => {
    const rows = conflictRows(conflict(), names);
    expect(rows.map((r) => [r.label, r.base, r.theirs, r.mine, r.differs])).toEqual([
      ['Title', 'Refunds', 'Refunds (theirs)', 'Refunds (mine)', true],
      ['Type', 'When asked', 'When asked', 'Always on', true],
      ['Directory', 'Billing', 'Billing', 'Billing', false],
      ['Channels', 'All channels', 'Email', 'All channels', true],
      ['Segments', 'All customers', 'All customers', 'VIP customers', true],
      ['State', 'Live', 'Live, with unpublished changes', 'Live, with unpublished changes', false],
    ]);
  });

  it('says a publish makes it live', () => {
    const state = conflictRows(conflict({ publish: true }), names).find((r) => r.field === 'state');
    expect(state?.mine).toBe('Live');
  });

  it('asks to choose only the settings where the two sides differ', () => {
    expect(fieldsToChoose(conflict())).toEqual(['training_type', 'restricted_to_channels', 'restricted_to_segments']);
  });

  it('merges the typed text with each setting from the chosen side', () => {
    const merged = mergeDraft(conflict(), { title: 'Refunds', content: 'Within 45 days.' }, { restricted_to_channels: 'theirs', training_type: 'mine' });
    expect(merged).toEqual({
      title: 'Refunds',
      content: 'Within 45 days.',
      training_type: 'BEHAVIORAL',
      directory_id: 'dir-billing',
      restricted_to_channels: ['email'],
      restricted_to_segments: ['seg-vip-0001'],
    });
  });
});
