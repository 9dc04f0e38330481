// Runs before every test file, inside its worker: a fresh, empty database for this worker, the
// process-wide pool pointed at it, and DATABASE_URL set so that child processes (the CLI) use it too.
import { rmSync } from 'node:fs'
import pg from 'pg'
import { afterAll } from 'vitest'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { quoteIdent } from '../app/modules/db/schema-name'
import { takeTempDirs } from './temp'

const adminUrl = process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test'
const workerId = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '1'
const databaseName = `portal_test_${workerId}`

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
try {
	await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName)} WITH (FORCE)`)
	await admin.query(`CREATE DATABASE ${quoteIdent(databaseName)}`)
} finally {
	await admin.end()
}

const url = new URL(adminUrl)
url.pathname = `/${databaseName}`
process.env.DATABASE_URL = url.toString()
initPool(url.toString(), { max: 4 })

afterAll(async () => {
	await closePool()
	for (const dir of takeTempDirs()) rmSync(dir, { recursive: true, force: true })
})
