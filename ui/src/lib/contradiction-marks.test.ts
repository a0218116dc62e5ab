import { describe, expect, it } from 'vitest';
import type { Contradiction } from './bindings/Contradiction';
import { markQuotes, quoteRange, sideQuotes } from './contradiction-marks';

const MINE = 'Price match\n\nWe match a lower price from another shop **within 14 days** of purchase. Ask for a link.';
const MINE_SENTENCE = 'We match a lower price from another shop within 14 days of purchase.';
const MINE_WRITTEN = 'We match a lower price from another shop **within 14 days** of purchase.';
const at = (text: string, written: string) => ({ start_utf16: text.indexOf(written), end_utf16: text.indexOf(written) + written.length });

const quote = (sentence: string, start_utf16: number, end_utf16: number) => ({ sentence, start_utf16, end_utf16 });

describe('quoteRange', () => {
  it('takes the radar’s place when the text there reads as the sentence, markdown and all', () => {
    const { start_utf16, end_utf16 } = at(MINE, MINE_WRITTEN);
    expect(quoteRange(MINE, quote(MINE_SENTENCE, start_utf16, end_utf16))).toEqual([start_utf16, end_utf16]);
  });

  it('counts in UTF-16 units, as the radar does for the UI', () => {
    const text = '👋 Hi. Refunds within 30 days.';
    const sentence = 'Refunds within 30 days.';
    const start = text.indexOf(sentence);
    expect(start).toBe(7);
    expect(quoteRange(text, quote(sentence, start, start + sentence.length))).toEqual([7, 7 + sentence.length]);
  });

  it('finds a sentence written out plainly when the text moved since the radar read it', () => {
    const text = 'A new first line.\n\nRefunds within 30 days.';
    expect(quoteRange(text, quote('Refunds within 30 days.', 0, 23))).toEqual([19, 42]);
  });

  it('marks nothing when the sentence is gone, or the place is out of the text', () => {
    expect(quoteRange('Refunds within 14 days.', quote('Refunds within 30 days.', 0, 23))).toBeNull();
    expect(quoteRange('Short.', quote('Refunds within 30 days.', 40, 63))).toBeNull();
    expect(quoteRange('…', quote('…', 0, 1))).toBeNull();
  });
});

describe('markQuotes', () => {
  it('splits the text around each marked sentence, keeping every character', () => {
    const place = at(MINE, MINE_WRITTEN);
    const pieces = markQuotes(MINE, [{ quote: { sentence: MINE_SENTENCE, ...place }, description: 'May contradict.' }]);
    expect(pieces).toEqual([
      { text: 'Price match\n\n', description: null },
      { text: MINE_WRITTEN, description: 'May contradict.' },
      { text: ' Ask for a link.', description: null },
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(MINE);
  });

  it('gives one mark to quotes of the same sentence or overlapping ones, saying each thing once', () => {
    const text = 'Always refund. Refunds within 30 days. Call us.';
    const refund = quote('Refunds within 30 days.', 15, 38);
    const pieces = markQuotes(text, [
      { quote: refund, description: 'May contradict A.' },
      { quote: refund, description: 'May contradict A.' },
      { quote: quote('Refunds within 30 days. Call us.', 15, 47), description: 'May contradict B.' },
      { quote: quote('Always refund.', 0, 14), description: 'May contradict C.' },
    ]);
    expect(pieces).toEqual([
      { text: 'Always refund.', description: 'May contradict C.' },
      { text: ' ', description: null },
      { text: 'Refunds within 30 days. Call us.', description: 'May contradict A. May contradict B.' },
    ]);
  });

  it('leaves a text without quotes whole', () => {
    expect(markQuotes('Plain.', [])).toEqual([{ text: 'Plain.', description: null }]);
    expect(markQuotes('', [])).toEqual([{ text: '', description: null }]);
  });
});

describe('sideQuotes', () => {
  const contradiction: Contradiction = {
    kind: 'different_numbers',
    first: quote('Refunds within 14 days.', 0, 23),
    second: quote('Refunds within 30 days.', 5, 28),
    explanation: 'One says within 14 days, the other within 30 days.',
  };

  it('describes each side’s sentence by the other side’s sentence and the rule', () => {
    expect(sideQuotes([contradiction], 'first', 'Price match on WhatsApp')).toEqual([
      {
        quote: contradiction.first,
        description:
          'May contradict “Price match on WhatsApp”: “Refunds within 30 days.” One says within 14 days, the other within 30 days.',
      },
    ]);
    expect(sideQuotes([contradiction], 'second', 'Refunds')[0]).toEqual({
      quote: contradiction.second,
      description: 'May contradict “Refunds”: “Refunds within 14 days.” One says within 14 days, the other within 30 days.',
    });
  });
});
