import { describe, expect, it } from 'vitest';
import { training } from '../test/fixtures';
import { markFrom, markedMessage } from './field-mark';
import type { FormField } from './bindings/FormField';
import type { TrainingDraft } from './bindings/TrainingDraft';
import { draftFromTraining } from './form';
import { IpcError } from './ipc';

const SENTENCE = 'open.cx does not accept the channel “WhatsApp”. Untick it, then save again.';
const sent = draftFromTraining(training({ restricted_to_channels: ['web', 'whatsapp'] }));

describe('field marks', () => {
  it('marks the refused field until the person changes it', () => {
    const mark = markFrom(new IpcError('validation', SENTENCE, 'channels'), sent);
    expect(markedMessage(mark, sent, 'channels')).toBe(SENTENCE);
    // Ticking the same channels in another order is no change.
    expect(markedMessage(mark, { ...sent, restricted_to_channels: ['whatsapp', 'web'] }, 'channels')).toBe(SENTENCE);
    // Other fields are not marked, and changing them keeps the mark.
    expect(markedMessage(mark, sent, 'title')).toBeUndefined();
    expect(markedMessage(mark, { ...sent, title: 'Other' }, 'channels')).toBe(SENTENCE);
    expect(markedMessage(mark, { ...sent, restricted_to_channels: ['web'] }, 'channels')).toBeUndefined();
  });

  it('follows each field to its part of the form', () => {
    const cases: [FormField, Partial<TrainingDraft>][] = [
      ['title', { title: 'x' }],
      ['content', { content: 'x' }],
      ['type', { training_type: 'BEHAVIORAL' }],
      ['directory', { directory_id: 'dir-other' }],
      ['segments', { restricted_to_segments: ['seg-x'] }],
      ['window', { start_time: '2026-12-24T09:00:00.000Z' }],
      ['window', { end_time: '2027-01-01T00:00:00.000Z' }],
    ];
    for (const [field, change] of cases) {
      const mark = markFrom(new IpcError('validation', 'Refused.', field), sent);
      expect(markedMessage(mark, sent, field), field).toBe('Refused.');
      expect(markedMessage(mark, { ...sent, ...change }, field), field).toBeUndefined();
    }
  });

  it('makes no mark for an error about no field', () => {
    expect(markFrom(new IpcError('validation', 'Refused.'), sent)).toBeNull();
    expect(markedMessage(null, sent, 'channels')).toBeUndefined();
  });

  it('keeps the schedule marked while both bounds are the same moment as sent', () => {
    const scheduled = { ...sent, start_time: '2026-12-24T09:00:00Z' };
    const mark = markFrom(new IpcError('validation', 'Refused.', 'window'), scheduled);
    // The same moment written the way the inputs write it is no change.
    expect(markedMessage(mark, { ...scheduled, start_time: '2026-12-24T09:00:00.000Z' }, 'window')).toBe('Refused.');
    expect(markedMessage(mark, { ...scheduled, start_time: null }, 'window')).toBeUndefined();
  });
});
