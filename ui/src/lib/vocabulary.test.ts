// Every word for a field, state, channel, type or segment comes from the vocabulary generated from
// Rust (bindings/vocabulary.ts): no other source file of the UI types one of them again, so the
// UI cannot drift from the review's words. Comments may quote them; tests may too.
import { describe, expect, it } from 'vitest';
import {
  ALL_CHANNELS,
  ALL_SEGMENTS,
  FIELD_LABELS,
  KNOWN_CHANNELS,
  NO_DIRECTORY,
  STATE_LABELS,
  TRAINING_TYPES,
  unknownChannelLabel,
  unknownDirectoryLabel,
  unknownSegmentLabel,
} from './bindings/vocabulary';

const sources = import.meta.glob(['../**/*.ts', '../**/*.svelte', '!../**/*.test.ts', '!../test/**', '!./bindings/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The words, each as a whole: a string literal, an attribute value or a text node. */
const WORDS = [
  ...Object.values(FIELD_LABELS),
  ...Object.values(STATE_LABELS),
  ...KNOWN_CHANNELS.map((c) => c.label),
  ...TRAINING_TYPES.flatMap((t) => [t.label, t.explanation]),
  ALL_CHANNELS,
  ALL_SEGMENTS,
  NO_DIRECTORY,
];
/** The words before the value in a wording for something unnamed: "Other channel (", … */
const PREFIXES = [unknownChannelLabel, unknownSegmentLabel, unknownDirectoryLabel].map((name) => name('\u0000').split('\u0000')[0] ?? '');

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const withoutComments = (source: string) =>
  source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1');

/** Where `source` types a word of the vocabulary itself. */
function typedWords(source: string): string[] {
  const code = withoutComments(source);
  const whole = WORDS.filter((w) => new RegExp(`['"\`>]\\s*${escape(w)}\\s*['"\`<]`).test(code));
  const starts = PREFIXES.filter((p) => new RegExp(`['"\`>]\\s*${escape(p)}`).test(code));
  return [...whole, ...starts];
}

describe('the vocabulary', () => {
  it('is read from the UI sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(40);
    expect(Object.keys(sources)).toContain('../components/ConflictDialog.svelte');
  });

  it('is typed nowhere in the UI but in the file generated from Rust', () => {
    const typed = Object.entries(sources)
      .map(([file, source]) => [file, typedWords(source)] as const)
      .filter(([, words]) => words.length > 0);
    expect(typed).toEqual([]);
  });

  it('finds a word typed as a literal, an attribute or a text', () => {
    expect(typedWords(`const a = 'Web chat';`)).toEqual(['Web chat']);
    expect(typedWords(`<option value="">No directory</option>`)).toEqual([NO_DIRECTORY]);
    expect(typedWords('legend="Channels"')).toEqual(['Channels']);
    expect(typedWords('`Other channel (${code})`')).toEqual(['Other channel (']);
    expect(typedWords(`// "No directory" in a comment\nconst b = 'Save draft';`)).toEqual([]);
  });

  it('names what the app cannot name with its code or the start of its id', () => {
    expect(unknownChannelLabel('carrier_pigeon')).toBe('Other channel (carrier_pigeon)');
    expect(unknownSegmentLabel('0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0')).toBe('Unknown segment (0f1e2d3c…)');
    expect(unknownDirectoryLabel('0123456789abcdef')).toBe('Unknown directory (01234567…)');
  });
});
