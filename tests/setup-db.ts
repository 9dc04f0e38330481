// Runs before every test file, inside its worker: a fresh, empty database for this worker, the
// process-wide pool pointed at it, and DATABASE_URL set so that child processes (the CLI) use it too.
//
// The name is portal_test_<vitest process id>_<VITEST_POOL_ID>: unique per worker, and also per run,
// so two people (or an editor and a terminal) running Vitest at once never drop each other's
// database. It is dropped after each test file; any left by a killed run are swept once its process is gone.
import { rmSync } from 'node:fs'
import pg from 'pg'
import { afterAll } from 'vitest'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { quoteIdent } from '../app/modules/db/schema-name'
import { takeTempDirs } from './temp'

// The card gateway simulators run on 127.0.0.1; the tests (and the servers and CLI they start) may
// use them as a town's API URL. A test of the refusal turns this off (allowGatewaySimulators(false)).
process.env.ALLOW_GATEWAY_SIMULATORS ??= 'true'

const adminUrl = process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test'
const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '1'
// Workers are forked by the Vitest process (pool: 'forks'), so the parent pid names this run.
const runId = process.ppid
const databaseName = `portal_test_${runId}_${workerId}`

function isRunning(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

async function withAdmin(work: (admin: pg.Client) => Promise<void>) {
	const admin = new pg.Client({ connectionString: adminUrl })
	await admin.connect()
	try {
		await work(admin)
	} finally {
		await admin.end()
	}
}

await withAdmin(async (admin) => {
	const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^portal_test_[0-9]+_[0-9]+$'`)
	for (const { datname } of rows) {
		const pid = Number(datname.split('_')[2])
		if (pid !== runId && !isRunning(pid)) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => {})
	}
	await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`)
	await admin.query(`CREATE DATABASE ${quoteIdent(databaseName)}`)
	// A test database is thrown away after its file: no commit waits for its WAL to reach the disk
	// (every session on it, the CLI and servers the tests start included). Nothing else changes.
	await admin.query(`ALTER DATABASE ${quoteIdent(databaseName)} SET synchronous_commit = off`)
})

const url = new URL(adminUrl)
url.pathname = `/${databaseName}`
process.env.DATABASE_URL = url.toString()
initPool(url.toString(), { max: 4 })

afterAll(async () => {
	await closePool()
	await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`).then(() => {}))
	for (const dir of takeTempDirs()) rmSync(dir, { recursive: true, force: true })
})
