// npm run bench: load-tests the BUILT app on 127.0.0.1 with autocannon.
//
// Fresh database portal_bench -> `node build/server/index.js --demo` (LOG_LEVEL=warn) -> 200 extra
// towns created from tenants/_template the way an operator does (loadBlueprint + applyBlueprint),
// timed -> autocannon scenarios -> a table on stdout and in .cache/bench-results.json -> server
// stopped, database dropped. Bounded: BENCH_CONNECTIONS (1-50, default 25) connections for
// BENCH_DURATION (1-30, default 10) seconds per scenario, after a 2 s unmeasured warm-up.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { parse, stringify } from 'yaml'
import { closePool, getPool, initPool } from '../app/modules/db/pool.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { createScratchDatabase, ensureBuild, get, REPO_ROOT, startServer, waitFor, type ServerProcess } from './built-server'

const TOWN_COUNT = 200
const clamp = (value: number, min: number, max: number, fallback: number) => (Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback)
const CONNECTIONS = clamp(Number(process.env.BENCH_CONNECTIONS ?? 25), 1, 50, 25)
const DURATION_S = clamp(Number(process.env.BENCH_DURATION ?? 10), 1, 30, 10)
const RESULTS_FILE = path.join(REPO_ROOT, '.cache/bench-results.json')

type Row = { scenario: string; 'req/s (avg)': number; 'p50 ms': number; 'p99 ms': number; non2xx: number; errors: number; timeouts: number; requests: number }

const townSlug = (index: number) => `town-${String(index).padStart(3, '0')}`
const townHost = (index: number) => `${townSlug(index)}.bench.localhost`

/** Blueprint folders for the generated towns, from the template: only the identity differs. */
function writeTownBlueprints(root: string) {
	const templateDir = path.join(REPO_ROOT, 'tenants/_template')
	const template = parse(readFileSync(path.join(templateDir, 'blueprint.yaml'), 'utf8')) as Record<string, unknown>
	const dirs: string[] = []
	for (let index = 1; index <= TOWN_COUNT; index++) {
		const slug = townSlug(index)
		const dir = path.join(root, slug)
		mkdirSync(dir)
		const blueprint = {
			...template,
			slug,
			name: { cs: `Obec Zkušební ${index}`, en: `Test Municipality ${index}` },
			hosts: [townHost(index)],
			contact: { ...(template.contact as object), email: `podatelna@${slug}.example` },
		}
		writeFileSync(path.join(dir, 'blueprint.yaml'), stringify(blueprint))
		copyFileSync(path.join(templateDir, String(template.logo)), path.join(dir, String(template.logo)))
		dirs.push(dir)
	}
	return dirs
}

function percentile(sorted: number[], p: number) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

async function createTowns(dirs: string[]) {
	const perTown: number[] = []
	const started = performance.now()
	for (const dir of dirs) {
		const t0 = performance.now()
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(dir), actor: 'bench' })
		perTown.push(performance.now() - t0)
	}
	const totalMs = performance.now() - started
	const sorted = [...perTown].sort((a, b) => a - b)
	return { towns: dirs.length, totalS: round(totalMs / 1000, 2), meanMs: round(totalMs / dirs.length), p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted.at(-1) ?? 0) }
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits))

const WARM_UP_S = 2

/** One scenario: an unmeasured warm-up of WARM_UP_S seconds, then the measured run. */
async function run(scenario: string, port: number, options: Partial<autocannon.Options>): Promise<Row> {
	await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: WARM_UP_S, timeout: 10, ...options })
	const result = await autocannon({
		url: `http://127.0.0.1:${port}`,
		connections: CONNECTIONS,
		duration: DURATION_S,
		timeout: 10,
		...options,
	})
	return {
		scenario,
		'req/s (avg)': round(result.requests.average),
		'p50 ms': result.latency.p50,
		'p99 ms': result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors,
		timeouts: result.timeouts,
		requests: result.requests.total,
	}
}

async function main() {
	await ensureBuild()
	const database = await createScratchDatabase('portal_bench')
	const blueprintRoot = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-towns-'))
	let server: ServerProcess | undefined
	const cleanUp = async () => {
		if (server?.isRunning()) {
			const exit = await server.stop('SIGTERM')
			if (exit.code !== 0) console.warn(`server exited with ${JSON.stringify(exit)}`)
		}
		await closePool().catch(() => {})
		await database.drop()
		rmSync(blueprintRoot, { recursive: true, force: true })
	}
	process.once('SIGINT', () => {
		console.warn('interrupted: stopping the server and dropping portal_bench')
		void cleanUp().finally(() => process.exit(130))
	})
	try {
		console.log(`Starting the built server on database ${database.name} (--demo) …`)
		server = await startServer({ args: ['--demo'], env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}` } })
		const port = server.port
		for (const host of ['veseli.localhost', 'znojmo.localhost']) {
			await waitFor(async () => ((await get(port, { host })).status === 200 ? true : undefined), { timeoutMs: 30_000, what: `${host} 200` })
		}

		console.log(`Creating ${TOWN_COUNT} towns from tenants/_template …`)
		initPool(database.url, { max: 4 })
		const creation = await createTowns(writeTownBlueprints(blueprintRoot))
		console.log(`  ${creation.towns} towns in ${creation.totalS} s (${creation.meanMs} ms per town; p50 ${creation.p50Ms} ms, p95 ${creation.p95Ms} ms, max ${creation.maxMs} ms)`)
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 10_000, what: 'readyz 200' })

		// Every generated town answers with its own page; this first request per town is the cold path.
		const firstRequest: number[] = []
		for (let index = 1; index <= TOWN_COUNT; index++) {
			const response = await get(port, { host: townHost(index) })
			if (response.status !== 200 || !response.body.includes(`Obec Zkušební ${index}<`)) {
				throw new Error(`${townHost(index)} answered ${response.status} without its own name`)
			}
			firstRequest.push(response.ms)
		}
		firstRequest.sort((a, b) => a - b)
		const coldPage = { p50Ms: percentile(firstRequest, 50), p99Ms: percentile(firstRequest, 99), maxMs: firstRequest.at(-1) }
		console.log(`  first page of each new town: p50 ${coldPage.p50Ms} ms, p99 ${coldPage.p99Ms} ms`)

		const loadAtStart = os.loadavg().map((value) => round(value, 2))
		console.log(`Load: ${CONNECTIONS} connections, ${DURATION_S} s per scenario (load average now ${loadAtStart.join(' ')}) …`)
		let next = 0
		const rows = [
			await run('GET /healthz', port, { url: `http://127.0.0.1:${port}/healthz` }),
			await run('Veselí home (veseli.localhost)', port, { headers: { host: 'veseli.localhost' } }),
			await run('Znojmo home (znojmo.localhost)', port, { headers: { host: 'znojmo.localhost' } }),
			await run(`home pages of ${TOWN_COUNT} generated towns, Host rotated per request`, port, {
				requests: [
					{
						method: 'GET',
						path: '/',
						setupRequest: (request) => {
							next = (next % TOWN_COUNT) + 1
							return { ...request, headers: { ...request.headers, host: townHost(next) } }
						},
					},
				],
			}),
		]
		console.table(rows)
		const report = {
			date: new Date().toISOString(),
			node: process.version,
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			connections: CONNECTIONS,
			durationSeconds: DURATION_S,
			warmUpSeconds: WARM_UP_S,
			loadAverageAtStart: loadAtStart,
			nodeEnv: 'production',
			townCreation: creation,
			firstPageOfNewTown: coldPage,
			scenarios: rows,
		}
		mkdirSync(path.dirname(RESULTS_FILE), { recursive: true })
		writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`)
		console.log(`Written to ${path.relative(REPO_ROOT, RESULTS_FILE)}`)
	} catch (error) {
		if (server) console.error(`server output (last 40 lines):\n${server.lines.slice(-40).join('\n')}`)
		throw error
	} finally {
		await cleanUp()
	}
}

await main()
