// An index of which items' search texts hold each character, each pair and each run of three
// adjacent characters (UTF-16 code units), as bitsets over the items, so a query word's
// candidates are the AND of its pairs' and triples' bitsets and only those are checked with
// `includes`: a rare word costs a few bitsets and the texts that may hold it, not a scan of every
// text. Characters and pairs of ASCII have bitsets of their own, so a word of one or two ASCII
// characters is answered by its bitset alone; other characters, pairs with one, and the triples
// share a fixed number of bitsets (hashed), which bounds the memory for any text in any script
// (a shared bitset only lets more candidates through to the check).
// Items are added and removed one at a time (each gets a slot, reused once it is removed).

const ASCII = 128;
/** Bitsets shared by the non-ASCII characters, and by the pairs with one. */
const HASHED_CHARS = 128;
const HASHED_PAIRS = 4096;
/** Bitsets shared by every run of three characters. */
const HASHED_TRIPLES = 4096;
const FIRST_HASHED_CHAR = ASCII;
const FIRST_ASCII_PAIR = FIRST_HASHED_CHAR + HASHED_CHARS;
const FIRST_HASHED_PAIR = FIRST_ASCII_PAIR + ASCII * ASCII;
const FIRST_TRIPLE = FIRST_HASHED_PAIR + HASHED_PAIRS;
const KEYS = FIRST_TRIPLE + HASHED_TRIPLES;

function charKey(c: number): number {
  return c < ASCII ? c : FIRST_HASHED_CHAR + (c % HASHED_CHARS);
}

function pairKey(a: number, b: number): number {
  if (a < ASCII && b < ASCII) return FIRST_ASCII_PAIR + a * ASCII + b;
  return FIRST_HASHED_PAIR + ((Math.imul(a, 0x9e3779b1) ^ b) >>> 0) % HASHED_PAIRS;
}

function tripleKey(a: number, b: number, c: number): number {
  return FIRST_TRIPLE + ((Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ c) >>> 0) % HASHED_TRIPLES;
}

/** A word whose bitset holds exactly the texts containing it (no `includes` check needed). */
function answeredByBitset(word: string): boolean {
  return /^[\0-\x7f]{1,2}$/.test(word);
}

/** The keys whose bitsets every text holding `word` is in. */
function wordKeys(word: string): number[] {
  if (word.length === 1) return [charKey(word.charCodeAt(0))];
  const keys: number[] = [];
  for (let i = 1; i < word.length; i++) {
    keys.push(pairKey(word.charCodeAt(i - 1), word.charCodeAt(i)));
    if (i > 1) keys.push(tripleKey(word.charCodeAt(i - 2), word.charCodeAt(i - 1), word.charCodeAt(i)));
  }
  return keys;
}

function noBitsets(): (Uint32Array | undefined)[] {
  return new Array<Uint32Array | undefined>(KEYS).fill(undefined);
}

export class SearchIndex<T extends object> {
  readonly #text: (item: T) => string;
  #bitsets = noBitsets();
  /** Length of every bitset, in 32-bit words. */
  #words = 0;
  #slotOf = new Map<T, number>();
  #free: number[] = [];
  #slots = 0;
  /** The list the index holds exactly, with its items' slots in the order searches answer. */
  #ready: { list: readonly T[]; ordered: readonly T[]; slots: Int32Array } | null = null;

  /** `text`: an item's search text; the same item must always give the same text. */
  constructor(text: (item: T) => string) {
    this.#text = text;
  }

  get size(): number {
    return this.#slotOf.size;
  }

  has(item: T): boolean {
    return this.#slotOf.has(item);
  }

  /** Makes room for `count` items at once (no growing step by step while a list is added). */
  reserve(count: number): void {
    const words = Math.ceil(count / 32);
    if (words <= this.#words) return;
    this.#bitsets = this.#bitsets.map((old) => {
      if (!old) return old;
      const grown = new Uint32Array(words);
      grown.set(old);
      return grown;
    });
    this.#words = words;
  }

  add(item: T): void {
    if (this.#slotOf.has(item)) return;
    this.#ready = null;
    const slot = this.#free.pop() ?? this.#slots++;
    if (slot >= this.#words * 32) this.reserve(Math.max(slot + 1, Math.ceil(this.#words * 32 * 1.25)));
    this.#slotOf.set(item, slot);
    this.#mark(item, slot, true);
  }

  remove(item: T): void {
    const slot = this.#slotOf.get(item);
    if (slot === undefined) return;
    this.#ready = null;
    this.#mark(item, slot, false);
    this.#slotOf.delete(item);
    this.#free.push(slot);
  }

  /** Items held that `keep` does not want. */
  itemsOutside(keep: ReadonlySet<T>): T[] {
    return [...this.#slotOf.keys()].filter((item) => !keep.has(item));
  }

  clear(): void {
    this.#bitsets = noBitsets();
    this.#words = 0;
    this.#slotOf.clear();
    this.#free = [];
    this.#slots = 0;
    this.#ready = null;
  }

  /**
   * Declares that the index holds exactly the items of `list` (every one added, nothing else),
   * to be searched in the order of `ordered` (the same items). False when it does not hold one.
   */
  markReady(list: readonly T[], ordered: readonly T[]): boolean {
    if (list.length !== this.#slotOf.size || ordered.length !== list.length) return false;
    const slots = new Int32Array(ordered.length);
    for (let i = 0; i < ordered.length; i++) {
      const slot = this.#slotOf.get(ordered[i] as T);
      if (slot === undefined) return false;
      slots[i] = slot;
    }
    this.#ready = { list, ordered, slots };
    return true;
  }

  /**
   * The items of `list` whose text holds every word, in the order given to `markReady`; `null`
   * when the index is not ready for `list` (the caller scans instead).
   */
  search(list: readonly T[], words: readonly string[]): T[] | null {
    const ready = this.#ready;
    if (ready?.list !== list) return null;
    const candidates = this.#candidates(words);
    if (candidates === null) return [];
    const check = words.filter((w) => !answeredByBitset(w));
    const found: T[] = [];
    const { ordered, slots } = ready;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      if ((candidates[slot >>> 5] as number) & (1 << (slot & 31))) {
        const item = ordered[i] as T;
        if (check.length === 0 || holdsEvery(this.#text(item), check)) found.push(item);
      }
    }
    return found;
  }

  /** Bytes held by the bitsets and the slot order (not the texts, which the caller keeps). */
  bytes(): number {
    const bitsets = this.#bitsets.reduce((sum, b) => sum + (b ? b.byteLength : 0), 0);
    return bitsets + (this.#ready?.slots.byteLength ?? 0);
  }

  /** The AND of the words' bitsets, or `null` when one has none (nothing can match). */
  #candidates(words: readonly string[]): Uint32Array | null {
    const all = new Uint32Array(this.#words).fill(0xffffffff);
    for (const word of words) {
      for (const key of wordKeys(word)) {
        const bitset = this.#bitsets[key];
        if (!bitset) return null;
        for (let i = 0; i < all.length; i++) all[i] = (all[i] as number) & (bitset[i] as number);
      }
    }
    return all;
  }

  /** Sets (`on`) or clears the slot's bit in the bitsets of every key of the item's text. */
  #mark(item: T, slot: number, on: boolean): void {
    const text = this.#text(item);
    const word = slot >>> 5;
    const bit = 1 << (slot & 31);
    const bitsets = this.#bitsets;
    const flip = (key: number) => {
      let bitset = bitsets[key];
      if (bitset === undefined) {
        if (!on) return;
        bitset = new Uint32Array(this.#words);
        bitsets[key] = bitset;
      }
      bitset[word] = on ? (bitset[word] as number) | bit : (bitset[word] as number) & ~bit;
    };
    let first = -1;
    let second = -1;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      flip(charKey(c));
      if (second >= 0) flip(pairKey(second, c));
      if (first >= 0) flip(tripleKey(first, second, c));
      first = second;
      second = c;
    }
  }
}

function holdsEvery(text: string, words: readonly string[]): boolean {
  for (const w of words) if (!text.includes(w)) return false;
  return true;
}
