import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in Node and in every extension context: no DOM-only or extension imports.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['wxt/*', 'webextension-polyfill', '**/page/**', '**/sites/**', '**/rule-compiler/**'] }],
    },
  },
  {
    // Solid pages: text children are text nodes; innerHTML would let message text become markup.
    files: ['**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='innerHTML']", message: 'Never render text as HTML: use text children.' }],
    },
  },
);
