import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  // e2e/ is its own package (WebdriverIO, Node), with its own tooling.
  { ignores: ['dist/', 'node_modules/', 'e2e/', 'src/lib/bindings/'] },
  js.configs.recommended,
  ...ts.configs.strict,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // The only {@html} is backend-sanitized preview HTML (ammonia in Rust).
      'svelte/no-at-html-tags': 'off',
    },
  },
  {
    files: ['src/lib/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/lib/ipc.ts', '**/*.test.ts', 'src/test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@tauri-apps/api/core', message: 'Call the backend through src/lib/ipc.ts only.' },
            { name: '@tauri-apps/api/event', message: 'Listen to events through src/lib/ipc.ts only.' },
          ],
        },
      ],
    },
  },
);
