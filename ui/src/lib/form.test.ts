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
    });
    const draft = draftFromTraining(t);
    expect(draft).toEqual({
      title: 'T',
      content: 'C',
      training_type: 'BEHAVIORAL',
      directory_id: null,
      restricted_to_channels: ['sms'],
      restricted_to_segments: ['s1'],
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
