// Test environment: jest-dom matchers, cleanup between tests, a fresh IPC mock each time, and
// the few layout APIs jsdom lacks that CodeMirror calls.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/svelte';
import { clearMocks } from '@tauri-apps/api/mocks';
import { afterEach } from 'vitest';

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
