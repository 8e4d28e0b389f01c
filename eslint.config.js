// @ts-check
// Lint enforces the dependency direction of docs in README ("Architecture"):
// shared <- app/db, app/sync <- app/state <- features <- main; server and sw never import app.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const crossRuntime = (/** @type {string[]} */ ...folders) =>
  folders.map((folder) => ({
    group: [`**/${folder}/**`, `**/${folder}`],
    message: `This runtime may not import src/${folder}: move shared logic to src/shared.`,
  }));

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'bench/out/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$)|\\.{1,2}/)',
              message: 'src/shared is pure: it imports only zod and itself.',
            },
            ...crossRuntime('app', 'server', 'sw'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/db/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/app/db imports Dexie; use a repository.' }],
          patterns: [
            ...crossRuntime('server', 'sw'),
            {
              group: ['**/db/database', '**/db/database.ts'],
              message: 'The UI reads repositories and signals, never tables.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Generic UI has no storage.' }],
          patterns: [
            ...crossRuntime('server', 'sw'),
            {
              group: ['**/db/**', '**/shared/domain/**', '**/features/**'],
              message: 'src/app/ui holds generic components: no domain, db or feature imports.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/db/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [...crossRuntime('server', 'sw', 'features', 'ui', 'state')],
        },
      ],
    },
  },
  {
    files: ['src/sw/**/*.ts'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['dexie', 'preact'], patterns: crossRuntime('app', 'server') },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['dexie', 'preact'], patterns: crossRuntime('app', 'sw') },
      ],
    },
  },
  {
    files: ['test/e2e/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
);
