import js from '@eslint/js'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import path from 'node:path'
import tseslint from 'typescript-eslint'

// Code that may talk to the simulators in simulators/: tests, test helpers, scripts, the demo wiring
// (server/demo-*.ts) and the simulators themselves. Production code (app/, server/, the entry points) may not.
const SIMULATOR_USERS = [
	'**/*.test.ts',
	'**/*.test.tsx',
	'**/*-test-fixture.ts',
	'**/test-support/**',
	'tests/**',
	'scripts/**',
	'e2e/**',
	'simulators/**',
	'server/demo-*.ts',
]

export default tseslint.config(
	{
		ignores: [
			'build/**',
			'public/build/**',
			'scripts/bench-reference/build/**',
			'app/generated/**',
			'node_modules/**',
			'.data/**',
			'.cache/**',
			'playwright-report/**',
			'test-results/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx,js,mjs}'],
		languageOptions: { globals: { ...globals.node, ...globals.browser } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-console': 'off',
		},
	},
	{
		// Import cycles: a module that needs another's work depends on its contract, never on a loop back
		// (docs/decisions/018). Resolved like TypeScript resolves them (extension-less, `~/` = app/).
		files: ['**/*.{ts,tsx,js,mjs}'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
			'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
			'import-x/resolver-next': [
				createNodeResolver({
					extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
					alias: { '~': [path.resolve(import.meta.dirname, 'app')] },
				}),
			],
		},
		rules: {
			'import-x/no-cycle': ['error', { ignoreExternal: true }],
		},
	},
	{
		files: ['app/**/*.{ts,tsx}', 'server/**/*.ts', 'server.ts', 'worker.ts'],
		ignores: SIMULATOR_USERS,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [{ regex: '(^|/)simulators/', message: 'Production code must not import the simulators (only tests, scripts and server/demo-*.ts may).' }],
				},
			],
		},
	},
	{
		// Type-aware: a promise nobody awaits loses its errors (an unhandled rejection ends the process).
		files: ['**/*.{ts,tsx}'],
		languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
		},
	},
	{
		files: ['app/**/*.tsx'],
		plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
		settings: { react: { version: '18' } },
		rules: {
			...react.configs.recommended.rules,
			...react.configs['jsx-runtime'].rules,
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'warn',
			...jsxA11y.configs.recommended.rules,
			'react/no-danger': 'off',
		},
	},
)
