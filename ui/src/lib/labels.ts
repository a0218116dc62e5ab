// Plain-language names for the API's codes: channels, training types and publication state.
import type { Channel } from './bindings/Channel';
import type { Training } from './bindings/Training';
import type { TrainingType } from './bindings/TrainingType';

/** The ten channels open.cx knows, in the dashboard's order, with the labels people see there. */
export const KNOWN_CHANNELS: readonly { value: Channel; label: string }[] = [
  { value: 'web', label: 'Web chat' },
  { value: 'email', label: 'Email' },
  { value: 'phone_voice', label: 'Phone' },
  { value: 'slack', label: 'Slack' },
  { value: 'sms', label: 'SMS' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'instagram', label: 'Instagram' },
  { value: 'messenger', label: 'Messenger' },
  { value: 'api', label: 'API' },
  { value: 'web_voice', label: 'Web voice' },
];

export function isKnownChannel(channel: Channel): boolean {
  return KNOWN_CHANNELS.some((c) => c.value === channel);
}

/** The label of a channel; a channel this app does not know keeps its own code, said plainly. */
export function channelLabel(channel: Channel): string {
  return KNOWN_CHANNELS.find((c) => c.value === channel)?.label ?? `Other channel (${channel})`;
}

export interface TypeInfo {
  value: TrainingType;
  label: string;
  explanation: string;
}

/** The two kinds of training, "When asked" first (it is the default). */
export const TRAINING_TYPES: readonly TypeInfo[] = [
  {
    value: 'SCENARIO_SPECIFIC',
    label: 'When asked',
    explanation: "Used when a customer's question matches this scenario.",
  },
  {
    value: 'BEHAVIORAL',
    label: 'Always on',
    explanation: 'Applies to every conversation: tone, guardrails.',
  },
];

export function typeLabel(type: TrainingType): string {
  return type === 'BEHAVIORAL' ? 'Always on' : 'When asked';
}

export const shownTitle = (t: Training): string => t.draft_title ?? t.title;
export const shownContent = (t: Training): string => t.draft_content ?? t.content;
export const isLive = (t: Training): boolean => !t.is_draft && t.current_version !== null;
export const hasUnpublishedChanges = (t: Training): boolean =>
  t.draft_title !== null || t.draft_content !== null;

/** "Live", "Draft" or "Live, with unpublished changes". */
export function stateLabel(t: Training): string {
  if (!isLive(t)) return 'Draft';
  return hasUnpublishedChanges(t) ? 'Live, with unpublished changes' : 'Live';
}

/** How a segment id the workspace does not list is shown: never hidden, never dropped. */
export function unknownSegmentLabel(id: string): string {
  return `Unknown segment (${id.slice(0, 8)}…)`;
}

/** "1 training", "3 trainings". */
export function countTrainings(n: number): string {
  return n === 1 ? '1 training' : `${n} trainings`;
}
