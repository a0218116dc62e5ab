// The sentences that may contradict, found in the texts the compare view shows, so it can mark
// them: each quote is taken at the place the radar gave (UTF-16 positions) while the text there
// still reads as the quoted sentence (markdown such as **bold** aside), else where the sentence is
// written out plainly (the text was edited since); a quote found nowhere is left unmarked.
// Quotes that overlap become one mark that says everything they may contradict.
import type { Contradiction } from './bindings/Contradiction';
import type { Quote } from './bindings/Quote';

/** A quoted sentence, and what a reader should be told about it. */
export interface DescribedQuote {
  quote: Quote;
  description: string;
}

/** A run of the text: marked when `description` is set. */
export interface TextPiece {
  text: string;
  description: string | null;
}

/** Letters and digits only, lower-cased: how a sentence reads, whatever its markdown. */
const reading = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Where `quote` is in `text`, as [start, end) in UTF-16 positions, or `null`. */
export function quoteRange(text: string, quote: Quote): [number, number] | null {
  const sentence = reading(quote.sentence);
  if (sentence === '') return null;
  const { start_utf16: start, end_utf16: end } = quote;
  if (start < end && end <= text.length && reading(text.slice(start, end)).includes(sentence)) return [start, end];
  const at = text.indexOf(quote.sentence);
  return at < 0 ? null : [at, at + quote.sentence.length];
}

/** `text` in pieces, the quoted sentences marked; overlapping quotes share one mark. */
export function markQuotes(text: string, quotes: readonly DescribedQuote[]): TextPiece[] {
  const ranges = quotes
    .flatMap(({ quote, description }) => {
      const range = quoteRange(text, quote);
      return range ? [{ start: range[0], end: range[1], descriptions: [description] }] : [];
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: typeof ranges = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      for (const d of range.descriptions) if (!last.descriptions.includes(d)) last.descriptions.push(d);
    } else {
      merged.push(range);
    }
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end, descriptions } of merged) {
    if (start > at) pieces.push({ text: text.slice(at, start), description: null });
    pieces.push({ text: text.slice(start, end), description: descriptions.join(' ') });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), description: null });
  return pieces;
}

/**
 * One side's quotes of `contradictions` (`first`: the first training's sentences), each
 * described by the sentence of the other training it may contradict and the rule's sentence.
 */
export function sideQuotes(
  contradictions: readonly Contradiction[],
  side: 'first' | 'second',
  otherTitle: string,
): DescribedQuote[] {
  const other = side === 'first' ? 'second' : 'first';
  return contradictions.map((c) => ({
    quote: c[side],
    description: `May contradict “${otherTitle}”: “${c[other].sentence}” ${c.explanation}`,
  }));
}
