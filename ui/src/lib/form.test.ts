import { describe, expect, it } from 'vitest';
import { training } from '../test/fixtures';
import { draftFromTraining, hasErrors, isDirty, toggleIn, validateForm } from './form';

describe('form', () => {
  it('starts from the draft text when there is one, else the published text', () => {
    const published = draftFromTraining(training({ title: 'Live title', content: 'Live body' }));
    expect(published.title).toBe('Live title');
    expect(published.content).toBe('Live body');

    const drafted = draftFromTraining(
      training({ title: 'Live title', content: 'Live body', draft_title: 'Draft title', draft_content: 'Draft body' }),
    );
    expect(drafted.title).toBe('Draft title');
    expect(drafted.content).toBe('Draft body');
  });

  it('is dirty exactly while something differs from the server', () => {
    const base = draftFromTraining(training({ restricted_to_channels: ['web', 'email'] }));
    expect(isDirty({ ...base }, base)).toBe(false);
    expect(isDirty({ ...base, title: base.title + '!' }, base)).toBe(true);
    expect(isDirty({ ...base, content: base.content + ' ' }, base)).toBe(true);
    expect(isDirty({ ...base, training_type: 'BEHAVIORAL' }, base)).toBe(true);
    expect(isDirty({ ...base, directory_id: 'dir-x' }, base)).toBe(true);
    expect(isDirty({ ...base, restricted_to_channels: ['web'] }, base)).toBe(true);
    expect(isDirty({ ...base, restricted_to_segments: ['seg'] }, base)).toBe(true);
    // Unticking and ticking again (other order) is no change.
    expect(isDirty({ ...base, restricted_to_channels: ['email', 'web'] }, base)).toBe(false);
  });

  it('compares the schedule as moments, however they are written', () => {
    const base = draftFromTraining(training({ start_time: '2026-12-24T09:00:00Z' }));
    expect(isDirty({ ...base, start_time: '2026-12-24T09:00:00.000Z' }, base)).toBe(false);
    expect(isDirty({ ...base, start_time: '2026-12-24T10:00:00+01:00' }, base)).toBe(false);
    expect(isDirty({ ...base, start_time: '2026-12-24T09:01:00.000Z' }, base)).toBe(true);
    expect(isDirty({ ...base, start_time: null }, base)).toBe(true);
    expect(isDirty({ ...base, end_time: '2027-01-01T00:00:00.000Z' }, base)).toBe(true);
  });

  it('asks for an end after the start', () => {
    const base = draftFromTraining(training());
    const same = { ...base, start_time: '2026-12-24T09:00:00Z', end_time: '2026-12-24T09:00:00.000Z' };
    expect(validateForm(same).window).toMatch(/end must come after the start/);
    expect(hasErrors(validateForm(same))).toBe(true);
    expect(validateForm({ ...same, end_time: '2026-12-24T09:01:00Z' }).window).toBeUndefined();
    expect(validateForm({ ...same, start_time: null }).window).toBeUndefined();
  });

  it('asks for a title and content before anything is sent', () => {
    const base = draftFromTraining(training());
    expect(hasErrors(validateForm(base))).toBe(false);
    const errors = validateForm({ ...base, title: '   ', content: '\n' });
    expect(errors.title).toMatch(/title/i);
    expect(errors.content).toMatch(/content/i);
    expect(hasErrors(errors)).toBe(true);
    expect(validateForm({ ...base, content: '' }).title).toBeUndefined();
  });

  it('builds the exact draft the backend saves from a training, copying its lists', () => {
    const t = training({
      title: 'T',
      content: 'C',
      type: 'BEHAVIORAL',
      directory_id: null,
      restricted_to_channels: ['sms'],
      restricted_to_segments: ['s1'],
      start_time: '2026-12-24T09:00:00Z',
    });
    const draft = draftFromTraining(t);
    expect(draft).toEqual({
      title: 'T',
      content: 'C',
      training_type: 'BEHAVIORAL',
      directory_id: null,
      restricted_to_channels: ['sms'],
      restricted_to_segments: ['s1'],
      start_time: '2026-12-24T09:00:00Z',
      end_time: null,
    });
    // Ticking in the form never changes the training it came from.
    draft.restricted_to_channels.push('web');
    expect(t.restricted_to_channels).toEqual(['sms']);
  });

  it('toggles a value in a list, keeping the others in order', () => {
    expect(toggleIn(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggleIn(['a', 'b', 'c'], 'b', false)).toEqual(['a', 'c']);
    expect(toggleIn(['a'], 'a', true)).toEqual(['a']);
  });
});
