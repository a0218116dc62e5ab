// The live preview's renderer in the page: the app's own markdown renderer and sanitizer
// (crates/markdown-preview, pulldown-cmark + ammonia), compiled to WebAssembly
// (crates/preview-wasm). Its interface is numbers over the module's memory: the request is
// written where `input_buffer` says, `render` runs, the JSON answer is read back.
import type { PreviewBlock } from './bindings/PreviewBlock';

interface PreviewExports {
  memory: WebAssembly.Memory;
  input_buffer(len: number): number;
  render(): number;
  output_ptr(): number;
  output_len(): number;
}

/** Renders markdown into its blocks, leaving out the HTML of the blocks whose keys are `known`. */
export type RenderBlocks = (markdown: string, known: readonly string[]) => PreviewBlock[];

/** Instantiates the module's bytes and returns its render function. */
export async function loadPreviewRenderer(bytes: BufferSource): Promise<RenderBlocks> {
  const { instance } = await WebAssembly.instantiate(bytes);
  const wasm = instance.exports as unknown as PreviewExports;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return (markdown, known) => {
    // The markdown, a NUL, then the keys one per line (keys are hex: never a NUL or a newline).
    const request = encoder.encode(`${markdown.replaceAll('\0', '\uFFFD')}\0${known.join('\n')}`);
    const at = wasm.input_buffer(request.length);
    new Uint8Array(wasm.memory.buffer, at, request.length).set(request);
    if (wasm.render() !== 0) throw new Error('The preview could not read this text.');
    const answer = new Uint8Array(wasm.memory.buffer, wasm.output_ptr(), wasm.output_len());
    return JSON.parse(decoder.decode(answer)) as PreviewBlock[];
  };
}
