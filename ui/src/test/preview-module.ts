// The live preview's WebAssembly module, as `npm test` builds it first
// (scripts/build-preview-wasm.sh), for the tests of its loader and of the module itself: Vite
// inlines it as a data URL, decoded here to its bytes.
import wasmDataUrl from '../lib/generated/preview.wasm?inline';

/** The module's bytes. */
export const previewModuleBytes = Uint8Array.from(atob(wasmDataUrl.slice(wasmDataUrl.indexOf(',') + 1)), (c) =>
  c.charCodeAt(0),
);
