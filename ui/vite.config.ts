/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The Tauri shell loads ui/dist (see tauri.conf.json); the dev server runs on a fixed port.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The preview's tests read the hostile-markdown corpus the Rust tests share.
    fs: { allow: ['.', '../crates/studio/tests/data'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Every script stays an external file: the CSP forbids inline scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // One local bundle (no network in a desktop app); CodeMirror alone is most of it.
    chunkSizeWarningLimit: 1000,
  },
  // Tests run Svelte's client build (the one the webview runs), not its server build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : {},
  // The preview renderer's test reads the WebAssembly module as a data URL (`?inline`).
  assetsInclude: mode === 'test' ? ['**/*.wasm'] : [],
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
    // Component tests type and click through jsdom; on a shared 2-core machine under load a
    // few take longer than vitest's 5 s default without anything being wrong.
    testTimeout: 20_000,
  },
}));
