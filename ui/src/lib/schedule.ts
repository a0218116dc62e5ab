// A training's schedule (`start_time`/`end_time`, UTC on the wire): the editor's `datetime-local`
// inputs read and write it in this computer's time zone, the list and the editor's header show
// "Starts 24 Dec" or "Ended", and the list's "Scheduled" filter keeps trainings that have one.
// A training is active from its start (included) until its end (excluded); a missing bound is
// open — the reading of the reach engine in Rust. The words come from the Rust vocabulary.
import type { Training } from './bindings/Training';
import { SCHEDULE_WORDS } from './bindings/vocabulary';

/** The instant of a wire time, to the millisecond; `null` for none. */
function instant(value: string | null): number | null {
  return value === null ? null : Date.parse(value);
}

/** Whether two wire times are the same moment ("…:00Z" and "…:00.000Z" are). */
export function sameMoment(a: string | null, b: string | null): boolean {
  return instant(a) === instant(b);
}

const two = (n: number): string => String(n).padStart(2, '0');

/** A wire time as a `datetime-local` value on this computer's clock ("2026-12-24T10:00"); "" for none. */
export function toLocalInput(value: string | null): string {
  if (value === null) return '';
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return '';
  return (
    `${String(at.getFullYear()).padStart(4, '0')}-${two(at.getMonth() + 1)}-${two(at.getDate())}` +
    `T${two(at.getHours())}:${two(at.getMinutes())}`
  );
}

const LOCAL_INPUT = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * A `datetime-local` value, read on this computer's clock, as a UTC wire time
 * ("2026-12-24T09:00:00.000Z"); `null` for an empty or unreadable value. A time that does not
 * exist on the clock (skipped when summer time starts) moves on by the skipped hour, as the
 * clock does.
 */
export function fromLocalInput(value: string): string | null {
  const parts = LOCAL_INPUT.exec(value.trim());
  if (parts === null) return null;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = parts.slice(1).map((p) => Number(p ?? 0));
  const at = new Date(year, month - 1, day, hour, minute, second);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** This computer's time zone, as people know it ("Europe/Berlin"), for the inputs' label. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your computer’s time zone';
}

/** The State filter's choice that keeps trainings with a start or an end. */
export const SCHEDULED_FILTER_LABEL = 'Scheduled';

/** Whether the training has a start or an end. */
export function isScheduled(t: Pick<Training, 'start_time' | 'end_time'>): boolean {
  return t.start_time !== null || t.end_time !== null;
}

/** What the list's and the header's badge says about the schedule at `now`. */
export type ScheduleBadge = { kind: 'starts'; label: string } | { kind: 'ended'; label: string };

/** "Starts 24 Dec" before the start (the year too when it is not this one), "Ended" once the end
 *  has passed; `null` while it is active or when it has no schedule. */
export function scheduleBadge(
  t: Pick<Training, 'start_time' | 'end_time'>,
  now: Date = new Date(),
): ScheduleBadge | null {
  const start = instant(t.start_time);
  const end = instant(t.end_time);
  if (end !== null && now.getTime() >= end) return { kind: 'ended', label: SCHEDULE_WORDS.ended };
  if (start !== null && now.getTime() < start) {
    const at = new Date(start);
    const day = at.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      year: at.getFullYear() === now.getFullYear() ? undefined : 'numeric',
    });
    return { kind: 'starts', label: `${SCHEDULE_WORDS.starts} ${day}` };
  }
  return null;
}
