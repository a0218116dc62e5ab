import { describe, expect, it } from 'vitest';
import corpus from '../../../crates/studio/tests/data/xss-corpus.txt?raw';
import { previewBlocks } from '../test/backend';
import { PreviewBlocks } from './preview-patch';

/** The DOM a fresh parse of each piece of `html` gives, one after the other, in a bare <div>. */
function parsed(...pieces: string[]): HTMLDivElement {
  const box = document.createElement('div');
  for (const html of pieces) {
    const template = document.createElement('template');
    template.innerHTML = html;
    box.append(template.content);
  }
  return box;
}

/** Same elements, attributes (in any order) and text as `expected`. */
function expectSame(target: HTMLElement, expected: HTMLElement) {
  if (!target.isEqualNode(expected)) expect(target.innerHTML).toBe(expected.innerHTML);
}

/** The corpus's payloads (same format rules as crates/studio/tests/corpus/mod.rs), as raw HTML. */
const payloads = corpus
  .split('\n%%%\n')
  .map((chunk) =>
    chunk
      .split('\n')
      .filter((line) => !line.startsWith('%% ') && line !== '%%%')
      .join('\n')
      .trim(),
  )
  .filter((payload) => payload !== '');

const DOC = [
  '<h2>Refunds</h2>\n',
  '<p>Refunds are possible <strong>within 30 days</strong>.</p>\n',
  '<ol>\n<li>Ask for the order number.</li>\n<li>Look up the date.</li>\n</ol>\n',
  '<p>More: <a href="https://help.example.com" rel="noopener noreferrer">policy</a></p>\n',
] as const;

/** Shows `pieces` (one block each) in `target` as the backend answers them: HTML only for blocks
 * the page does not show. */
function show(shown: PreviewBlocks, target: HTMLElement | null, pieces: readonly string[]) {
  shown.apply(previewBlocks(pieces, { known: shown.keys() }), target);
}

describe('the preview blocks', () => {
  it('gives exactly a fresh parse of each block, for every hostile payload, whatever was shown before', () => {
    // Raw, unsanitized payloads: even then a render adds nothing and keeps nothing stale.
    expect(payloads.length).toBeGreaterThan(100);
    const target = document.createElement('div');
    const shown = new PreviewBlocks();
    let previous = '';
    for (const payload of payloads) {
      const pieces = [...DOC, payload, `<p>after ${previous.length}</p>\n`];
      show(shown, target, pieces);
      expectSame(target, parsed(...pieces));
      previous = payload;
    }
  });

  it('is a fresh parse of the whole HTML of closed blocks', () => {
    const target = document.createElement('div');
    const shown = new PreviewBlocks();
    show(shown, target, DOC);
    const edited = DOC.map((piece) => piece.replace('30 days', '31 days'));
    show(shown, target, edited);
    expect(target.isEqualNode(parsed(edited.join('')))).toBe(true);
  });

  it('keeps the nodes of unchanged blocks, and asks only for the edited one', () => {
    const target = document.createElement('div');
    const shown = new PreviewBlocks();
    show(shown, target, DOC);
    const [heading, first, list, last] = [...target.children];
    const edited = [DOC[0], DOC[1].replace('30 days', '31 days'), DOC[2], DOC[3]];
    const answer = previewBlocks(edited, { known: shown.keys() });
    expect(answer.filter((block) => block.html !== null)).toHaveLength(1);
    shown.apply(answer, target);
    expectSame(target, parsed(...edited));
    expect(target.children[0]).toBe(heading);
    expect(target.children[1]).not.toBe(first);
    expect(target.children[2]).toBe(list);
    expect(target.children[3]).toBe(last);
  });

  it('gives a block shown twice nodes of its own each time, and drops the copies it no longer needs', () => {
    const target = document.createElement('div');
    const shown = new PreviewBlocks();
    const rule = '<hr>\n';
    show(shown, target, [rule, '<p>a</p>\n', rule]);
    expectSame(target, parsed(rule, '<p>a</p>\n', rule));
    const [firstRule, , secondRule] = target.children;
    expect(firstRule).not.toBe(secondRule);
    show(shown, target, [rule, rule, rule, '<p>a</p>\n']);
    expectSame(target, parsed(rule, rule, rule, '<p>a</p>\n'));
    expect(new Set(target.children).size).toBe(4);
    expect(target.children[0]).toBe(firstRule);
    show(shown, target, [rule]);
    expectSame(target, parsed(rule));
    expect(shown.keys()).toEqual([rule]);
  });

  it('moves reordered blocks and removes the ones gone', () => {
    const target = document.createElement('div');
    const shown = new PreviewBlocks();
    show(shown, target, DOC);
    const [heading, first, list, last] = [...target.children];
    show(shown, target, [DOC[3], DOC[0], DOC[2]]);
    expectSame(target, parsed(DOC[3], DOC[0], DOC[2]));
    expect([...target.children]).toEqual([last, heading, list]);
    expect(first?.isConnected).toBe(false);
    show(shown, target, []);
    expect(target.childNodes).toHaveLength(0);
  });

  it('keeps focus on a link in a block left as it was', () => {
    const target = document.createElement('div');
    document.body.append(target);
    const shown = new PreviewBlocks();
    show(shown, target, DOC);
    const link = target.querySelector('a');
    link?.focus();
    show(shown, target, ['<h2>Refunds, again</h2>\n', ...DOC.slice(1)]);
    expect(document.activeElement).toBe(link);
    target.remove();
  });

  it('keeps the blocks while no element shows them, and shows them in a new one', () => {
    const shown = new PreviewBlocks();
    const first = document.createElement('div');
    show(shown, first, DOC);
    const heading = first.firstElementChild;
    show(shown, null, DOC.slice(0, 2));
    const second = document.createElement('div');
    shown.mount(second);
    expectSame(second, parsed(...DOC.slice(0, 2)));
    expect(second.firstElementChild).toBe(heading);
  });

  it('refuses, changing nothing, an answer naming a block it does not show', () => {
    const target = document.createElement('div');
    const shown = new PreviewBlocks();
    show(shown, target, DOC);
    expect(() => shown.apply([{ key: 'unknown', html: null }], target)).toThrow('not shown');
    expectSame(target, parsed(...DOC));
    expect(shown.keys()).toEqual(DOC);
  });
});
