// Local search over 10,000 trainings, keystroke by keystroke: the app's filterTrainings (each
// training's normalised title and content computed once and cached, the list sorted once, and
// the search index built ahead by prepareSearch, as the app does after a load) against a naive
// baseline in the same run that normalises every training and sorts the matches on every
// keystroke. Prints the index's size first. Run: npm run bench:search (medians: bench/medians.mjs).
import { bench, describe } from 'vitest';
import type { Training } from '../src/lib/bindings/Training';
import {
  NO_FILTERS,
  byTitle,
  filterTrainings,
  inDirectory,
  normalise,
  prepareSearch,
  searchIndexBytes,
  type ListFilters,
} from '../src/lib/filter';
import { isLive, shownContent, shownTitle } from '../src/lib/labels';
import { workspace } from './workspace';

const TRAININGS = workspace(10_000);

/** The same rules as filterTrainings, with no cache: every keystroke normalises every text. */
function naiveFilter(trainings: readonly Training[], filters: ListFilters): Training[] {
  const words = normalise(filters.query).split(/\s+/).filter(Boolean);
  return trainings
    .filter(
      (t) =>
        inDirectory(t, filters.directory) &&
        (filters.type === 'all' || t.type === filters.type) &&
        (filters.state === 'all' || (filters.state === 'live') === isLive(t)) &&
        words.every((w) => normalise(`${shownTitle(t)}\n${shownContent(t)}`).includes(w)),
    )
    .sort(byTitle);
}

const TYPED = 'refund polic';
/** What the search box holds after each keystroke while typing TYPED. */
const KEYSTROKES = Array.from(TYPED, (_, i) => TYPED.slice(0, i + 1));

/** Enough runs for a stable median even when the naive one takes seconds. */
const OPTIONS = { iterations: 20, time: 1_000, warmupIterations: 2 };

// The caches fill and the index is built after a load; the benchmark measures the keystrokes after.
filterTrainings(TRAININGS, NO_FILTERS);
await new Promise<void>((ready) => prepareSearch(TRAININGS, ready));
console.log(`search index over ${TRAININGS.length} trainings: ${(searchIndexBytes() / 1024).toFixed(0)} KiB`);

describe(`10,000 trainings, typing "${TYPED}" (${KEYSTROKES.length} keystrokes)`, () => {
  bench(
    'filterTrainings (index)',
    () => {
      for (const query of KEYSTROKES) filterTrainings(TRAININGS, { ...NO_FILTERS, query });
    },
    OPTIONS,
  );
  bench(
    'naive (normalise on every keystroke)',
    () => {
      for (const query of KEYSTROKES) naiveFilter(TRAININGS, { ...NO_FILTERS, query });
    },
    OPTIONS,
  );
});

// A keystroke that cannot build on the last search (the first one, a paste, a changed word)
// searches the whole list: the box is cleared first, which costs one pass with no words.
for (const query of ['r', 'refund pol']) {
  describe(`10,000 trainings, "${query}" searched afresh (1 keystroke)`, () => {
    bench(
      'filterTrainings (index)',
      () => {
        filterTrainings(TRAININGS, NO_FILTERS);
        filterTrainings(TRAININGS, { ...NO_FILTERS, query });
      },
      OPTIONS,
    );
    bench(
      'naive (normalise on every keystroke)',
      () => {
        naiveFilter(TRAININGS, { ...NO_FILTERS, query });
      },
      OPTIONS,
    );
  });
}
