import { describe, expect, it } from 'vitest';
import { inTimeZone } from '../test/time-zone';
import { fromLocalInput, isScheduled, localTimeZone, sameMoment, scheduleBadge, toLocalInput } from './schedule';

/** A small seeded generator (mulberry32), so a failing case can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Pacific/Chatham'];

describe('schedule', () => {
  it('reads a local time back exactly to the minute after storing it as UTC, in any time zone', () => {
    const next = random(20261224);
    const from = Date.UTC(1971, 0, 1);
    const to = Date.UTC(2099, 11, 31);
    for (const zone of ZONES) {
      inTimeZone(zone, () => {
        for (let i = 0; i < 2000; i++) {
          // Every minute some UTC instant shows as on this clock (those skipped when summer time
          // starts show on none, so the typed value always comes from one that exists).
          const minute = Math.floor((from + next() * (to - from)) / 60_000) * 60_000;
          const typed = toLocalInput(new Date(minute).toISOString());
          const stored = fromLocalInput(typed);
          expect(stored, `${zone} ${typed}`).toMatch(/Z$/);
          expect(toLocalInput(stored), `${zone} ${typed}`).toBe(typed);
        }
      });
    }
  });

  it('stores the local time of the zone as UTC', () => {
    inTimeZone('Europe/Berlin', () => {
      expect(fromLocalInput('2026-12-24T10:00')).toBe('2026-12-24T09:00:00.000Z');
      expect(fromLocalInput('2026-07-01T10:00')).toBe('2026-07-01T08:00:00.000Z');
      expect(toLocalInput('2026-12-24T09:00:00Z')).toBe('2026-12-24T10:00');
      expect(localTimeZone()).toBe('Europe/Berlin');
    });
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('soon')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });

  it('compares wire times as moments', () => {
    expect(sameMoment('2026-12-24T09:00:00Z', '2026-12-24T09:00:00.000Z')).toBe(true);
    expect(sameMoment('2026-12-24T09:00:00Z', null)).toBe(false);
    expect(sameMoment(null, null)).toBe(true);
  });

  it('says when a training starts, or that it ended, and nothing while it is active', () => {
    const now = new Date('2026-12-05T08:00:00Z');
    const window = (start_time: string | null, end_time: string | null) => ({ start_time, end_time });
    inTimeZone('UTC', () => {
      expect(scheduleBadge(window('2026-12-24T09:00:00Z', null), now)).toEqual({ kind: 'starts', label: 'Starts 24 Dec' });
      expect(scheduleBadge(window('2027-01-03T09:00:00Z', null), now)?.label).toBe('Starts 3 Jan 2027');
      expect(scheduleBadge(window(null, '2026-12-05T08:00:00Z'), now)).toEqual({ kind: 'ended', label: 'Ended' });
      expect(scheduleBadge(window('2026-12-01T00:00:00Z', '2026-12-05T08:00:01Z'), now)).toBeNull();
      expect(scheduleBadge(window(null, null), now)).toBeNull();
    });
    expect(isScheduled(window(null, '2027-01-01T00:00:00Z'))).toBe(true);
    expect(isScheduled(window(null, null))).toBe(false);
  });
});
