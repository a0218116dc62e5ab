import { describe, expect, it } from 'vitest';
import { dayOf, momentOf } from './days';

describe('days', () => {
  const now = new Date(2026, 11, 5, 9, 30);

  it('writes a day as a date field holds it, on the local clock', () => {
    expect(dayOf(now)).toBe('2026-12-05');
    expect(dayOf(new Date(2027, 0, 9))).toBe('2027-01-09');
  });

  it('asks about now for today, and about noon for another day', () => {
    expect(momentOf('2026-12-05', now)).toBe(now);
    expect(momentOf('2026-12-24', now)).toEqual(new Date(2026, 11, 24, 12, 0, 0));
    expect(momentOf('', now)).toBe(now);
  });
});
