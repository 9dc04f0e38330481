// Vitest's global setup, in the main Vitest process: when the run ends, its per-worker databases
// (tests/setup-db.ts keeps one per worker for the whole run) are dropped, each DROP DATABASE paying
// its forced checkpoint once per run instead of once per test file.
import pg from 'pg'
import { quoteIdent } from '../app/modules/db/schema-name'
import { TEST_DATABASE_PREFIX } from './test-databases'

export default function setup() {
	return async function teardown() {
		const admin = new pg.Client({ connectionString: process.env.DATABASE_URL_TEST ?? 'postgresql://postgres@127.0.0.1:5432/test' })
		await admin.connect()
		try {
			// The workers are forked by this process: their databases carry its pid.
			const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
				`${TEST_DATABASE_PREFIX}${process.pid}_`,
			])
			for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`)
		} finally {
			await admin.end()
		}
	}
}
