// Where the live preview is rendered. The app's own renderer and sanitizer (crates/markdown-preview),
// compiled to WebAssembly (lib/preview-wasm), renders in the page itself, in the keystroke's own
// task, so the frame that shows a keystroke shows its preview too: no round trip to the app can
// land after that frame. Until the module has loaded, if it cannot load or ever fails, and for a
// text long enough that rendering it at once would hold up typing, the app renders it through IPC
// (`render_preview`, the same renderer natively), as the caller's fallback.
import wasmUrl from './generated/preview.wasm?url';
import type { PreviewBlock } from './bindings/PreviewBlock';
import { stage } from './keystroke-profile';
import { loadPreviewRenderer, type RenderBlocks } from './preview-wasm';

/** Texts up to this many UTF-16 units render in the page (a 100 KB training renders there in a
 * few ms; past this the app renders them without holding up typing). */
export const IN_PAGE_LIMIT = 256 * 1024;

let renderer: RenderBlocks | null = null;
let loading: Promise<void> | null = null;

/** Loads the module once, in the background; until then (or if it fails) `renderInPage` answers
 * null and the preview renders through the app. */
export function loadInPageRenderer(): Promise<void> {
  loading ??= fetch(wasmUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.arrayBuffer();
    })
    .then(loadPreviewRenderer)
    .then((render) => {
      renderer = render;
    })
    .catch((error: unknown) => {
      console.warn('The preview renders through the app: its in-page renderer did not load.', error);
    });
  return loading;
}

/** The blocks of `markdown` rendered in the page now (HTML only for blocks whose keys are not
 * `known`), or null when the page cannot render it at once and the app must. */
export function renderInPage(markdown: string, known: readonly string[]): PreviewBlock[] | null {
  if (!renderer || markdown.length > IN_PAGE_LIMIT) return null;
  try {
    const render = renderer;
    return stage('preview: render in the page', () => render(markdown, known));
  } catch (error) {
    // A trap leaves the module's state unknown: the app renders from now on.
    renderer = null;
    console.warn('The preview renders through the app: its in-page renderer failed.', error);
    return null;
  }
}
