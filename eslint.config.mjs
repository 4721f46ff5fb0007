// One lint for the whole repository: typescript-eslint everywhere, the Lit and web-component
// rules on the browser code.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'coverage/', 'reports/', '.stryker-tmp*/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/server/**'],
    ...wc.configs['flat/recommended'],
  },
  {
    // A folder is a room (design.md): core and protocol know nothing of the views or the hub.
    files: ['src/core/**/*.ts', 'src/protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/widget/**', '**/console/**', '**/ui/**', '**/server/**', 'lit', 'lit/*'] },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/widget/**', '**/console/**', '**/ui/**', '**/core/**', '**/i18n/**'] },
      ],
    },
  },
  {
    files: ['test/browser/**/*.ts'],
    languageOptions: { globals: globals.mocha },
  },
  {
    // Every test and hook has a time limit (test/support/node-test.ts): a regression fails,
    // named, instead of hanging its file.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/browser/**', 'test/support/node-test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'node:test',
              message:
                'Import tests and hooks from test/support/node-test.ts: they have a time limit.',
            },
          ],
        },
      ],
    },
  },
);
