import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { previewModuleBytes } from '../test/preview-module';

// The test setup stands in for this module in component tests; here it is the real one.
vi.unmock('./preview-renderer');

/** A fresh copy of the module (its loaded renderer is module state), loading `answer`. */
async function freshRenderer(answer: () => Promise<unknown>) {
  vi.resetModules();
  vi.stubGlobal('fetch', vi.fn(answer));
  return import('./preview-renderer');
}

const served = () => Promise.resolve({ ok: true, arrayBuffer: () => Promise.resolve(previewModuleBytes.slice().buffer) });

describe('Where the live preview renders', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('leaves the render to the app until the module has loaded, then renders in the page at once', async () => {
    const { loadInPageRenderer, renderInPage } = await freshRenderer(served);
    expect(renderInPage('# Hi', [])).toBeNull();
    await loadInPageRenderer();
    const blocks = renderInPage('# Hi\n\nthere <b onclick="x()">b</b>', []);
    expect(blocks?.map((block) => block.html)).toEqual(['<h1>Hi</h1>\n', '<p>there <b>b</b></p>\n']);
    const known = (blocks ?? []).slice(0, 1).map((block) => block.key);
    expect(renderInPage('# Hi\n\nnew', known)?.map((block) => block.html)).toEqual([null, '<p>new</p>\n']);
    expect(warn).not.toHaveBeenCalled();
  });

  it('loads the module once, however often the preview opens', async () => {
    const { loadInPageRenderer } = await freshRenderer(served);
    await Promise.all([loadInPageRenderer(), loadInPageRenderer()]);
    await loadInPageRenderer();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('leaves a text too long to render at once to the app', async () => {
    const { IN_PAGE_LIMIT, loadInPageRenderer, renderInPage } = await freshRenderer(served);
    await loadInPageRenderer();
    expect(renderInPage('a'.repeat(IN_PAGE_LIMIT), [])).not.toBeNull();
    expect(renderInPage('a'.repeat(IN_PAGE_LIMIT + 1), [])).toBeNull();
  });

  it('says why and leaves every render to the app when the module cannot load', async () => {
    const { loadInPageRenderer, renderInPage } = await freshRenderer(() =>
      Promise.resolve({ ok: false, status: 404, statusText: 'Not Found' }),
    );
    await loadInPageRenderer();
    expect(renderInPage('# Hi', [])).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('did not load'), expect.any(Error));
  });
});
