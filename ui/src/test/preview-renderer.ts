// Component tests' stand-in for the preview worker (lib/preview-renderer; jsdom has no Worker,
// and the WebAssembly renderer itself is tested in lib/preview-wasm.test.ts): answers as the
// real renderer does (blocks keyed by their HTML, HTML only for blocks the page does not show)
// from the pieces of HTML a test chooses, and records every request.
import type { PreviewBlock } from '../lib/bindings/PreviewBlock';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The default: the markdown as one escaped paragraph. */
const asParagraph = (markdown: string) => [`<p>${escapeHtml(markdown)}</p>`];

export const previewWorker = {
  /** Every render asked for, in order. */
  requests: [] as { markdown: string; known: string[] }[],
  /** The blocks' HTML for some markdown. */
  pieces: asParagraph as (markdown: string) => string[],
  reset(): void {
    this.requests = [];
    this.pieces = asParagraph;
  },
};

/** Each piece of HTML one block keyed by its HTML, sent unless its key is `known`. */
export function previewBlocks(pieces: readonly string[], known: readonly string[]): PreviewBlock[] {
  const shown = new Set(known);
  return pieces.map((html) => ({ key: html, html: shown.has(html) ? null : html }));
}

export function renderPreview(markdown: string, known: string[]): Promise<PreviewBlock[]> {
  previewWorker.requests.push({ markdown, known });
  return Promise.resolve(previewBlocks(previewWorker.pieces(markdown), known));
}
