// A long diff and a long rendered text open drawn in parts: unchanged runs folded behind a
// button that shows them, the rest one part at a time ("Show the next …", or by scrolling near).
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DiffLine } from '../lib/bindings/DiffLine';
import { PART_SIZE } from '../lib/parts';
import { fakeBackend } from '../test/backend';
import ContentDiff from './ContentDiff.svelte';
import RenderedInParts from './RenderedInParts.svelte';
import ReviewDialog from './ReviewDialog.svelte';

const eq = (text: string): DiffLine => ({ tag: 'equal', text });
const added = (text: string): DiffLine => ({ tag: 'insert', text });

describe('ContentDiff', () => {
  it('folds unchanged runs behind a button that shows them, and gives the focus to the first line shown', async () => {
    const user = userEvent.setup();
    const lines = [...['a', 'b', 'c', 'd', 'e', 'f'].map(eq), added('new'), eq('g')];
    render(ContentDiff, { lines });
    const list = screen.getByRole('list', { name: 'Content changes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(5);
    await user.click(within(list).getByRole('button', { name: 'Show 4 unchanged lines' }));
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent?.trim())).toEqual([
      'a', 'b', 'c', 'd', 'e', 'f', 'Added: new', 'g',
    ].map((t) => expect.stringContaining(t)));
    expect(within(list).queryByRole('button')).toBeNull();
    // The button is gone: the focus goes to the first line it showed, not back to the page.
    expect(document.activeElement).toBe(within(list).getAllByRole('listitem')[0]);
  });

  it('draws a long diff one part at a time', async () => {
    const user = userEvent.setup();
    const lines = Array.from({ length: 2 * PART_SIZE + 50 }, (_, i) => added(`line ${i}`));
    render(ContentDiff, { lines });
    const list = screen.getByRole('list', { name: 'Content changes' });
    // Counted from the list's own children: asking for every list item by role is slow in jsdom.
    expect(list.children).toHaveLength(PART_SIZE);
    await user.click(screen.getByRole('button', { name: `Show the next ${PART_SIZE} rows of the diff (${PART_SIZE + 50} more)` }));
    expect(list.children).toHaveLength(2 * PART_SIZE);
    await user.click(screen.getByRole('button', { name: 'Show the next 50 rows of the diff (50 more)' }));
    expect(list.children).toHaveLength(lines.length);
    expect(list.lastElementChild).toHaveTextContent(`line ${lines.length - 1}`);
    expect(screen.queryByRole('button', { name: /Show the next/ })).toBeNull();
  });
});

describe('RenderedInParts', () => {
  const paragraphs = (container: HTMLElement) => [...container.querySelectorAll('.doc > p')].map((p) => p.textContent);
  const renderedBy = (html: string) => Promise.resolve(html);

  it('draws long rendered text one part at a time, in order', async () => {
    const user = userEvent.setup();
    const count = PART_SIZE + 30;
    const html = Array.from({ length: count }, (_, i) => `<p>Paragraph ${i}</p>`).join('');
    const { container } = render(RenderedInParts, { parts: { first_html: html, more_markdown: [] }, render: renderedBy });
    expect(paragraphs(container)).toHaveLength(PART_SIZE);
    await user.click(screen.getByRole('button', { name: /^Show more of the text \(\d+% shown\)$/ }));
    expect(paragraphs(container)).toEqual(Array.from({ length: count }, (_, i) => `Paragraph ${i}`));
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('renders each later part when asked, after what is drawn', async () => {
    const user = userEvent.setup();
    const asked: string[] = [];
    const parts = { first_html: '<p>One</p>', more_markdown: ['Two', 'Three'] };
    const { container } = render(RenderedInParts, {
      parts,
      render: (markdown: string) => {
        asked.push(markdown);
        return Promise.resolve(`<p>${markdown}</p>`);
      },
    });
    expect(paragraphs(container)).toEqual(['One']);
    expect(asked).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Show more of the text (33% shown)' }));
    expect(paragraphs(container)).toEqual(['One', 'Two']);
    await user.click(screen.getByRole('button', { name: 'Show more of the text (66% shown)' }));
    expect(paragraphs(container)).toEqual(['One', 'Two', 'Three']);
    expect(asked).toEqual(['Two', 'Three']);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps what is drawn and offers to try again when a part cannot be rendered', async () => {
    const user = userEvent.setup();
    let fail = true;
    const { container } = render(RenderedInParts, {
      parts: { first_html: '<p>One</p>', more_markdown: ['Two'] },
      render: (markdown: string) => (fail ? Promise.reject(new Error('down')) : Promise.resolve(`<p>${markdown}</p>`)),
    });
    await user.click(screen.getByRole('button', { name: /^Show more of the text/ }));
    expect(paragraphs(container)).toEqual(['One']);
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Show more of the text (it could not be rendered: try again)' }));
    expect(paragraphs(container)).toEqual(['One', 'Two']);
  });

  it('starts again from the first part when the text changes', async () => {
    const { container, rerender } = render(RenderedInParts, {
      parts: { first_html: '<p>Old</p>', more_markdown: [] },
      render: renderedBy,
    });
    await rerender({ parts: { first_html: '<h2>New</h2><p>Text</p>', more_markdown: [] }, render: renderedBy });
    expect(container.querySelector('.doc')?.innerHTML).toBe('<h2>New</h2><p>Text</p>');
  });
});

describe('ReviewDialog', () => {
  it('has the preview render each later part of the text, sanitized as the editor shows it', async () => {
    const user = userEvent.setup();
    const backend = fakeBackend();
    const review = {
      changes: [], content_diff: [], publish: false, lead: '', out_of_use: null,
      rendered: { first_html: '<p>First part</p>', more_markdown: ['Second part'] },
    };
    const { container } = render(ReviewDialog, { review, busy: null, onconfirm: () => {}, oncancel: () => {} });
    await user.click(screen.getByRole('button', { name: /^Show more of the text/ }));
    expect([...container.ownerDocument.querySelectorAll('.rendered > p')].map((p) => p.textContent)).toEqual([
      'First part',
      'Second part',
    ]);
    expect(backend.callsTo('render_preview')).toEqual([{ markdown: 'Second part', known: [] }]);
  });
});
