// ESLint gate for server/, web/, test/ and sample-data/ (run: `npm run lint`, part of `npm run check`).
// The rule set is the one that finds real faults in this code base without hundreds of hand edits:
// the recommended sets of ESLint, typescript-eslint and eslint-plugin-svelte, the promise rules that
// need type information (a forgotten `await` in a Hono route or an ingest step loses errors), and
// `import-x/no-cycle` (an import cycle makes module start-up order matter). Formatting is Prettier's
// job (svelte.configs.prettier turns off the rules that would fight it).
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'web/dist/**',
      'dist/**',
      'data/**',
      'test-output/**',
      '.scratch/**',
      'node_modules/**',
      'test/house/fixtures/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
  },
  {
    // Type information for the promise rules below; one TypeScript program per tsconfig.json.
    files: ['**/*.ts', '**/*.svelte'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['**/*.ts', '**/*.svelte', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: {
      // Without the parsers, import-x cannot read a .ts or .svelte dependency and no-cycle sees nothing;
      // .js is named too, else a .js file imported from a component is handed to the Svelte parser.
      'import-x/extensions': ['.ts', '.js', '.svelte'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js', '.mjs'], 'svelte-eslint-parser': ['.svelte'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.svelte', '.json'] })],
    },
    rules: {
      // Packages cannot import our files back, so a cycle never runs through node_modules.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-duplicates': 'error',
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests poke at JSON bodies and private shapes; `any` there costs nothing and reads plainly.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
