// The preview's worker: renders markdown with the WebAssembly renderer (lib/preview-wasm) off the
// page's thread, so typing never waits for a render and a render never waits for the app's IPC.
// Each request is answered with the same id: its blocks, or the error's message.
import wasmUrl from './generated/preview.wasm?url';
import { loadPreviewRenderer } from './preview-wasm';
import type { PreviewRequest, PreviewReply } from './preview-renderer';

const renderer = fetch(wasmUrl)
  .then((response) => response.arrayBuffer())
  .then((bytes) => loadPreviewRenderer(bytes));

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PreviewRequest>) => void) | null;
  postMessage(reply: PreviewReply): void;
};

scope.onmessage = ({ data: { id, markdown, known } }) => {
  renderer
    .then((render) => scope.postMessage({ id, blocks: render(markdown, known) }))
    .catch((error: unknown) =>
      scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
    );
};
