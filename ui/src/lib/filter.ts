// Local search and filters over the workspace's trainings, merged with the server's matches.
import type { Training } from './bindings/Training';
import { isLive, shownContent, shownTitle } from './labels';
import { isScheduled } from './schedule';
import { SearchIndex } from './search-index';

/** Which directory the list shows: everything, the trainings outside any directory, or one. */
export type DirectoryFilter = { kind: 'all' } | { kind: 'none' } | { kind: 'dir'; id: string };
export type TypeFilter = 'all' | 'BEHAVIORAL' | 'SCENARIO_SPECIFIC';
/** `scheduled`: trainings with a start or an end, whatever their state. */
export type StateFilter = 'all' | 'live' | 'draft' | 'scheduled';

export interface ListFilters {
  query: string;
  type: TypeFilter;
  state: StateFilter;
  directory: DirectoryFilter;
  /** "Needs attention": only these trainings (the check-up's), or `null` for every training. */
  needsAttention: ReadonlySet<string> | null;
}

/** How long typing must pause before the server's search is asked too. */
export const SEARCH_DELAY_MS = 300;

export const NO_FILTERS: ListFilters = {
  query: '',
  type: 'all',
  state: 'all',
  directory: { kind: 'all' },
  needsAttention: null,
};

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

/** Which trainings' texts hold each character and pair of characters (see search-index.ts). */
const index = new SearchIndex<Training>(haystack);

/** How long one slice of preparing the search may hold the page, in milliseconds. */
const PREPARE_SLICE_MS = 4;

/**
 * Readies the search for a new list of trainings before anyone types, a few milliseconds at a
 * time between the page's other work (a key press waits for one slice at most). First it
 * normalises each training's title and content (over 10,000 trainings that took a third of a
 * second), so that a scan is already quick; then it brings the index up to date, dropping the
 * trainings the list no longer holds (gone, or replaced by an edited copy) and adding the new
 * ones. Until the index holds the list the search scans the texts instead. Returns the function
 * that stops it (the list was replaced); `onReady` runs once the index answers for `trainings`.
 */
export function prepareSearch(trainings: readonly Training[], onReady?: () => void): () => void {
  let normalised = 0;
  let stale: Training[] | null = null;
  let added = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const until = performance.now() + PREPARE_SLICE_MS;
    const inTime = () => performance.now() < until;
    while (normalised < trainings.length && inTime()) haystack(trainings[normalised++] as Training);
    if (normalised === trainings.length && stale === null && inTime()) {
      stale = index.itemsOutside(new Set(trainings));
      // Most of the list replaced (a fresh load): starting again is no slower.
      if (stale.length > index.size / 2) {
        index.clear();
        stale = [];
      }
      index.reserve(trainings.length);
    }
    while (stale !== null && stale.length > 0 && inTime()) index.remove(stale.pop() as Training);
    while (stale?.length === 0 && added < trainings.length && inTime()) index.add(trainings[added++] as Training);
    if (stale?.length !== 0 || added < trainings.length) timer = setTimeout(slice, 0);
    else if (index.markReady(trainings, sortedByTitle(trainings))) onReady?.();
  };
  timer = setTimeout(slice, 0);
  return () => clearTimeout(timer);
}

/** Bytes the search index holds (its bitsets), for the search benchmark. */
export function searchIndexBytes(): number {
  return index.bytes();
}

/** The normalised words of a query; none for a blank one. */
function queryWords(query: string): string[] {
  return normalise(query).split(/\s+/).filter(Boolean);
}

function matchesWords(t: Training, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = haystack(t);
  return words.every((w) => text.includes(w));
}

/** True when every word of the query appears in the title or the content. */
export function matchesQuery(t: Training, query: string): boolean {
  return matchesWords(t, queryWords(query));
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
 * or the server found it (`serverMatches`, ids for the current query); the type, state,
 * directory and "Needs attention" filters apply to both.
 */
export function filterTrainings(
  trainings: readonly Training[],
  filters: ListFilters,
  serverMatches: ReadonlySet<string> = new Set(),
): Training[] {
  const all = sortedByTitle(trainings);
  const local = localMatches(trainings, all, queryWords(filters.query));
  const found = serverMatches.size === 0 ? local : withServerMatches(all, local, serverMatches);
  return found.filter(
    (t) =>
      inDirectory(t, filters.directory) &&
      (filters.type === 'all' || t.type === filters.type) &&
      matchesState(t, filters.state) &&
      (filters.needsAttention === null || filters.needsAttention.has(t.id)),
  );
}

function matchesState(t: Training, state: StateFilter): boolean {
  switch (state) {
    case 'all':
      return true;
    case 'scheduled':
      return isScheduled(t);
    case 'live':
    case 'draft':
      return (state === 'live') === isLive(t);
  }
}

// The workspace's list is replaced, never mutated: it is sorted once, and every keystroke
// filters the sorted copy (which keeps its order) instead of sorting what matched.
const sorted = new WeakMap<readonly Training[], readonly Training[]>();

function sortedByTitle(trainings: readonly Training[]): readonly Training[] {
  let list = sorted.get(trainings);
  if (list === undefined) {
    list = [...trainings].sort(byTitle);
    sorted.set(trainings, list);
  }
  return list;
}

/** The last local search in each list: its words and the trainings (sorted) that matched. */
const lastSearch = new WeakMap<readonly Training[], { words: readonly string[]; found: readonly Training[] }>();

/**
 * The trainings (in title order) whose text holds every word. Once the index holds the list, it
 * answers; until then the texts are scanned, and a keystroke that only refines the last search
 * (each earlier word is inside one of the new ones, as when typing on) can only match fewer, so
 * it scans what the last one found instead of the whole list.
 */
function localMatches(
  trainings: readonly Training[],
  all: readonly Training[],
  words: readonly string[],
): readonly Training[] {
  if (words.length === 0) {
    lastSearch.delete(trainings);
    return all;
  }
  const indexed = index.search(trainings, words);
  if (indexed !== null) return indexed;
  const last = lastSearch.get(trainings);
  const refines = last !== undefined && last.words.every((w) => words.some((n) => n.includes(w)));
  const found = (refines ? last.found : all).filter((t) => matchesWords(t, words));
  lastSearch.set(trainings, { words, found });
  return found;
}

/** The local matches and the server's, in title order. */
function withServerMatches(
  all: readonly Training[],
  local: readonly Training[],
  serverMatches: ReadonlySet<string>,
): readonly Training[] {
  const mine = new Set(local);
  return all.filter((t) => mine.has(t) || serverMatches.has(t.id));
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
  return (
    filters.query.trim() !== '' || filters.type !== 'all' || filters.state !== 'all' || filters.needsAttention !== null
  );
}
