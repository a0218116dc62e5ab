// The indexed search against a plain scan, on generated workspaces (seeded, so a failure repeats):
// every query of random words, substrings of the texts, accents, other scripts and characters
// outside the BMP, before and after trainings are added, edited and removed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Training } from './bindings/Training';
import { training } from '../test/fixtures';
import { NO_FILTERS, byTitle, filterTrainings, matchesQuery, prepareSearch } from './filter';
import { random } from '../test/random';

// Composed and decomposed accents, letters whose lower case or NFD changes their length (İ, ß,
// the ﬁ ligature), Greek, Cyrillic, CJK, emoji (surrogate pairs), digits and punctuation.
const PIECES = (
  'refund polic gift card cur escalate ord café cafe\u0301 CAFÉ Zürich ZÜRICH naïve résumé İstanbul ' +
  'Straße STRASSE ﬁle Ωmega ωmega Москва москва 東京 配送 🎁 👍🏽 30 days, - — "quoted" x y q'
).split(' ');

function generator(seed: number) {
  const next = random(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(xs: readonly T[]) => xs[int(xs.length)] as T;
  const words = (n: number) => Array.from({ length: n }, () => pick(PIECES)).join(next() < 0.2 ? '\n' : ' ');
  let made = 0;
  const make = (): Training => {
    made += 1;
    const edited = next() < 0.2;
    return training({
      id: `t-${seed}-${made}`,
      title: words(1 + int(4)),
      content: words(int(40)),
      draft_title: edited ? words(2) : null,
      draft_content: edited ? words(int(20)) : null,
    });
  };
  /** A query: random pieces, or a stretch of some training's text, in one to three words. */
  const query = (list: readonly Training[]): string => {
    const parts = Array.from({ length: 1 + int(3) }, () => {
      const t = list.length > 0 && next() < 0.6 ? pick(list) : null;
      if (t === null) return pick(PIECES).slice(0, 1 + int(4));
      const text = `${t.draft_title ?? t.title} ${t.draft_content ?? t.content}`;
      const start = int(text.length);
      return text.slice(start, start + 1 + int(6));
    });
    return parts.join(' ');
  };
  return { make, query, int, next };
}

/** What the search must answer: every training matching on its own, in title order. */
const scanned = (list: readonly Training[], query: string) => list.filter((t) => matchesQuery(t, query)).sort(byTitle);
const ids = (list: readonly Training[]) => list.map((t) => t.id);

describe('the indexed search answers exactly as a scan', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function expectSameAnswers(list: readonly Training[], g: ReturnType<typeof generator>, queries = 60): void {
    for (let i = 0; i < queries; i++) {
      const query = g.query(list);
      expect(ids(filterTrainings(list, { ...NO_FILTERS, query })), JSON.stringify(query)).toEqual(
        ids(scanned(list, query)),
      );
    }
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`on a generated workspace while trainings arrive, change and go (seed ${seed})`, () => {
      const g = generator(seed);
      let list: Training[] = Array.from({ length: 150 }, g.make);
      prepareSearch(list);
      vi.runAllTimers();
      expectSameAnswers(list, g);
      for (let round = 0; round < 6; round++) {
        // Some removed, some replaced by an edited copy, some added (pages arriving).
        list = list
          .filter(() => g.next() > 0.1)
          .map((t) => (g.next() < 0.1 ? { ...g.make(), id: t.id } : t))
          .concat(Array.from({ length: g.int(40) }, g.make));
        const stop = prepareSearch(list);
        // Before the index has caught up, the scan answers.
        expectSameAnswers(list, g, 10);
        if (round === 2) {
          // Replaced again before it finished: the next list's preparation takes over.
          stop();
          list = [...list, g.make()];
          prepareSearch(list);
        }
        vi.runAllTimers();
        expectSameAnswers(list, g);
      }
    });
  }

  it('after the whole list is replaced by fresh copies (a new load), and when it empties', () => {
    const g = generator(9);
    const first = Array.from({ length: 80 }, g.make);
    prepareSearch(first);
    vi.runAllTimers();
    const fresh = first.map((t) => ({ ...t }));
    prepareSearch(fresh);
    vi.runAllTimers();
    expectSameAnswers(fresh, g);
    prepareSearch([]);
    vi.runAllTimers();
    expect(filterTrainings([], { ...NO_FILTERS, query: 'gift' })).toEqual([]);
  });

  it('typing a query key by key and clearing it answers as searching each afresh', () => {
    const g = generator(11);
    const list = Array.from({ length: 200 }, g.make);
    prepareSearch(list);
    vi.runAllTimers();
    for (const typed of ['refund polic', 'CAFÉ zur', 'straße', 'москв 東京', '🎁 gift']) {
      for (const query of [...Array.from(typed, (_, i) => typed.slice(0, i + 1)), '']) {
        expect(ids(filterTrainings(list, { ...NO_FILTERS, query })), query).toEqual(ids(scanned(list, query)));
      }
    }
  });
});
