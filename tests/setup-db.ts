// Runs before every test file, inside its worker: an empty database for this worker, the
// process-wide pool pointed at it, and DATABASE_URL set so that child processes (the CLI) use it too.
//
// The name is portal_test_<vitest process id>_<VITEST_POOL_ID>: unique per worker, and also per run,
// so two people (or an editor and a terminal) running Vitest at once never drop each other's
// database. The worker's first file creates it; every later file of that worker empties it first
// (every schema dropped, `public` made anew), which leaves it as empty as a new database: only
// what the app creates lives in schemas, and extensions (unaccent) go with their schema. Creating and
// dropping a database per file cost a forced checkpoint each (DROP DATABASE waits for one, flushing
// everything every test wrote to the disk): seconds per file on a busy machine. The run's databases
// are dropped once at its end (tests/global-setup.ts); any left by a killed run are swept once its
// process is gone.
import { rmSync } from 'node:fs'
import pg from 'pg'
import { afterAll } from 'vitest'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { quoteIdent } from '../app/modules/db/schema-name'
import { takeTempDirs } from './temp'
import { TEST_DATABASE_PREFIX } from './test-databases'

// The card gateway simulators run on 127.0.0.1; the tests (and the servers and CLI they start) may
// use them as a town's API URL. A test of the refusal turns this off (allowGatewaySimulators(false)).
process.env.ALLOW_GATEWAY_SIMULATORS ??= 'true'

const adminUrl = process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test'
const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '1'
// Workers are forked by the Vitest process (pool: 'forks'), so the parent pid names this run.
const runId = process.ppid
const databaseName = `${TEST_DATABASE_PREFIX}${runId}_${workerId}`
const url = new URL(adminUrl)
url.pathname = `/${databaseName}`

function isRunning(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
}

async function withClient(connectionString: string, work: (client: pg.Client) => Promise<void>) {
	const client = new pg.Client({ connectionString })
	await client.connect()
	try {
		await work(client)
	} finally {
		await client.end()
	}
}

/** Drops every schema in the worker's database (the app's, pg-boss's, public with its extensions) and makes `public` anew. */
async function emptyDatabase(client: pg.Client) {
	// A process a previous file left behind (a server, a CLI) must not hold locks or write on.
	await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
	const { rows } = await client.query<{ nspname: string }>(
		`SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' ORDER BY nspname`,
	)
	// One statement per schema: a town schema alone takes hundreds of locks.
	for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`)
	// As CREATE DATABASE makes it (PostgreSQL 15): owned by the database owner, usable by everyone.
	await client.query(`CREATE SCHEMA public AUTHORIZATION pg_database_owner`)
	await client.query(`GRANT USAGE ON SCHEMA public TO PUBLIC`)
	await client.query(`COMMENT ON SCHEMA public IS 'standard public schema'`)
}

await withClient(adminUrl, async (admin) => {
	const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^portal_test_[0-9]+_[0-9]+$'`)
	for (const { datname } of rows) {
		const pid = Number(datname.split('_')[2])
		if (pid !== runId && !isRunning(pid)) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => {})
	}
	if (rows.some((row) => row.datname === databaseName)) return
	await admin.query(`CREATE DATABASE ${quoteIdent(databaseName)}`)
	// A test database is thrown away after the run: no commit waits for its WAL to reach the disk
	// (every session on it, the CLI and servers the tests start included). Nothing else changes.
	await admin.query(`ALTER DATABASE ${quoteIdent(databaseName)} SET synchronous_commit = off`)
})
await withClient(url.toString(), emptyDatabase)

process.env.DATABASE_URL = url.toString()
initPool(url.toString(), { max: 4 })

afterAll(async () => {
	await closePool()
	for (const dir of takeTempDirs()) rmSync(dir, { recursive: true, force: true })
})
