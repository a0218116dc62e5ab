// The context menu of a training in the list (right click, Shift+F10, the Menu key): Move to…,
// Publish when there is something to publish, Unpublish when it is live, Delete. With several
// trainings selected it acts on all of them, and offers each command.
import type { Training } from './bindings/Training';
import { isLive } from './labels';
import type { MenuItem } from './menu';

export interface TrainingMenuActions {
  move: (ids: string[]) => void;
  publish: (ids: string[], published: boolean) => void;
  delete: (ids: string[]) => void;
}

/** The commands for `ids`; `one` is the training when it is a single one. */
export function trainingMenu(ids: string[], one: Training | undefined, act: TrainingMenuActions): MenuItem[] {
  const items: MenuItem[] = [{ label: 'Move to…', run: () => act.move(ids) }];
  if (!one || !isLive(one) || one.draft_title !== null || one.draft_content !== null) {
    items.push({ label: 'Publish', run: () => act.publish(ids, true) });
  }
  if (!one || isLive(one)) items.push({ label: 'Unpublish', run: () => act.publish(ids, false) });
  items.push({ label: 'Delete', run: () => act.delete(ids), danger: true });
  return items;
}
