import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { deferred, fakeBackend, previewBlocks } from '../test/backend';
import { renderInPage } from '../lib/preview-renderer';
import Preview from './Preview.svelte';

const URL_SHOWN = 'https://help.northwind.example/refunds?from=studio';

function setup(html: string, handlers = {}) {
  const backend = fakeBackend({ render_preview: (args) => previewBlocks([html], args), open_link: () => null, ...handlers });
  render(Preview, { markdown: 'text with a link' });
  return { backend, user: userEvent.setup() };
}

describe('Preview links', () => {
  it('asks before opening a link, showing its full address, and opens it in the browser', async () => {
    const { backend, user } = setup(`<p>See <a href="${URL_SHOWN}">the policy</a>.</p>`);
    const link = await screen.findByRole('link', { name: 'the policy' });
    await user.click(link);
    const dialog = screen.getByRole('dialog', { name: 'Open this link in your browser?' });
    expect(dialog).toHaveTextContent(URL_SHOWN);
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(backend.callsTo('open_link')).toEqual([]);

    await user.click(within(dialog).getByRole('button', { name: 'Open link' }));
    expect(backend.callsTo('open_link')).toEqual([{ url: URL_SHOWN }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('asks on Enter too, and Cancel (or Escape) opens nothing', async () => {
    const { backend, user } = setup(`<p><a href="mailto:help@northwind.example">write to us</a></p>`);
    const link = await screen.findByRole('link', { name: 'write to us' });
    link.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Open this link in your browser?' });
    expect(dialog).toHaveTextContent('It opens in your email program');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(link).toHaveFocus();
    await user.click(link);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(backend.callsTo('open_link')).toEqual([]);
  });

  it('offers no way to open what is not a web or email address', async () => {
    const { backend, user } = setup(`<p><a href="file:///etc/passwd">local file</a></p>`);
    await user.click(await screen.findByRole('link', { name: 'local file' }));
    const dialog = screen.getByRole('dialog', { name: 'Open this link in your browser?' });
    expect(dialog).toHaveTextContent('This link cannot be opened');
    expect(dialog).toHaveTextContent('file:///etc/passwd');
    expect(within(dialog).queryByRole('button', { name: 'Open link' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(backend.callsTo('open_link')).toEqual([]);
  });

  it('says so in the dialog when the system cannot open it', async () => {
    const { user } = setup(`<p><a href="${URL_SHOWN}">the policy</a></p>`, {
      open_link: () =>
        Promise.reject({ kind: 'unsupported', message: 'No program to open links was found on this computer.' }),
    });
    await user.click(await screen.findByRole('link', { name: 'the policy' }));
    await user.click(screen.getByRole('button', { name: 'Open link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No program to open links was found');
    expect(screen.getByRole('dialog', { name: 'Open this link in your browser?' })).toBeInTheDocument();
  });
});

describe('Preview updates', () => {
  const blocks = (markdown: string) => [
    '<h2>Refunds</h2>\n',
    `<p>See <a href="${URL_SHOWN}">the policy</a>.</p>\n`,
    `<p>${markdown}</p>\n`,
  ];

  it('changes only the blocks a new render changed, asking only for those: the rest, a focused link too, stays', async () => {
    const backend = fakeBackend({ render_preview: (args) => previewBlocks(blocks(String(args.markdown)), args) });
    const { rerender } = render(Preview, { markdown: 'Typed: a' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    await within(preview).findByText('Typed: a');
    const heading = within(preview).getByRole('heading', { name: 'Refunds' });
    const link = within(preview).getByRole('link', { name: 'the policy' });
    link.focus();

    await rerender({ markdown: 'Typed: ab' });
    await within(preview).findByText('Typed: ab');
    expect(within(preview).queryByText('Typed: a')).not.toBeInTheDocument();
    expect(within(preview).getByRole('heading', { name: 'Refunds' })).toBe(heading);
    expect(within(preview).getByRole('link', { name: 'the policy' })).toBe(link);
    expect(link).toHaveFocus();
    expect(backend.callsTo('render_preview').at(-1)).toEqual({
      markdown: 'Typed: ab',
      known: blocks('Typed: a'),
    });
  });

  it('shows the blocks again when the text is emptied and written again', async () => {
    fakeBackend({ render_preview: (args) => previewBlocks(String(args.markdown) ? blocks(String(args.markdown)) : [], args) });
    const { rerender } = render(Preview, { markdown: 'one' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    await within(preview).findByText('one');
    await rerender({ markdown: '' });
    await within(preview).findByText('The preview appears here as you write.');
    await rerender({ markdown: 'two' });
    await within(preview).findByText('two');
    expect(within(preview).getByRole('heading', { name: 'Refunds' })).toBeInTheDocument();
    expect(within(preview).queryByText('one')).not.toBeInTheDocument();
  });

  it('says it is busy (aria-busy) until the latest text is shown', async () => {
    const answer = deferred<unknown>();
    fakeBackend({ render_preview: () => answer.promise });
    render(Preview, { markdown: 'slow' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    await waitFor(() => expect(preview).toHaveAttribute('aria-busy', 'true'));
    answer.resolve(previewBlocks(['<p>slow</p>\n'], { known: [] }));
    await within(preview).findByText('slow');
    await waitFor(() => expect(preview).toHaveAttribute('aria-busy', 'false'));
  });

  it('renders once per text when the page renders at once, with no IPC', async () => {
    const backend = fakeBackend();
    const inPage = vi.mocked(renderInPage).mockImplementation((markdown, known) =>
      previewBlocks([`<p>${markdown}</p>\n`], { known }),
    );
    const { rerender } = render(Preview, { markdown: 'one' });
    const preview = screen.getByRole('region', { name: 'Preview' });
    await within(preview).findByText('one');
    const rendersOfOne = inPage.mock.calls.length;
    await rerender({ markdown: 'two' });
    expect(within(preview).getByText('two')).toBeInTheDocument();
    expect(preview).toHaveAttribute('aria-busy', 'false');
    expect(inPage.mock.calls.length).toBe(rendersOfOne + 1);
    expect(backend.callsTo('render_preview')).toEqual([]);
  });
});
