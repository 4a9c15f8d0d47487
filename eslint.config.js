// Lint rules that keep the layers apart (see CONVENTIONS.md): code that can run anywhere never
// imports what can only run in one place, and raw IPC stays inside the two files that own it.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = { name: 'electron', message: 'Only src/main and src/preload may import electron.' };
const noNode = { group: ['node:*'], message: 'The renderer and src/shared run in a browser: no Node modules.' };
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Bind IPC only in src/main/ipc.ts (main) and src/preload (renderer side).',
};
const noTestHelpers = {
  group: ['**/testing', '**/testing/*', '**/fixtures/*'],
  message: 'Test helpers and fixtures are for tests only: production code never imports them.',
};
const testFiles = ['**/*.test.ts', '**/*.test.tsx', 'src/core/testing/**', 'src/renderer/src/testing/**', 'src/web/testing.ts', 'e2e/**/*.ts'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode] }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/web/**/*.ts', 'src/cli/**/*.ts', 'scripts/**/*'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noTestHelpers] }] },
  },
  {
    files: testFiles,
    ignores: ['src/renderer/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    // Playwright fixtures declare "no dependencies" with an empty destructuring pattern.
    files: ['e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/ipc.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noRawIpc] }] },
  },
);
