// What a drag of trainings carries: the ids as JSON under our own type (and as plain text), and
// the label the pointer shows ("Moving 3 trainings").
import { countTrainings } from './labels';

export const TRAINING_IDS_TYPE = 'application/x-training-ids';

/** "Moving 3 trainings". */
export const dragLabel = (count: number): string => `Moving ${countTrainings(count)}`;

/** Puts the ids into a drag's data. */
export function writeDraggedIds(data: DataTransfer, ids: readonly string[]): void {
  data.setData(TRAINING_IDS_TYPE, JSON.stringify(ids));
  data.setData('text/plain', ids.join('\n'));
  data.effectAllowed = 'move';
}

/** The ids a drop carries, or `null` when it is not a drag of trainings. */
export function readDraggedIds(data: DataTransfer | null): string[] | null {
  const raw = data?.getData(TRAINING_IDS_TYPE);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.every((x) => typeof x === 'string') ? parsed : null;
  } catch {
    return null;
  }
}
