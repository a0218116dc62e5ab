import { describe, expect, it } from 'vitest';
import corpus from '../../../crates/studio/tests/data/xss-corpus.txt?raw';
import { previewModuleBytes } from '../test/preview-module';
import { loadPreviewRenderer } from './preview-wasm';

const render = await loadPreviewRenderer(previewModuleBytes);

const htmlOf = (markdown: string) =>
  render(markdown, [])
    .map((block) => block.html)
    .join('');

describe('The preview renderer in WebAssembly', () => {
  it('renders markdown block by block, sanitized', () => {
    const blocks = render('# Refunds\n\nBe **kind** <b onclick="x()">always</b>.\n\n<script>alert(1)</script>', []);
    expect(blocks.map((block) => block.html)).toEqual([
      '<h1>Refunds</h1>\n',
      '<p>Be <strong>kind</strong> <b>always</b>.</p>\n',
      '',
    ]);
  });

  it('leaves out the HTML of the blocks the page shows, and keys equal blocks equally', () => {
    const first = render('Same\n\nOld', []);
    const second = render('Same\n\nNew\n\nSame', first.map((block) => block.key));
    expect(second.map((block) => block.html)).toEqual([null, '<p>New</p>\n', null]);
    expect(second.map((block) => block.key)).toEqual([first[0]?.key, expect.any(String), first[0]?.key]);
  });

  it('takes any text: a NUL, other scripts, emoji', () => {
    expect(htmlOf('a\0b')).toBe('<p>a\uFFFDb</p>\n');
    expect(htmlOf('Grüße, 你好 👋')).toBe('<p>Grüße, 你好 👋</p>\n');
  });

  it('lets nothing that runs through, for every payload of the hostile-markdown corpus', () => {
    const payloads = corpus.split('\n%%%\n').map((chunk) => chunk.split('\n').filter((l) => !l.startsWith('%%')).join('\n'));
    expect(payloads.length).toBeGreaterThanOrEqual(100);
    for (const payload of payloads) {
      const template = document.createElement('template');
      template.innerHTML = htmlOf(payload);
      const elements = [...template.content.querySelectorAll('*')];
      expect(template.content.querySelector('script, style, iframe, object, embed, form, input, svg, math, base, meta, link'), payload).toBeNull();
      expect(elements.filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))), payload).toEqual([]);
      const urls = elements.flatMap((el) => ['href', 'src'].map((name) => el.getAttribute(name)).filter((url) => url !== null));
      for (const url of urls) expect(url, payload).toMatch(/^\s*(https?:|mailto:|data:image\/(png|jpeg|gif|webp);base64,)/i);
    }
  });
});
