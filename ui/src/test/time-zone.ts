// Runs code on another clock: Node reads the time zone from TZ again each time it is set, so a
// test can say what "this computer's time zone" is.
import { vi } from 'vitest';

/** Sets this process's time zone until `vi.unstubAllEnvs()`. */
export function useTimeZone(zone: string): void {
  vi.stubEnv('TZ', zone);
}

/** Runs `body` with this process's clock in `zone`, then puts the clock back. */
export function inTimeZone(zone: string, body: () => void): void {
  useTimeZone(zone);
  try {
    body();
  } finally {
    vi.unstubAllEnvs();
  }
}
