// The house rules, checked by `npm run lint`. Where code runs decides what it may import (the layers
// below, after VS Code's code-layering rule); typescript-eslint's type-aware rules catch the promise
// and `any` mistakes the compiler lets through.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const here = import.meta.dirname;

/** Packages that need Node or Electron: none of them may reach a browser window. */
const NODE_ONLY_PACKAGES = [
  'electron',
  'better-sqlite3',
  'drizzle-orm',
  'winston',
  'winston-daily-rotate-file',
  'conf',
  'electron-store',
  'node-thermal-printer',
  'exceljs',
  'docx',
  'iconv-lite',
  'proper-lockfile',
  'selfsigned',
  'sirv',
  'commander',
];
const nodeOnlyPatterns = NODE_ONLY_PACKAGES.map((name) => ({
  regex: `^${name.replace(/\./g, '\\.')}(/.*)?$`,
  message: `${name} needs Node: it cannot run in a browser window.`,
}));

const ELECTRON_ONLY_IN_SHELL = {
  regex: '^electron(/.*)?$',
  message: "Only electron/main and electron/preload import 'electron': everything else must run under plain Node and in tests.",
};

export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'tests/artifacts/',
      'db/migrations/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'renderer/vite.config.ts'] },
        tsconfigRootDir: here,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x reads only the files these settings name: without them it parses no .ts file and finds no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters are the house way to say "required by the signature, not used here".
      // Every function here that is `async` without `await` is one that must return a promise by contract (antd
      // form validators, injected async dependencies in tests): `async` turns its `throw` into the rejection the
      // caller expects, which is the point. The rule found nothing else.
      '@typescript-eslint/require-await': 'off',
      // React ignores what an event handler returns; the async handlers of the pages report their own errors
      // (useCaseMutation, message.error). Promises passed where a plain callback is expected are still checked.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // U+3000 (the ideographic space) is Chinese typography in the text users see (CLI lines, labels); other
      // irregular whitespace is still reported, and everywhere in code outside strings, templates and JSX text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  // Plain JavaScript (this file): Node globals, no type information to lint with.
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // Tests: vitest's asymmetric matchers (expect.any, expect.stringContaining, …) are typed `any`, and putting
  // them inside expected objects is their purpose: each of this rule's findings in tests/ was one of them.
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  // The end-to-end page objects pass callbacks to page.evaluate(), which run inside Chromium: their DOM values
  // have no types in the Node project (tsconfig.json has no DOM lib, so that the backend cannot use `window`).
  {
    files: ['tests/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },

  // ---- Cycles: an import cycle in the renderer or the backend makes load order matter. -----------------
  {
    files: ['renderer/src/**/*.{ts,tsx}', 'electron/**/*.ts', 'db/**/*.ts'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },

  // ---- React: the hooks rules in the renderer. -----------------------------------------------------------
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: globals.browser },
  },

  // ---- Layers ------------------------------------------------------------------------------------------
  // The renderer runs in a browser window: no Node, no Electron, no database, and of our own code only
  // electron/common (the contract and the pure domain rules).
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: nodeOnlyPatterns }],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: here,
          zones: [
            {
              target: './renderer',
              from: './electron',
              except: ['./common'],
              message: 'The renderer reaches the backend only through call(op, input); of electron/ it may import electron/common.',
            },
            { target: './renderer', from: './db', message: 'The renderer has no database: it calls the API.' },
          ],
        },
      ],
    },
  },
  // electron/common is imported by the renderer and by the backend: zod, dayjs and itself only. dayjs is
  // allowed because it is the date library of both halves (antd's too) and pure JavaScript.
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'import-x/no-nodejs-modules': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|zod/|dayjs$|dayjs/|\\.)',
              message: 'electron/common is shared with the renderer: it may import zod, dayjs and itself only.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: here,
          zones: [
            { target: './electron/common', from: './electron', except: ['./common'], message: 'electron/common may import only itself.' },
            { target: './electron/common', from: './db', message: 'electron/common may import only itself: no database in shared code.' },
            { target: './electron/common', from: './renderer', message: 'electron/common may import only itself.' },
          ],
        },
      ],
    },
  },
  // Everything outside the Electron shell runs under plain Node and in tests: no 'electron'.
  {
    files: ['electron/**/*.ts', 'db/**/*.ts', 'tests/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**', 'electron/common/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [ELECTRON_ONLY_IN_SHELL] }],
    },
  },
  // The services take their dependencies as arguments: they never reach into the Electron shell.
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: here,
          zones: [
            {
              target: './electron/services',
              from: './electron/main',
              message: 'Services run under plain Node: the Electron shell passes them what they need.',
            },
            {
              target: './electron/services',
              from: './electron/preload',
              message: 'Services run under plain Node: the Electron shell passes them what they need.',
            },
          ],
        },
      ],
    },
  },
);
