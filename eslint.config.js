// ESLint flat config: typescript-eslint's recommended rules everywhere, React hooks rules
// in the renderer, and the dependency arrows of DESIGN.md enforced with import bans.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Folder bans match relative imports only ('../core/x'), so that package paths such as
// '@mantine/core/styles.css' are not caught by a folder named like one of ours.
const banned = (patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((p) => ({
        group: p.startsWith('**/') ? ['../', '../../', '../../../', '../../../../'].map((up) => `${up}${p.slice(3)}`) : [p],
        message,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'bench/data/', '.electron-native/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Table returns fresh functions by design; the compiler just skips that component.
      'react-hooks/incompatible-library': 'off',
      ...banned(['**/core/**', '**/electron/**', '**/server/**', 'node:*'], 'The renderer knows only shared/ (DESIGN.md).'),
    },
  },
  { files: ['shared/**/*.ts'], rules: banned(['**/core/**', '**/electron/**', '**/server/**', '**/renderer/**'], 'shared/ depends on nothing.') },
  { files: ['core/**/*.ts'], rules: banned(['electron', '**/electron/**', '**/renderer/**', '**/server/**'], 'core/ never imports electron, renderer or server.') },
  { files: ['server/**/*.ts'], rules: banned(['**/core/**', '**/electron/**', '**/renderer/**'], 'server/ depends only on shared/.') },
);
