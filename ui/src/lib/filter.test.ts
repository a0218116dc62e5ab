import { afterEach, describe, expect, it, vi } from 'vitest';
import { TRAININGS, training } from '../test/fixtures';
import { NO_FILTERS, countByDirectory, filterTrainings, hasActiveFilters, matchesQuery, prepareSearch } from './filter';

const titles = (list: { title: string; draft_title: string | null }[]) => list.map((t) => t.draft_title ?? t.title);

describe('filter', () => {
  it('matches every word in the title or the content, ignoring case and accents', () => {
    const t = training({ title: 'Café hours', content: 'We open at nine.' });
    expect(matchesQuery(t, 'cafe')).toBe(true);
    expect(matchesQuery(t, 'HOURS nine')).toBe(true);
    expect(matchesQuery(t, 'hours midnight')).toBe(false);
    expect(matchesQuery(t, '   ')).toBe(true);
  });

  it('searches the text being edited (drafts), not only the published one', () => {
    const t = training({ title: 'Old', content: 'old', draft_content: 'brand new wording' });
    expect(matchesQuery(t, 'brand new')).toBe(true);
  });

  it('lists by title and applies type, state and directory filters', () => {
    expect(titles(filterTrainings(TRAININGS, NO_FILTERS))).toEqual([
      'Friendly tone',
      'Invoice questions',
      'Refund policy',
      'Shipping times',
    ]);
    expect(titles(filterTrainings(TRAININGS, { ...NO_FILTERS, type: 'BEHAVIORAL' }))).toEqual(['Friendly tone']);
    expect(titles(filterTrainings(TRAININGS, { ...NO_FILTERS, state: 'draft' }))).toEqual(['Invoice questions']);
    expect(filterTrainings(TRAININGS, { ...NO_FILTERS, state: 'scheduled' })).toEqual([]);
    const scheduled = [
      ...TRAININGS,
      training({ id: 't-xmas', title: 'Christmas hours', is_draft: true, start_time: '2026-12-24T09:00:00Z' }),
      training({ id: 't-sale', title: 'Summer sale', end_time: '2026-09-01T00:00:00Z' }),
    ];
    expect(titles(filterTrainings(scheduled, { ...NO_FILTERS, state: 'scheduled' }))).toEqual([
      'Christmas hours',
      'Summer sale',
    ]);
    expect(titles(filterTrainings(TRAININGS, { ...NO_FILTERS, state: 'live' }))).toEqual([
      'Friendly tone',
      'Refund policy',
      'Shipping times',
    ]);
    expect(
      titles(filterTrainings(TRAININGS, { ...NO_FILTERS, directory: { kind: 'dir', id: 'dir-billing' } })),
    ).toEqual(['Invoice questions', 'Refund policy']);
    expect(titles(filterTrainings(TRAININGS, { ...NO_FILTERS, directory: { kind: 'none' } }))).toEqual([
      'Shipping times',
    ]);
  });

  it('adds what the server found for the query, still within the filters', () => {
    const query = { ...NO_FILTERS, query: 'portal' };
    expect(titles(filterTrainings(TRAININGS, query))).toEqual(['Invoice questions']);
    const server = new Set(['t-shipping', 't-tone']);
    expect(titles(filterTrainings(TRAININGS, query, server))).toEqual([
      'Friendly tone',
      'Invoice questions',
      'Shipping times',
    ]);
    expect(titles(filterTrainings(TRAININGS, { ...query, type: 'SCENARIO_SPECIFIC' }, server))).toEqual([
      'Invoice questions',
      'Shipping times',
    ]);
  });

  it('sorts each new list of trainings afresh (a list is replaced, never changed)', () => {
    expect(titles(filterTrainings(TRAININGS, NO_FILTERS))[0]).toBe('Friendly tone');
    const more = [...TRAININGS, training({ id: 't-about', title: 'About us' })];
    expect(titles(filterTrainings(more, NO_FILTERS))).toEqual([
      'About us',
      'Friendly tone',
      'Invoice questions',
      'Refund policy',
      'Shipping times',
    ]);
    expect(titles(filterTrainings(TRAININGS, NO_FILTERS))).toHaveLength(4);
  });

  it('answers the same while typing on, backspacing or changing words as searching afresh', () => {
    const list = [...TRAININGS];
    for (const query of ['r', 're', 'ref', 'refund', 'refund 30', 'refund 3', 'refund', 'po', 'portal', '', 'tone', 'xyz', 'xy']) {
      const fresh = filterTrainings([...TRAININGS], { ...NO_FILTERS, query });
      expect(titles(filterTrainings(list, { ...NO_FILTERS, query })), query).toEqual(titles(fresh));
    }
  });

  it('counts trainings per directory', () => {
    const counts = countByDirectory(TRAININGS);
    expect(counts.get('dir-billing')).toBe(2);
    expect(counts.get('dir-tone')).toBe(1);
    expect(counts.get(null)).toBe(1);
  });

  it('knows when filters hide something', () => {
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...NO_FILTERS, query: 'x' })).toBe(true);
    expect(hasActiveFilters({ ...NO_FILTERS, state: 'live' })).toBe(true);
  });
});

describe('Needs attention', () => {
  it('keeps only the trainings the check-up lists, with the other filters', () => {
    const needsAttention = new Set(['t-refund', 't-invoice']);
    expect(titles(filterTrainings(TRAININGS, { ...NO_FILTERS, needsAttention }))).toEqual([
      'Invoice questions',
      'Refund policy',
    ]);
    expect(titles(filterTrainings(TRAININGS, { ...NO_FILTERS, needsAttention, state: 'live' }))).toEqual([
      'Refund policy',
    ]);
    expect(hasActiveFilters({ ...NO_FILTERS, needsAttention })).toBe(true);
    expect(hasActiveFilters({ ...NO_FILTERS, needsAttention: new Set() })).toBe(true);
    expect(hasActiveFilters(NO_FILTERS)).toBe(false);
  });
});

describe('prepareSearch', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const many = () => Array.from({ length: 50 }, (_, i) => training({ id: `t${i}`, title: `Training ${i}`, content: 'Refunds within 30 days.' }));
  /** How many texts one search normalises: the query's, and every training's not yet prepared. */
  function normalisedBy(trainings: ReturnType<typeof many>): number {
    const normalize = vi.spyOn(String.prototype, 'normalize');
    filterTrainings(trainings, { ...NO_FILTERS, query: 'refunds' });
    const calls = normalize.mock.calls.length;
    normalize.mockRestore();
    return calls;
  }

  it('normalises every training ahead, so the first keystroke only normalises its query', () => {
    vi.useFakeTimers();
    const trainings = many();
    prepareSearch(trainings);
    vi.runAllTimers();
    expect(normalisedBy(trainings)).toBe(1);
  });

  it('stops when asked (the list was replaced): the search then does the rest itself', () => {
    vi.useFakeTimers();
    const trainings = many();
    prepareSearch(trainings)();
    vi.runAllTimers();
    expect(normalisedBy(trainings)).toBe(1 + trainings.length);
    expect(filterTrainings(trainings, { ...NO_FILTERS, query: 'refunds' })).toHaveLength(trainings.length);
  });
});
