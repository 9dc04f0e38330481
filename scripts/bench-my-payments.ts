// npm run bench:platby: the citizen's "Moje platby" page with 50 claims, over real HTTP against the
// BUILT app (issue 4 target: p99 under 50 ms on this machine).
//
// Scratch database -> Veselí from its blueprint (demo residents) -> 20,000 other residents with claims
// (so the indexes matter) -> Jana with 50 claims (own and represented) -> a citizen session made
// directly in the database -> the built server -> autocannon GET /platby, one connection (a single
// citizen's latency) and ten -> a table on stdout -> server stopped, database dropped.
import autocannon from 'autocannon'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { HOST, seed } from './bench-my-payments-seed'
import { createScratchDatabase, ensureBuild, findFreePort, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const DURATION_S = Math.min(30, Math.max(1, Number(process.env.BENCH_DURATION ?? 10) || 10))

async function main() {
	await ensureBuild()
	const database = await createScratchDatabase(uniqueDatabaseName('portal_bench_platby'))
	let server: ServerProcess | undefined
	try {
		initPool(database.url, { max: 4 })
		const { cookie, visible } = await seed()
		const port = await findFreePort()
		// Production mode, as bench.ts runs it: React's production build, secure (__Host-) cookies.
		server = await startServer({
			port,
			env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}` },
		})
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 30_000, what: 'readyz 200' })
		const page = await get(port, { host: HOST, path: '/platby', headers: { cookie } })
		const rows = page.body.match(/data-testid="claim-row"/g)?.length ?? 0
		if (page.status !== 200 || rows !== 50) throw new Error(`/platby answered ${page.status} with ${rows} claim rows (expected 200 and 50)`)
		console.log(`Jana sees ${visible} claims; /platby shows ${rows} rows. ${DURATION_S} s per scenario after a 2 s warm-up.`)
		const rowsOut = []
		// /profil is the baseline: a citizen page with one small query of its own.
		for (const [pagePath, connections] of [
			['/platby', 1],
			['/platby.data', 1],
			['/profil', 1],
			['/profil.data', 1],
		] as const) {
			const options = { url: `http://127.0.0.1:${port}${pagePath}`, headers: { host: HOST, cookie }, connections, timeout: 10 }
			await autocannon({ ...options, duration: 2 })
			const result = await autocannon({ ...options, duration: DURATION_S })
			rowsOut.push({
				scenario: `${pagePath}, ${connections} connection(s)`,
				'req/s': Math.round(result.requests.average),
				'p50 ms': result.latency.p50,
				'p99 ms': result.latency.p99,
				non2xx: result.non2xx,
				errors: result.errors,
			})
		}
		console.table(rowsOut)
	} finally {
		if (server?.isRunning()) await server.stop('SIGTERM')
		await closePool().catch(() => {})
		await database.drop()
	}
}

await main()
