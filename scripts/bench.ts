// npm run bench: load-tests the BUILT app on 127.0.0.1 with autocannon, against a bare Remix app
// measured in the same run (scripts/bench-reference/), so the figures are ratios that survive a busy
// shared machine.
//
// Fresh database portal_bench -> `node build/server/index.js --demo` (LOG_LEVEL=warn) -> BENCH_TOWNS
// (default 1 000) extra towns created from tenants/_template the way an operator does (loadBlueprint
// + applyBlueprint), timed -> a citizen with 50 claims in Veselí and one in every generated town ->
// autocannon scenarios -> a table of ratios on stdout and in .cache/bench-results.json -> servers
// stopped, database dropped. Bounded: BENCH_CONNECTIONS (1-50, default 25) connections for
// BENCH_DURATION (1-30, default 10) seconds per scenario, after an unmeasured warm-up (2 s, or every town once
// for requests rotated over the towns).
// BENCH_QUICK=1 is the CI-size run: 50 towns, 3 s per scenario.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { parse, stringify } from 'yaml'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createSession } from '../app/modules/auth/session.server'
import { migrateDatabase } from '../app/modules/db/migrate.server'
import { migrationsDir } from '../app/modules/db/migrations.server'
import { closePool, getPool, initPool } from '../app/modules/db/pool.server'
import { quoteIdent, tenantSchemaName } from '../app/modules/db/schema-name'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { seed as seedJana, HOST as VESELI_HOST } from './bench-my-payments-seed'
import { createScratchDatabase, ensureBuild, findFreePort, get, REPO_ROOT, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const clamp = (value: number, min: number, max: number, fallback: number) =>
	Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback
const QUICK = process.env.BENCH_QUICK === '1'
const TOWN_COUNT = clamp(Number(process.env.BENCH_TOWNS ?? (QUICK ? 50 : 1000)), 2, 2000, 1000)
const CONNECTIONS = clamp(Number(process.env.BENCH_CONNECTIONS ?? 25), 1, 50, 25)
const DURATION_S = clamp(Number(process.env.BENCH_DURATION ?? (QUICK ? 3 : 10)), 1, 30, 10)
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

/** The first 50 towns one after another (their times are the figures), the rest four at a time. */
async function createTowns(dirs: string[]) {
	const perTown: number[] = []
	const started = performance.now()
	const timed = dirs.slice(0, 50)
	for (const dir of timed) {
		const t0 = performance.now()
		await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(dir), actor: 'bench' })
		perTown.push(performance.now() - t0)
	}
	const sequentialMs = performance.now() - started
	let next = timed.length
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			while (next < dirs.length) {
				const dir = dirs[next++]
				await applyBlueprint({ pool: getPool(), blueprint: await loadBlueprint(dir), actor: 'bench' })
			}
		}),
	)
	const totalMs = performance.now() - started
	const sorted = [...perTown].sort((a, b) => a - b)
	return {
		towns: dirs.length,
		totalS: round(totalMs / 1000, 2),
		sequentialTowns: timed.length,
		meanMs: round(sequentialMs / timed.length),
		p50Ms: round(percentile(sorted, 50)),
		p95Ms: round(percentile(sorted, 95)),
		maxMs: round(sorted.at(-1) ?? 0),
	}
}

/** A citizen with 50 claims in every generated town, and their session cookies (one per town). */
async function seedCitizens(townCount: number) {
	const pool = getPool()
	const { rows: tenants } = await pool.query<{ id: string; slug: string }>(`SELECT id, slug FROM platform.tenant WHERE slug LIKE 'town-%' ORDER BY slug`)
	const cookies = new Map<number, string>()
	let next = 0
	await Promise.all(
		Array.from({ length: 4 }, async () => {
			while (next < tenants.length) {
				const tenant = tenants[next++]
				const s = quoteIdent(tenantSchemaName(tenant.slug))
				const [person] = (
					await pool.query<{ id: string }>(
						`INSERT INTO ${s}.person (person_identifier, given_name, family_name) VALUES ('CZ/CZ/bench-' || gen_random_uuid(), 'Jana', 'Nováková') RETURNING id`,
					)
				).rows
				await pool.query(
					`INSERT INTO ${s}.resident (given_name, family_name, date_of_birth, external_id, person_id) VALUES ('Jana', 'Nováková', DATE '1980-05-05', 'bench-jana', $1)`,
					[person.id],
				)
				await pool.query(
					`INSERT INTO ${s}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, status, paid_amount)
					 SELECT r.id, 'dog', 1976 + g, '{"cs":"Poplatek ze psů"}', 60000, 60000, make_date(1976 + g, 3, 31), '19' || lpad(g::text, 8, '0'), 'bench:' || g, (CASE WHEN g > 45 THEN 'open' ELSE 'paid' END)::${s}."ClaimStatus", CASE WHEN g > 45 THEN 0 ELSE 60000 END
					   FROM ${s}.resident r, generate_series(1, 50) g WHERE r.external_id = 'bench-jana'`,
				)
				const index = Number(tenant.slug.slice('town-'.length))
				const tenantRef = { id: tenant.id, slug: tenant.slug, name: tenant.slug, status: 'active' as const, primaryHost: townHost(index) }
				const setCookie = await createSession({ db: getTenantDb(tenantRef), tenant: tenantRef, secure: true }, new Request(`http://${townHost(index)}/`), {
					kind: 'citizen',
					personId: person.id,
				})
				cookies.set(index, demoCookie(setCookie.split(';')[0]!))
			}
		}),
	)
	if (cookies.size !== townCount) throw new Error(`seeded ${cookies.size} citizens for ${townCount} towns`)
	return cookies
}

/** The server runs with --demo, which serves plain http and so names its session cookie without __Host-. */
const demoCookie = (cookie: string) => cookie.replace(/^__Host-/, '')

/** The bare Remix reference app (scripts/bench-reference), built on first use. */
async function startReference() {
	const dir = path.join(REPO_ROOT, 'scripts/bench-reference')
	if (!existsSync(path.join(dir, 'build/index.js'))) {
		await new Promise<void>((resolve, reject) => {
			const build = spawn(process.execPath, [path.join(REPO_ROOT, 'node_modules/@remix-run/dev/dist/cli.js'), 'build'], {
				cwd: dir,
				stdio: 'inherit',
				env: { ...process.env, NODE_ENV: 'production' },
			})
			build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`reference build exited with ${code}`))))
		})
	}
	const port = await findFreePort()
	const child: ChildProcess = spawn(process.execPath, [path.join(dir, 'server.mjs')], {
		cwd: dir,
		stdio: 'ignore',
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1' },
	})
	await waitFor(async () => ((await get(port, { path: '/' }).catch(() => undefined))?.status === 200 ? true : undefined), {
		timeoutMs: 20_000,
		what: 'reference 200',
	})
	return {
		port,
		stop: () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM')))),
	}
}

/** Resident set size of a process, in MB (Linux /proc). */
function rssMb(pid: number | undefined) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8')
		return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024)
	} catch {
		return NaN
	}
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits))

const WARM_UP_S = 2

/**
 * One scenario: an unmeasured warm-up, then the measured run. The warm-up lasts WARM_UP_S seconds, or for
 * requests rotated over the towns, visits every town once: the steady state of a deployment whose towns
 * were each seen within the cache lifetime (TENANT_CACHE_TTL_MS, 5 minutes).
 */
async function run(scenario: string, port: number, options: Partial<autocannon.Options>, warmUp: { amount?: number } = {}): Promise<Row> {
	await autocannon({
		url: `http://127.0.0.1:${port}`,
		connections: CONNECTIONS,
		timeout: 10,
		...options,
		...(warmUp.amount ? { amount: warmUp.amount } : { duration: WARM_UP_S }),
	})
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

/**
 * Goal 3 of issue 13: one new tenant migration over every town schema, as `npm run cli -- migrate`
 * does after a deploy (the same runner: one transaction per schema with its ledger row). The
 * migration is a copy of the repository's migrations plus one that adds a column, in a temporary
 * folder; the bench database is dropped afterwards, so nothing of it stays.
 */
async function timeOneNewMigration() {
	const root = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-migrations-'))
	try {
		for (const kind of ['platform', 'tenant'] as const) cpSync(migrationsDir(kind, REPO_ROOT), migrationsDir(kind, root), { recursive: true })
		const dir = path.join(migrationsDir('tenant', root), '29991231000000_bench_probe')
		mkdirSync(dir, { recursive: true })
		writeFileSync(
			path.join(dir, 'migration.sql'),
			'ALTER TABLE claim ADD COLUMN bench_probe TEXT;\nCREATE INDEX claim_bench_probe_idx ON claim (bench_probe);\n',
		)
		let schemas = 0
		const started = performance.now()
		const result = await migrateDatabase({ pool: getPool(), root, onProgress: (event) => void (event.type === 'applied' && schemas++) })
		const totalMs = performance.now() - started
		return { schemas, applied: result.applied, totalS: round(totalMs / 1000, 2), perSchemaMs: round(totalMs / Math.max(1, schemas), 1) }
	} finally {
		rmSync(root, { recursive: true, force: true })
	}
}

async function main() {
	await ensureBuild()
	// A database of its own per run: two benches on one machine (or a bench during a test run) never drop each other's.
	const database = await createScratchDatabase(uniqueDatabaseName('portal_bench'))
	const blueprintRoot = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-towns-'))
	let server: ServerProcess | undefined
	let reference: Awaited<ReturnType<typeof startReference>> | undefined
	const cleanUp = async () => {
		await reference?.stop()
		if (server?.isRunning()) {
			const exit = await server.stop('SIGTERM')
			if (exit.code !== 0) console.warn(`server exited with ${JSON.stringify(exit)}`)
		}
		await closePool().catch(() => {})
		await database.drop()
		rmSync(blueprintRoot, { recursive: true, force: true })
	}
	process.once('SIGINT', () => {
		console.warn('interrupted: stopping the servers and dropping portal_bench')
		void cleanUp().finally(() => process.exit(130))
	})
	try {
		console.log(`Starting the built server on database ${database.name} (--demo) …`)
		// Our own, longer wait for /healthz: on a loaded machine the demo start can take over startServer's 20 s.
		server = await startServer({
			args: ['--demo'],
			waitUntilListening: false,
			env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}` },
		})
		const started = server
		await waitFor(
			async () => {
				if (!started.isRunning()) throw new Error(`server exited: ${started.output()}`)
				return (await get(started.port, { path: '/healthz', timeoutMs: 2_000 }).catch(() => undefined))?.status === 200 ? true : undefined
			},
			{ timeoutMs: 180_000, intervalMs: 250, what: 'the portal answering /healthz' },
		)
		const port = server.port
		const pid = server.child.pid
		for (const host of ['veseli.localhost', 'znojmo.localhost']) {
			await waitFor(async () => ((await get(port, { host })).status === 200 ? true : undefined), { timeoutMs: 180_000, intervalMs: 500, what: `${host} 200` })
		}
		reference = await startReference()

		console.log(`Creating ${TOWN_COUNT} towns from tenants/_template …`)
		initPool(database.url, { max: 4 })
		const creation = await createTowns(writeTownBlueprints(blueprintRoot))
		console.log(
			`  ${creation.towns} towns in ${creation.totalS} s (first ${creation.sequentialTowns} one by one: ${creation.meanMs} ms per town; p50 ${creation.p50Ms} ms, p95 ${creation.p95Ms} ms, max ${creation.maxMs} ms)`,
		)
		console.log('Seeding citizens with 50 claims (Veselí and every generated town) …')
		const seeded = await seedJana()
		const jana = { ...seeded, cookie: demoCookie(seeded.cookie) }
		const cookies = await seedCitizens(TOWN_COUNT)
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 10_000, what: 'readyz 200' })
		const platby = await get(port, { host: VESELI_HOST, path: '/platby', headers: { cookie: jana.cookie } })
		const claimRows = platby.body.match(/data-testid="claim-row"/g)?.length ?? 0
		if (platby.status !== 200 || claimRows !== 50)
			throw new Error(`Veselí /platby answered ${platby.status} with ${claimRows} claim rows (expected 200 and 50)`)

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
		const townPlatby = await get(port, { host: townHost(1), path: '/platby', headers: { cookie: cookies.get(1)! } })
		const townRows = townPlatby.body.match(/data-testid="claim-row"/g)?.length ?? 0
		if (townPlatby.status !== 200 || townRows !== 50) throw new Error(`${townHost(1)}/platby answered ${townPlatby.status} with ${townRows} claim rows`)

		const loadAtStart = os.loadavg().map((value) => round(value, 2))
		console.log(`Load: ${CONNECTIONS} connections, ${DURATION_S} s per scenario (load average now ${loadAtStart.join(' ')}) …`)
		const rss: Record<string, number> = { afterStartAndTownCreation: rssMb(pid) }
		const rotate = (pagePath: string, withCookie: boolean) => {
			let next = 0
			return {
				requests: [
					{
						method: 'GET' as const,
						path: pagePath,
						setupRequest: (request: autocannon.Request) => {
							next = (next % TOWN_COUNT) + 1
							const headers: Record<string, string> = { ...(request.headers as Record<string, string>), host: townHost(next) }
							if (withCookie) headers.cookie = cookies.get(next)!
							return { ...request, headers }
						},
					},
				],
			}
		}
		const refUrl = `http://127.0.0.1:${reference.port}/`
		const referenceBefore = await run('bare Remix hello (reference, before)', reference.port, { url: refUrl })
		const rows = [
			referenceBefore,
			await run('GET /healthz', port, { url: `http://127.0.0.1:${port}/healthz` }),
			await run('Veselí home (anonymous)', port, { headers: { host: 'veseli.localhost' } }),
			await run('home of town-001 (one generated town)', port, { headers: { host: townHost(1) } }),
			await run(`home pages of ${TOWN_COUNT} towns, Host rotated per request`, port, rotate('/', false), { amount: TOWN_COUNT }),
		]
		rss.afterHomeLoad = rssMb(pid)
		rows.push(
			await run('Veselí /platby (Jana, 50 claims)', port, { url: `http://127.0.0.1:${port}/platby`, headers: { host: VESELI_HOST, cookie: jana.cookie } }),
			await run('town-001 /platby (citizen, 50 claims)', port, {
				url: `http://127.0.0.1:${port}/platby`,
				headers: { host: townHost(1), cookie: cookies.get(1)! },
			}),
			await run(`/platby of ${TOWN_COUNT} towns' citizens, rotated`, port, rotate('/platby', true), { amount: TOWN_COUNT }),
		)
		rss.afterPlatbyLoad = rssMb(pid)
		const referenceAfter = await run('bare Remix hello (reference, after)', reference.port, { url: refUrl })
		rows.push(referenceAfter)
		console.table(rows)

		const rate = (name: string) => rows.find((row) => row.scenario.startsWith(name))!['req/s (avg)']
		const referenceRate = (referenceBefore['req/s (avg)'] + referenceAfter['req/s (avg)']) / 2
		const percent = (value: number) => `${round(value * 100)} %`
		const ratios = {
			'home (Veselí) / bare Remix (goal ≥ 40 %)': percent(rate('Veselí home') / referenceRate),
			'/platby (Veselí, 50 claims) / bare Remix (goal ≥ 25 %)': percent(rate('Veselí /platby') / referenceRate),
			[`home over ${TOWN_COUNT} towns / one town (goal ≥ 90 %)`]: percent(rate('home pages of') / rate('home of town-001')),
			[`/platby over ${TOWN_COUNT} towns / one town (goal ≥ 90 %)`]: percent(rate('/platby of') / rate('town-001 /platby')),
			'reference drift (after / before)': percent(referenceAfter['req/s (avg)'] / referenceBefore['req/s (avg)']),
		}
		console.log('Ratios (same run, same tool):')
		console.table(ratios)
		const loadAtEnd = os.loadavg().map((value) => round(value, 2))
		console.log(`Load average at start ${loadAtStart.join(' ')}, at end ${loadAtEnd.join(' ')} (${os.cpus().length} CPUs): figures under load are not final.`)
		console.log(`RSS of the portal process (MB): ${JSON.stringify(rss)} (goal: < 1 024, flat in the number of towns)`)
		console.log(`Town creation: ${creation.meanMs} ms per town (goal < 1 000 ms)`)
		console.log(`Applying one new tenant migration to ${TOWN_COUNT + 2} town schemas (the migrate runner) …`)
		const migration = await timeOneNewMigration()
		const projected = round((migration.perSchemaMs * 1000) / 1000, 1)
		console.log(
			`  ${migration.schemas} schemas in ${migration.totalS} s, ${migration.perSchemaMs} ms per schema: ≈ ${projected} s for 1 000 towns (goal < 120 s)`,
		)
		const report = {
			date: new Date().toISOString(),
			node: process.version,
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			connections: CONNECTIONS,
			durationSeconds: DURATION_S,
			warmUpSeconds: WARM_UP_S,
			towns: TOWN_COUNT,
			quick: QUICK,
			loadAverageAtStart: loadAtStart,
			loadAverageAtEnd: loadAtEnd,
			nodeEnv: 'production',
			townCreation: creation,
			oneNewMigration: migration,
			firstPageOfNewTown: coldPage,
			rssMb: rss,
			ratios,
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
