import { describe, expect, it } from 'vitest';
import { PART_SIZE, drawnParts, nextPartEnd, topLevelNodes } from './parts';

describe('nextPartEnd', () => {
  it('adds one part and never passes the end', () => {
    expect(nextPartEnd(0, 1000)).toBe(PART_SIZE);
    expect(nextPartEnd(PART_SIZE, 1000)).toBe(2 * PART_SIZE);
    expect(nextPartEnd(900, 1000)).toBe(1000);
    expect(nextPartEnd(1000, 1000)).toBe(1000);
    expect(nextPartEnd(10, 100, 25)).toBe(35);
  });
});

describe('topLevelNodes', () => {
  it('gives the blocks of rendered HTML in order, each whole, none of them in the page', () => {
    const nodes = topLevelNodes('<h2>Refunds</h2>\n<p>Within <strong>30 days</strong>.</p>\n<ul><li>one</li></ul>');
    const elements = nodes.filter((n): n is Element => n instanceof Element);
    expect(elements.map((e) => e.tagName)).toEqual(['H2', 'P', 'UL']);
    expect(elements[1]?.textContent).toBe('Within 30 days.');
    expect(elements.every((e) => !e.isConnected)).toBe(true);
  });

  it('gives nothing for empty text', () => {
    expect(topLevelNodes('')).toEqual([]);
  });
});

describe('drawnParts', () => {
  it('moves nodes in as more is drawn or arrives, and replaces them for another text', () => {
    const node = document.createElement('div');
    const first = topLevelNodes('<p>1</p><p>2</p><p>3</p>');
    const action = drawnParts(node, { nodes: first, upTo: 1, source: 'a' });
    expect(node.innerHTML).toBe('<p>1</p>');
    action.update({ nodes: first, upTo: 5, source: 'a' });
    expect(node.innerHTML).toBe('<p>1</p><p>2</p><p>3</p>');
    action.update({ nodes: [...first, ...topLevelNodes('<p>4</p>')], upTo: 5, source: 'a' });
    expect(node.innerHTML).toBe('<p>1</p><p>2</p><p>3</p><p>4</p>');
    action.update({ nodes: topLevelNodes('<h2>Other</h2>'), upTo: 1, source: 'b' });
    expect(node.innerHTML).toBe('<h2>Other</h2>');
  });
});
