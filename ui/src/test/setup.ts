// Test environment: jest-dom matchers, cleanup between tests, a fresh IPC mock each time, the
// preview rendered through that mock, and the few layout APIs jsdom lacks that CodeMirror calls.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach, vi } from 'vitest';

// Component tests render the preview through the app's stand-ins (test/backend's render_preview),
// so each can say what HTML it shows; the page's WebAssembly renderer has its own tests
// (lib/preview-wasm.test.ts, lib/preview-renderer.test.ts).
vi.mock('../lib/preview-renderer', () => ({
  loadInPageRenderer: () => Promise.resolve(),
  renderInPage: vi.fn(() => null),
}));

const emptyRects = (): DOMRectList => {
  const list: DOMRect[] = [];
  return Object.assign(list, { item: (i: number) => list[i] ?? null }) as unknown as DOMRectList;
};
Range.prototype.getClientRects = emptyRects;
Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);
if (!document.elementFromPoint) document.elementFromPoint = () => null;

afterEach(async () => {
  cleanup();
  // Components stop their event listeners asynchronously; let them before the mock goes.
  await new Promise((resolve) => setTimeout(resolve, 0));
  clearMocks();
});
