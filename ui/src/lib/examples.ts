// Example questions in words, and the checks a review runs. A question belongs to one training;
// its check says the question uses that training, or does not use another one (see Rust's
// `studio::examples`, which runs them with the reach engine). The review runs the checks an edit
// touches beside its own review; a check that cannot run never stops the review or the save.
import type { CheckRun } from './bindings/CheckRun';
import type { Channel } from './bindings/Channel';
import type { ExampleCheck } from './bindings/ExampleCheck';
import type { ExampleQuestion } from './bindings/ExampleQuestion';
import type { Segment } from './bindings/Segment';
import type { TrainingDraft } from './bindings/TrainingDraft';
import { unknownSegmentLabel } from './bindings/vocabulary';
import { runExampleChecks, toIpcError } from './ipc';
import { channelLabel } from './labels';

/** How many likely matches a check counts as "used" (Rust's `LIKELY_TOP`). */
export const LIKELY_TOP = 3;

/** A question asked by no segment in particular. */
export const ANY_CUSTOMER = 'Any customer';

/** The check kinds, as the form offers them. */
export const CHECK_KINDS: readonly { value: ExampleCheck['kind']; label: string; explanation: string }[] = [
  {
    value: 'uses_this_training',
    label: 'Uses this training',
    explanation: `This training is always on there, or among the top ${LIKELY_TOP} likely matches.`,
  },
  {
    value: 'does_not_use',
    label: 'Does not use another training',
    explanation: `That training is left out, or not among the top ${LIKELY_TOP} likely matches.`,
  },
];

/** The check in words, naming the other training by `titleOf`. */
export function checkLabel(check: ExampleCheck, titleOf: (id: string) => string): string {
  return check.kind === 'uses_this_training' ? 'Uses this training' : `Does not use “${titleOf(check.training_id)}”`;
}

/** Where and by whom the question is asked: "Web chat · Any customer". */
export function askedLabel(question: Pick<ExampleQuestion, 'channel' | 'segment_ids'>, segments: Segment[]): string {
  const who =
    question.segment_ids.length === 0
      ? ANY_CUSTOMER
      : question.segment_ids.map((id) => segments.find((s) => s.id === id)?.name ?? unknownSegmentLabel(id)).join(', ');
  return `${channelLabel(question.channel)} · ${who}`;
}

/** A new question of training `trainingId`, as the form starts it. */
export function newQuestion(trainingId: string): ExampleQuestion {
  const web: Channel = 'web';
  return { id: '', training_id: trainingId, question: '', channel: web, segment_ids: [], check: { kind: 'uses_this_training' } };
}

/** What the review shows of the example questions: the run, or why it could not run. */
export type ReviewChecks = { run: CheckRun; error: null } | { run: null; error: string };

/** The checks an unsaved edit of training `id` touches, before and after it; never rejects. */
export async function checksOfEdit(id: string, draft: TrainingDraft): Promise<ReviewChecks> {
  try {
    return { run: await runExampleChecks({ id, draft }), error: null };
  } catch (raw) {
    return { run: null, error: toIpcError(raw).message };
  }
}

/** Whether the review has anything to say about example questions (none kept: nothing). */
export function reviewHasChecks(checks: ReviewChecks | null): checks is ReviewChecks {
  if (checks === null) return false;
  return checks.run === null || checks.run.results.length > 0 || checks.run.changes.length > 0;
}
