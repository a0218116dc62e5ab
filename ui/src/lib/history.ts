// The local history of saves as the History panel tells it: how many are kept, what each
// version was, and when.
import type { HistorySummary } from './bindings/HistorySummary';

/** Versions kept per training (the backend's HISTORY_LIMIT). */
export const HISTORY_LIMIT = 200;

export const HISTORY_POLICY = `The last ${HISTORY_LIMIT} saves are kept on this computer.`;

/** "Published" or "Draft saved". */
export const versionKind = (v: Pick<HistorySummary, 'publish'>): string => (v.publish ? 'Published' : 'Draft saved');

/** "Mar 1, 10:04:05" in the person's locale: to the second, so two saves in a minute differ. */
export const versionTime = (iso: string): string =>
  new Date(iso).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** "open.cx version 3", or "not published on open.cx" before a first publish. */
export const openCxVersion = (v: Pick<HistorySummary, 'open_cx_version'>): string =>
  v.open_cx_version === null ? 'not published on open.cx' : `open.cx version ${v.open_cx_version}`;

/** "Published · Mar 1, 10:04:05 · open.cx version 3". */
export const versionLabel = (v: HistorySummary): string =>
  `${versionKind(v)} · ${versionTime(v.saved_at)} · ${openCxVersion(v)}`;
