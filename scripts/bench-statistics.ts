// npm run bench:statistiky: /urad/statistiky over real HTTP against the BUILT app, for a signed-in
// admin, with 20,000 residents, 100,000 claims, 50,000 payments and 20,000 submissions (issue 17
// target: p99 under 300 ms). The page reads only the summary table (decision 017).
//
// Scratch database -> Veselí + the data (scripts/bench-statistics-seed.ts) -> one statistics refresh
// (timed) -> the built server -> autocannon, one connection: /urad/statistiky and, as the reference
// measured in the same run, /urad (the office home page, a light page behind the same guards) ->
// a table with p99 and the ratio -> server stopped, database dropped. The machine is shared: short runs.
import autocannon from 'autocannon'
import { closePool, initPool } from '../app/modules/db/pool.server'
import { HOST, seed } from './bench-statistics-seed'
import { createScratchDatabase, ensureBuild, findFreePort, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const DURATION_S = Math.min(30, Math.max(1, Number(process.env.BENCH_DURATION ?? 5) || 5))

async function main() {
	await ensureBuild()
	const database = await createScratchDatabase(uniqueDatabaseName('portal_bench_statistiky'))
	let server: ServerProcess | undefined
	try {
		initPool(database.url, { max: 4 })
		const seeded = await seed()
		console.log(`Data: ${JSON.stringify(seeded.counts)}; statistics refresh took ${seeded.refreshMs} ms for ${seeded.summaryRows} summary rows.`)
		const port = await findFreePort()
		server = await startServer({
			port,
			env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}` },
		})
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 30_000, what: 'readyz 200' })
		const page = await get(port, { host: HOST, path: '/urad/statistiky', headers: { cookie: seeded.cookie } })
		const charts = page.body.match(/data-testid="statistics-chart"/g)?.length ?? 0
		if (page.status !== 200 || charts < 10) throw new Error(`/urad/statistiky answered ${page.status} with ${charts} charts (expected 200 and 10)`)
		const rows = []
		for (const pagePath of ['/urad/statistiky', '/urad']) {
			const options = { url: `http://127.0.0.1:${port}${pagePath}`, headers: { host: HOST, cookie: seeded.cookie }, connections: 1, timeout: 10 }
			await autocannon({ ...options, duration: 1 })
			const result = await autocannon({ ...options, duration: DURATION_S })
			rows.push({
				page: pagePath,
				'req/s': Math.round(result.requests.average),
				'p50 ms': result.latency.p50,
				'p99 ms': result.latency.p99,
				non2xx: result.non2xx,
				errors: result.errors,
			})
		}
		console.table(rows)
		const [statistics, reference] = rows
		console.log(
			`/urad/statistiky p99 ${statistics!['p99 ms']} ms (target < 300 ms); ${(statistics!['p99 ms'] / Math.max(1, reference!['p99 ms'])).toFixed(2)}× the p99 of /urad measured in the same run.`,
		)
	} finally {
		if (server?.isRunning()) await server.stop('SIGTERM')
		await closePool().catch(() => {})
		await database.drop()
	}
}

await main()
