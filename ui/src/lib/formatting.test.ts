import { EditorSelection, EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { formatSpec, type FormatAction } from './formatting';

/** `|` marks the cursor; `[` and `]` the selection. */
function state(marked: string): EditorState {
  const from = marked.indexOf('[');
  if (from >= 0) {
    const to = marked.indexOf(']') - 1;
    return EditorState.create({
      doc: marked.replace('[', '').replace(']', ''),
      selection: EditorSelection.single(from, to),
    });
  }
  const at = marked.indexOf('|');
  return EditorState.create({ doc: marked.replace('|', ''), selection: EditorSelection.single(at) });
}

function show(s: EditorState): string {
  const { from, to } = s.selection.main;
  const doc = s.doc.toString();
  return from === to ? doc.slice(0, from) + '|' + doc.slice(from) : doc.slice(0, from) + '[' + doc.slice(from, to) + ']' + doc.slice(to);
}

const apply = (marked: string, action: FormatAction) => {
  const s = state(marked);
  return show(s.update(formatSpec(s, action)).state);
};

describe('formatting', () => {
  it('wraps the selection in bold, and unwraps it again', () => {
    expect(apply('Be [kind] always', 'bold')).toBe('Be **[kind]** always');
    expect(apply('Be **[kind]** always', 'bold')).toBe('Be [kind] always');
    expect(apply('Be [**kind**] always', 'bold')).toBe('Be [kind] always');
  });

  it('leaves spaces around a selection outside the markers', () => {
    expect(apply('Be [kind ]always', 'bold')).toBe('Be **[kind]** always');
  });

  it('puts the cursor between new markers when nothing is selected', () => {
    expect(apply('Say |', 'bold')).toBe('Say **|**');
    expect(apply('Say |', 'italic')).toBe('Say _|_');
  });

  it('italicises with underscores so bold and italic never mix up', () => {
    expect(apply('a [word] b', 'italic')).toBe('a _[word]_ b');
  });

  it('turns lines into a heading and back', () => {
    expect(apply('Ref|unds', 'heading')).toBe('## Ref|unds');
    expect(apply('## Ref|unds', 'heading')).toBe('Ref|unds');
  });

  it('makes every selected line a bullet, skipping blank lines', () => {
    expect(apply('[one\ntwo\n\nthree]', 'bullet')).toBe('[- one\n- two\n\n- three]');
    expect(apply('[- one\n- two]', 'bullet')).toBe('[one\ntwo]');
  });

  it('numbers lines in order and swaps bullets for numbers', () => {
    expect(apply('[- one\n- two\n- three]', 'numbered')).toBe('[1. one\n2. two\n3. three]');
    expect(apply('[1. one\n2. two]', 'numbered')).toBe('[one\ntwo]');
  });

  it('quotes lines and puts the cursor after a new prefix on an empty line', () => {
    expect(apply('|', 'quote')).toBe('> |');
    expect(apply('[a\nb]', 'quote')).toBe('[> a\n> b]');
  });

  it('does not touch a line the selection only reaches at its start', () => {
    expect(apply('[one\n]two', 'bullet')).toBe('[- one\n]two');
  });

  it('makes a link with the address placeholder selected', () => {
    expect(apply('See [our policy] now', 'link')).toBe('See [our policy]([url]) now');
  });

  it('makes a link from nothing, with its text selected', () => {
    expect(apply('Go |', 'link')).toBe('Go [[link text]](url)');
  });

  it('uses a selected address as the target', () => {
    expect(apply('[https://open.cx/help]', 'link')).toBe('[[link text]](https://open.cx/help)');
  });
});
