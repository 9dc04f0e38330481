import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Unit and integration tests run against a real Postgres: tests/setup-db.ts gives every worker its
// own database (portal_test_<run>_<pool id>), emptied before each test file and dropped when the run
// ends (tests/global-setup.ts). Playwright's e2e/ is separate.
export default defineConfig({
	// Server modules reach components (e.g. the submission PDF uses the review list) through the ~ alias.
	resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
	test: {
		include: ['app/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'simulators/**/*.test.ts'],
		exclude: ['e2e/**', '**/node_modules/**', 'build/**'],
		setupFiles: ['tests/setup-db.ts'],
		globalSetup: ['tests/global-setup.ts'],
		environment: 'node',
		pool: 'forks',
		// Postgres does much of the work; two workers keep a 2-core machine busy without thrashing.
		maxWorkers: 2,
		testTimeout: 20_000,
		hookTimeout: 30_000,
	},
})
