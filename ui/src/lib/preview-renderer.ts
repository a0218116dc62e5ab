// The page's side of the preview worker (lib/preview-worker): one worker, started with the first
// render; each render is a request with an id, answered by its blocks or rejected with the
// worker's error.
import type { PreviewBlock } from './bindings/PreviewBlock';

export interface PreviewRequest {
  id: number;
  markdown: string;
  known: string[];
}

export type PreviewReply = { id: number; blocks: PreviewBlock[] } | { id: number; error: string };

interface Waiting {
  resolve: (blocks: PreviewBlock[]) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 1;

function started(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<PreviewReply>) => {
    const request = waiting.get(data.id);
    if (!request) return;
    waiting.delete(data.id);
    if ('blocks' in data) request.resolve(data.blocks);
    else request.reject(new Error(data.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(event.message || 'The preview stopped working.');
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  };
  return worker;
}

/** The blocks of `markdown`, with HTML only for blocks whose keys are not in `known`. */
export function renderPreview(markdown: string, known: string[]): Promise<PreviewBlock[]> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    started().postMessage({ id, markdown, known } satisfies PreviewRequest);
  });
}
