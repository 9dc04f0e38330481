import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { PORT } from './e2e/urls'

// Debian's chromium package (its path from `which chromium`), never a downloaded browser: the machines that run the tests have no browser downloads.
function findChromium() {
	try {
		const found = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim()
		if (found) return found
	} catch {
		// `which` exits 1 when nothing is found; fall through to the package's usual path.
	}
	return '/usr/bin/chromium'
}

const isCI = Boolean(process.env.CI)
const executablePath = findChromium()
if (!existsSync(executablePath)) {
	throw new Error(`No Chromium at ${executablePath}: install Debian's package (apt-get install chromium); never run \`npx playwright install\`.`)
}

export default defineConfig({
	testDir: 'e2e',
	fullyParallel: true,
	forbidOnly: isCI,
	retries: isCI ? 1 : 0,
	// A 2-core machine: one core for the browser, one for the app and Postgres.
	workers: 2,
	reporter: 'list',
	// Per test; journeys through NIA, 2FA and several axe checks mark themselves test.slow() (x3). The
	// plain page tests take 2–16 s here while the other worker runs a long journey beside them; a NIA
	// login with axe on each page takes 20–30 s when the machine is busy, so the limit is 60 s (a limit
	// costs nothing while tests pass).
	timeout: 60_000,
	expect: { timeout: 5_000 },
	use: {
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		locale: 'cs-CZ',
		timezoneId: 'Europe/Prague',
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath,
					args: [
						'--no-sandbox',
						'--disable-gpu',
						'--disable-background-networking',
						'--disable-component-update',
						'--disable-sync',
						'--no-first-run',
						'--disable-quic',
					],
				},
			},
		},
	],
	webServer: {
		// Fresh database portal_e2e, then `node build/server/index.js --demo` (migrates, applies tenants/).
		command: 'npx tsx e2e/start-server.ts',
		url: `http://127.0.0.1:${PORT}/readyz`,
		env: { E2E_PORT: String(PORT) },
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
	},
})
