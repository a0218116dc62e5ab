import { describe, expect, it } from 'vitest';
import { dataTransfer } from '../test/drag';
import { TRAINING_IDS_TYPE, dragLabel, readDraggedIds, writeDraggedIds } from './drag';


describe('drag', () => {
  it('carries the ids as JSON and plain text, and reads them back', () => {
    const data = dataTransfer();
    writeDraggedIds(data, ['a', 'b']);
    expect(data.getData(TRAINING_IDS_TYPE)).toBe('["a","b"]');
    expect(data.getData('text/plain')).toBe('a\nb');
    expect(data.effectAllowed).toBe('move');
    expect(readDraggedIds(data)).toEqual(['a', 'b']);
  });

  it('ignores drops that are not trainings', () => {
    const data = dataTransfer();
    expect(readDraggedIds(data)).toBeNull();
    data.setData(TRAINING_IDS_TYPE, 'not json');
    expect(readDraggedIds(data)).toBeNull();
    data.setData(TRAINING_IDS_TYPE, '[1,2]');
    expect(readDraggedIds(data)).toBeNull();
    expect(readDraggedIds(null)).toBeNull();
  });

  it('says how many are moving', () => {
    expect(dragLabel(1)).toBe('Moving 1 training');
    expect(dragLabel(3)).toBe('Moving 3 trainings');
  });
});
