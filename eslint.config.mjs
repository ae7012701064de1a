import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Packages import each other by name only, through the `exports` map of their package.json: a
// package's src/ is its own (README "How it works" maps the packages and which way they import).
const PACKAGES = 'core|erpnext-client|shopify-client|simulators|runner|demo';
const PRIVATE_SRC = "Another package's src/ is private: import the package by name ('@shopsync/<package>'); what it offers is what its package.json exports.";
const SRC_BY_NAME = { regex: '^@shopsync/[^/]+/src(/|$)', message: PRIVATE_SRC };
const SRC_BY_PATH = { regex: '(^|/)packages/[^/]+/src(/|$)', message: PRIVATE_SRC };
const SRC_FROM_PACKAGE = { regex: `^(\\.\\./)+(${PACKAGES})/src(/|$)`, message: PRIVATE_SRC };
const ROOT_BY_PATH = { regex: '(^|/)packages/[^/]+/src(/index)?$', message: "Import the package by name ('@shopsync/<package>'), not its src/ folder." };
// cli/ is the top of its package: commands import the layers below, never the other way round.
const CLI_FROM_BELOW = { regex: '^(\\./|(\\.\\./)+)cli(/|$)', message: 'Only bin/ and src/index.ts may import cli/: move what a lower layer needs out of cli/.' };

const restrict = (...patterns) => ['error', { patterns }];

// Imports point down the layers; the test doubles stay out of the production graph.
const DIRECTION = 'Imports point down: core ← erpnext-client, shopify-client ← runner ← demo; the simulators are imported by demo, test/ and scripts/ only (README, How it works).';
const MUST_NOT_IMPORT = {
  core: ['erpnext-client', 'shopify-client', 'simulators', 'runner', 'demo'],
  'erpnext-client': ['shopify-client', 'simulators', 'runner', 'demo'],
  'shopify-client': ['erpnext-client', 'simulators', 'runner', 'demo'],
  simulators: ['core', 'erpnext-client', 'shopify-client', 'runner', 'demo'],
  runner: ['simulators', 'demo'],
};
const direction = Object.entries(MUST_NOT_IMPORT).map(([pkg, above]) => ({
  files: [`packages/${pkg}/**`],
  // A rule of its own (the typescript-eslint twin of no-restricted-imports), so the overrides above do not replace it.
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: `^@shopsync/(${above.join('|')})(/|$)`, message: DIRECTION }] }] },
}));

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', 'frappe_app/**', '**/*.d.ts', 'packages/*/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-restricted-properties': ['error', { object: 'jest', property: 'mock', message: 'Pass a fake port instead of mocking our own modules (STYLE C13).' }],
      'no-restricted-imports': restrict(SRC_BY_NAME, SRC_BY_PATH, SRC_FROM_PACKAGE),
    },
  },
  {
    files: ['packages/*/src/**'],
    ignores: ['packages/*/src/cli/**', 'packages/*/src/index.ts'],
    rules: { 'no-restricted-imports': restrict(SRC_BY_NAME, SRC_BY_PATH, SRC_FROM_PACKAGE, CLI_FROM_BELOW) },
  },
  {
    // Tests reach a package's public API by name like any consumer. A unit test of an internal no
    // package exports (the simulators' money parsing and site index, the runner's reconcile steps)
    // may import that one file by path: exporting it only for the test would widen the package.
    files: ['test/**'],
    rules: { 'no-restricted-imports': restrict(SRC_BY_NAME, ROOT_BY_PATH) },
  },
  ...direction,
);
