import { describe, expect, it, vi } from 'vitest';
import { training } from '../test/fixtures';
import { trainingMenu } from './training-menu';

const labels = (ids: string[], one = training()) =>
  trainingMenu(ids, ids.length === 1 ? one : undefined, { move: vi.fn(), publish: vi.fn(), delete: vi.fn() }).map(
    (i) => i.label,
  );

describe('the training menu', () => {
  it('offers publishing only where there is something to publish, unpublishing only what is live', () => {
    expect(labels(['t'])).toEqual(['Move to…', 'Unpublish', 'Delete']);
    expect(labels(['t'], training({ draft_content: 'New text' }))).toEqual(['Move to…', 'Publish', 'Unpublish', 'Delete']);
    expect(labels(['t'], training({ is_draft: true, current_version: null, published_at: null }))).toEqual([
      'Move to…',
      'Publish',
      'Delete',
    ]);
    expect(labels(['a', 'b'])).toEqual(['Move to…', 'Publish', 'Unpublish', 'Delete']);
  });

  it('runs each command on every id it stands for', () => {
    const act = { move: vi.fn(), publish: vi.fn(), delete: vi.fn() };
    for (const item of trainingMenu(['a', 'b'], undefined, act)) item.run();
    expect(act.move).toHaveBeenCalledWith(['a', 'b']);
    expect(act.publish.mock.calls).toEqual([
      [['a', 'b'], true],
      [['a', 'b'], false],
    ]);
    expect(act.delete).toHaveBeenCalledWith(['a', 'b']);
  });
});
