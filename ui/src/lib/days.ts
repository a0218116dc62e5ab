// Days as a date field holds them ("2026-12-05", on this computer's clock), and the moment a
// question about a day is asked for.

/** The day of `date` as a date field holds it. */
export function dayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The moment asked about on `day`: `now` when it is today (or not a day), else noon that day. */
export function momentOf(day: string, now: Date): Date {
  if (day === dayOf(now)) return now;
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return now;
  return new Date(y, m - 1, d, 12, 0, 0);
}

/** The computer's clock. */
export const clock = (): Date => new Date();
