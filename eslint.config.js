// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Modules core/ may never reach: it is pure rules (ARCHITECTURE.md). */
const impureForCore = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
    message: 'core/ does no I/O.',
  },
  { group: ['electron', 'electron/*'], message: 'core/ never imports Electron.' },
  {
    group: ['react', 'react-dom', 'react-dom/*', 'zustand', '@react-pdf/*'],
    message: 'core/ has no UI.',
  },
  {
    group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pg', '@electric-sql/*'],
    message: 'core/ has no database.',
  },
  {
    group: ['**/db/**', '**/electron/**', '**/renderer/**', '**/server/**'],
    message: 'Dependencies point into core, not out of it.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'release/',
      'coverage/',
      'db/migrations/',
      'e2e/screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Tests read untyped JSON (CLI output, HTTP bodies); `any` there is honest.
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The renderer asks the API; it never reaches Node, Electron, SQL or the services.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Loading data when a screen mounts, and object URLs for PDFs, are the
      // external synchronisation effects exist for; this rule flags them all.
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
              message: 'The renderer talks only through the API client.',
            },
            {
              group: ['**/db/**', '**/electron/**', '**/server/**'],
              message: 'The renderer depends on core/ and the API client only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Electronic invoicing runs in the till and on the server alike: plain Node over core/.
    files: ['fiscal/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'pg', 'react'],
              message: 'fiscal/ builds, signs and sends documents; storage belongs to its callers.',
            },
            {
              group: ['**/db/**', '**/electron/**', '**/renderer/**', '**/server/**'],
              message: 'fiscal/ depends on core/ only (ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: impureForCore }],
    },
  },
);
