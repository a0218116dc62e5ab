import { describe, expect, it } from 'vitest';
import corpus from '../../../crates/studio/tests/data/xss-corpus.txt?raw';
import { patchHtml } from './preview-patch';

/** The DOM a fresh parse of `html` gives, in a bare <div>. */
function parsed(html: string): HTMLDivElement {
  const template = document.createElement('template');
  template.innerHTML = html;
  const box = document.createElement('div');
  box.append(template.content);
  return box;
}

/** Same elements, attributes (in any order) and text as a fresh parse of `html`. */
function expectParseOf(target: HTMLElement, html: string) {
  const fresh = parsed(html);
  if (!target.isEqualNode(fresh)) expect(target.innerHTML).toBe(fresh.innerHTML);
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
  '<h2>Refunds</h2>',
  '<p>Refunds are possible <strong>within 30 days</strong>.</p>',
  '<ol><li>Ask for the order number.</li><li>Look up the date.</li></ol>',
  '<p>More: <a href="https://help.example.com" rel="noopener noreferrer">policy</a></p>',
];

describe('patching the preview', () => {
  it('gives exactly a fresh parse of every hostile payload, whatever was shown before', () => {
    // Raw, unsanitized payloads: even then the patch adds nothing and keeps nothing stale.
    expect(payloads.length).toBeGreaterThan(100);
    const target = document.createElement('div');
    let previous = '';
    for (const payload of payloads) {
      const html = `${DOC.join('')}${payload}<p>after ${previous.length}</p>`;
      patchHtml(target, html);
      expectParseOf(target, html);
      previous = payload;
    }
  });

  it('removes attributes and elements the new render lacks', () => {
    const target = document.createElement('div');
    patchHtml(target, '<p title="x" onclick="window.__pwned = 1">one</p><img src="data:image/png;base64,AA" onerror="x()">');
    patchHtml(target, '<p>one</p><img src="data:image/png;base64,AA">');
    expect(target.innerHTML).toBe('<p>one</p><img src="data:image/png;base64,AA">');
    patchHtml(target, '<p>one</p>');
    expect(target.innerHTML).toBe('<p>one</p>');
  });

  it('leaves the unchanged parts as they are: only the edited paragraph changes', () => {
    const target = document.createElement('div');
    patchHtml(target, DOC.join(''));
    const [heading, first, list, last] = [...target.children];
    patchHtml(target, DOC.join('').replace('within 30 days', 'within 31 days'));
    expectParseOf(target, DOC.join('').replace('within 30 days', 'within 31 days'));
    expect(target.children[0]).toBe(heading);
    expect(target.children[2]).toBe(list);
    expect(target.children[3]).toBe(last);
    // The edited paragraph keeps its element; its text changed inside.
    expect(target.children[1]).toBe(first);
  });

  it('keeps focus on a link the patch leaves in place', () => {
    const target = document.createElement('div');
    document.body.append(target);
    patchHtml(target, DOC.join(''));
    const link = target.querySelector('a');
    link?.focus();
    patchHtml(target, `<h2>Refunds, again</h2>${DOC.slice(1).join('')}`);
    expect(document.activeElement).toBe(link);
    target.remove();
  });
});
