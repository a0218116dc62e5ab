// Local search and filters over the workspace's trainings, merged with the server's matches.
import type { Training } from './bindings/Training';
import { isLive, shownContent, shownTitle } from './labels';

/** Which directory the list shows: everything, the trainings outside any directory, or one. */
export type DirectoryFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'dir'; id: string };
export type TypeFilter = 'all' | 'BEHAVIORAL' | 'SCENARIO_SPECIFIC';
export type StateFilter = 'all' | 'live' | 'draft';

export interface ListFilters {
  query: string;
  type: TypeFilter;
  state: StateFilter;
  directory: DirectoryFilter;
}

/** How long typing must pause before the server's search is asked too. */
export const SEARCH_DELAY_MS = 300;

export const NO_FILTERS: ListFilters = { query: '', type: 'all', state: 'all', directory: { kind: 'all' } };

/** Case- and accent-insensitive form of a text for matching. */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

// Trainings are replaced, never mutated, so a normalised text per object stays right.
const haystacks = new WeakMap<Training, string>();

function haystack(t: Training): string {
  let text = haystacks.get(t);
  if (text === undefined) {
    text = normalise(`${shownTitle(t)}\n${shownContent(t)}`);
    haystacks.set(t, text);
  }
  return text;
}

/** True when every word of the query appears in the title or the content. */
export function matchesQuery(t: Training, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(t);
  return words.every((w) => text.includes(w));
}

export function inDirectory(t: Training, directory: DirectoryFilter): boolean {
  switch (directory.kind) {
    case 'all':
      return true;
    case 'none':
      return t.directory_id === null;
    case 'dir':
      return t.directory_id === directory.id;
  }
}

/**
 * The trainings to list, in title order. A training matches the search when it matches locally
 * or the server found it (`serverMatches`, ids for the current query); the type, state and
 * directory filters apply to both.
 */
export function filterTrainings(
  trainings: readonly Training[],
  filters: ListFilters,
  serverMatches: ReadonlySet<string> = new Set(),
): Training[] {
  return trainings
    .filter(
      (t) =>
        inDirectory(t, filters.directory) &&
        (filters.type === 'all' || t.type === filters.type) &&
        (filters.state === 'all' || (filters.state === 'live') === isLive(t)) &&
        (matchesQuery(t, filters.query) || serverMatches.has(t.id)),
    )
    .sort(byTitle);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function byTitle(a: Training, b: Training): number {
  return collator.compare(shownTitle(a), shownTitle(b)) || a.id.localeCompare(b.id);
}

/** How many trainings each directory holds; `null` counts those outside any directory. */
export function countByDirectory(trainings: readonly Training[]): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const t of trainings) counts.set(t.directory_id, (counts.get(t.directory_id) ?? 0) + 1);
  return counts;
}

export function hasActiveFilters(filters: ListFilters): boolean {
  return filters.query.trim() !== '' || filters.type !== 'all' || filters.state !== 'all';
}
