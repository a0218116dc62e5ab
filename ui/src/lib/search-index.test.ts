import { describe, expect, it } from 'vitest';
import { SearchIndex } from './search-index';

interface Doc {
  text: string;
}

const doc = (text: string): Doc => ({ text });
const byText = (docs: readonly Doc[]) => [...docs].sort((a, b) => a.text.localeCompare(b.text));
const texts = (docs: readonly Doc[] | null) => docs?.map((d) => d.text) ?? null;
const scan = (docs: readonly Doc[], words: readonly string[]) =>
  texts(byText(docs).filter((d) => words.every((w) => d.text.includes(w))));

function indexOf(docs: readonly Doc[]): SearchIndex<Doc> {
  const index = new SearchIndex<Doc>((d) => d.text);
  for (const d of docs) index.add(d);
  expect(index.markReady(docs, byText(docs))).toBe(true);
  return index;
}

describe('SearchIndex', () => {
  const docs = ['refund policy', 'gift card', 'café zürich', '東京の配送', 'emoji 🎁 gift', 'a', ''].map(doc);

  it('answers words of one, two and more characters, ASCII or not, as a scan does', () => {
    const index = indexOf(docs);
    for (const words of [['r'], ['re'], ['ref'], ['gift'], ['gi', 'card'], ['é'], ['東京'], ['配'], ['🎁'], ['x'], ['qq'], ['fundp'], ['a']]) {
      expect(texts(index.search(docs, words)), words.join(' ')).toEqual(scan(docs, words));
    }
  });

  it('answers only for the list it was declared ready for, and no longer once it changes', () => {
    const index = indexOf(docs);
    expect(index.search([...docs], ['gift'])).toBeNull();
    index.add(doc('gift shop'));
    expect(index.search(docs, ['gift'])).toBeNull();
  });

  it('refuses to be declared ready for a list it does not hold exactly', () => {
    const index = indexOf(docs);
    expect(index.markReady([...docs, doc('new')], byText(docs))).toBe(false);
    const [first, ...rest] = docs;
    index.remove(first as Doc);
    index.add(doc('other'));
    expect(index.markReady(docs, byText(docs))).toBe(false);
    expect(index.markReady(rest, byText(rest))).toBe(false);
  });

  it('forgets a removed item and reuses its slot for the next', () => {
    const index = indexOf(docs);
    const gift = docs[1] as Doc;
    index.remove(gift);
    const shop = doc('gift shop');
    index.add(shop);
    const now = docs.map((d) => (d === gift ? shop : d));
    expect(index.markReady(now, byText(now))).toBe(true);
    expect(texts(index.search(now, ['gift']))).toEqual(['emoji 🎁 gift', 'gift shop']);
    expect(texts(index.search(now, ['card']))).toEqual([]);
  });

  it('grows past its reserved room and keeps every bitset', () => {
    const index = new SearchIndex<Doc>((d) => d.text);
    index.reserve(10);
    const many = Array.from({ length: 200 }, (_, i) => doc(`item ${i}${i % 7 === 0 ? ' seventh' : ''}`));
    for (const d of many) index.add(d);
    expect(index.markReady(many, byText(many))).toBe(true);
    expect(texts(index.search(many, ['seventh']))).toEqual(scan(many, ['seventh']));
    expect(texts(index.search(many, ['199']))).toEqual(['item 199']);
    expect(index.bytes()).toBeGreaterThan(0);
  });

  it('starts empty again when cleared', () => {
    const index = indexOf(docs);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.search(docs, ['gift'])).toBeNull();
    expect(index.bytes()).toBe(0);
  });
});
