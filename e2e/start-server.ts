// Playwright's webServer: a fresh `portal_e2e` database on every run, then the BUILT app in demo
// mode (it migrates the empty database and applies the demo towns from tenants/).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import pg from 'pg'
import { SERVER_NODE_FLAGS } from '../scripts/built-server'
import { resetBoardClock, TEST_CLOCK_FILE } from './test-clock'

const SERVER_ENTRY = 'build/server/index.js'
const DATABASE = process.env.E2E_DATABASE ?? 'portal_e2e'
const port = process.env.E2E_PORT ?? '3100'
const adminUrl = process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test'

if (!existsSync(SERVER_ENTRY) || !existsSync('build/index.js')) {
	console.error(`e2e: ${SERVER_ENTRY} or build/index.js is missing. Run \`npm run build\` before \`playwright test\` (\`npm test\` does both).`)
	process.exit(1)
}

const admin = new pg.Client({ connectionString: adminUrl })
try {
	await admin.connect()
	await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`)
	await admin.query(`CREATE DATABASE ${DATABASE}`)
	// Thrown away after the run: no commit waits for its WAL to reach the disk.
	await admin.query(`ALTER DATABASE ${DATABASE} SET synchronous_commit = off`)
} catch (error) {
	console.error(`e2e: cannot (re)create database ${DATABASE} through ${adminUrl.replace(/:[^:@/]*@/, ':***@')}: ${(error as Error).message}`)
	process.exit(1)
} finally {
	await admin.end().catch(() => {})
}

const databaseUrl = new URL(adminUrl)
databaseUrl.pathname = `/${DATABASE}`

// The board's clock starts real; e2e/official-board.spec.ts moves it (decision 015).
resetBoardClock()
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_ENTRY, '--demo'], {
	stdio: 'inherit',
	env: {
		...process.env,
		DATABASE_URL: databaseUrl.toString(),
		PORT: port,
		HOST: '127.0.0.1',
		NODE_ENV: 'test',
		LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
		PLATFORM_HOST: 'admin.localhost',
		PORTAL_TEST_CLOCK_FILE: TEST_CLOCK_FILE,
	},
})
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
