import { describe, expect, it } from 'vitest';
import { training } from '../test/fixtures';
import { KNOWN_CHANNELS } from './bindings/vocabulary';
import { channelLabel, countTrainings, stateLabel, typeLabel } from './labels';

describe('labels', () => {
  it('names the ten channels the way the dashboard does', () => {
    expect(KNOWN_CHANNELS.map((c) => c.label)).toEqual([
      'Web chat',
      'Email',
      'Phone',
      'Slack',
      'SMS',
      'WhatsApp',
      'Instagram',
      'Messenger',
      'API',
      'Web voice',
    ]);
    expect(channelLabel('phone_voice')).toBe('Phone');
    expect(channelLabel('carrier_pigeon')).toBe('Other channel (carrier_pigeon)');
  });

  it('names the two types plainly', () => {
    expect(typeLabel('BEHAVIORAL')).toBe('Always on');
    expect(typeLabel('SCENARIO_SPECIFIC')).toBe('When asked');
  });

  it('tells live, draft and live-with-changes apart', () => {
    expect(stateLabel(training({ is_draft: false, current_version: 3 }))).toBe('Live');
    expect(stateLabel(training({ is_draft: true, current_version: null }))).toBe('Draft');
    expect(stateLabel(training({ is_draft: false, current_version: null }))).toBe('Draft');
    expect(stateLabel(training({ is_draft: true, current_version: 2 }))).toBe('Draft');
    expect(stateLabel(training({ current_version: 2, draft_title: 'New title' }))).toBe(
      'Live, with unpublished changes',
    );
  });

  it('counts in words', () => {
    expect(countTrainings(0)).toBe('0 trainings');
    expect(countTrainings(1)).toBe('1 training');
    expect(countTrainings(12)).toBe('12 trainings');
  });
});
