// npm run bench:health: the vendor console's town health (/platform) over real HTTP against the BUILT
// app, with 1,000 towns (issue 18 target: p99 under 500 ms). Decision 024.
//
// Scratch database -> Veselí and BENCH_REAL_TOWNS (default 5) towns from tenants/_template applied the
// way `tenant apply` does -> their health gathered by the job's own function (timed: that is the cost
// a page view would pay per town without the summary table) -> the rest up to 1,000 towns added to
// the platform schema only (their rows, hosts, migration ledger and health summaries, with a mix of
// green, amber and red figures; their own schemas are not built, the page never reads them) -> the
// built server -> autocannon, one connection: /platform (problems first), /platform?sort=slug&page=20,
// /platform?q=town-09 and, as the reference measured in the same run, /platform/tokeny (a light page
// behind the same vendor sign-in) -> p99 and the ratio -> server stopped, database dropped.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { parse, stringify } from 'yaml'
import { migrateDatabase } from '../app/modules/db/migrate.server'
import { closePool, getPool, initPool } from '../app/modules/db/pool.server'
import { getPlatformDb } from '../app/modules/db/platform-db.server'
import { tenantSchemaName } from '../app/modules/db/schema-name'
import { createVendor } from '../app/modules/platform-auth/create-vendor.server'
import { createVendorSession } from '../app/modules/platform-auth/vendor-session.server'
import { collectTownFigures, refreshTownHealth } from '../app/modules/platform-health/collect-town-health.server'
import { evaluateTown, summarise, type TownFigures } from '../app/modules/platform-health/health-rules'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { createScratchDatabase, ensureBuild, findFreePort, get, REPO_ROOT, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const TOWNS = 1000
const REAL_TOWNS = Math.min(20, Math.max(0, Number(process.env.BENCH_REAL_TOWNS ?? 5) || 0))
const DURATION_S = Math.min(30, Math.max(1, Number(process.env.BENCH_DURATION ?? 5) || 5))
const PLATFORM_HOST = 'admin.localhost'
// The reference, /platform/tokeny (a light page behind the same vendor sign-in), comes last.
const PAGES = ['/platform', '/platform?sort=slug&page=20', '/platform?q=town-09', '/platform?level=red&sort=name', '/platform/tokeny']

const round = (value: number) => Math.round(value * 10) / 10

async function seed() {
	const pool = getPool()
	await migrateDatabase({ pool })
	await applyBlueprint({ pool, blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')), actor: 'bench' })
	// Real towns from the template, the way `npm run bench` makes them (a folder each, loadBlueprint + applyBlueprint).
	const templateDir = path.join(REPO_ROOT, 'tenants/_template')
	const template = parse(readFileSync(path.join(templateDir, 'blueprint.yaml'), 'utf8')) as Record<string, unknown>
	const root = mkdtempSync(path.join(os.tmpdir(), 'bench-health-'))
	try {
		for (let index = 1; index <= REAL_TOWNS; index++) {
			const slug = `real-${index}`
			const dir = path.join(root, slug)
			mkdirSync(dir)
			writeFileSync(
				path.join(dir, 'blueprint.yaml'),
				stringify({ ...template, slug, name: { cs: `Obec Skutečná ${index}` }, hosts: [`${slug}.bench.localhost`] }),
			)
			copyFileSync(path.join(templateDir, String(template.logo)), path.join(dir, String(template.logo)))
			await applyBlueprint({ pool, blueprint: await loadBlueprint(dir), actor: 'bench' })
		}
	} finally {
		rmSync(root, { recursive: true, force: true })
	}
	// What one town's figures cost when gathered (the job's work; what a live page would pay per town).
	const real = await pool.query<{ id: string; slug: string; status: 'active' | 'suspended' }>(`SELECT id, slug, status FROM platform.tenant ORDER BY slug`)
	const collectMs: number[] = []
	for (const tenant of real.rows) {
		await collectTownFigures(pool, tenant.slug)
		const started = performance.now()
		await refreshTownHealth(pool, tenant)
		collectMs.push(performance.now() - started)
	}
	const base = (await collectTownFigures(pool, 'veseli-nad-moravou')) as TownFigures
	// The other towns: platform rows only, with figures varied from Veselí's so that every level shows.
	const now = new Date()
	const fake = Array.from({ length: TOWNS - real.rows.length }, (_, i) => {
		const slug = `town-${String(i + 1).padStart(4, '0')}`
		const figures: TownFigures = {
			...base,
			lastCitizenLoginAt: new Date(now.getTime() - (i % 50) * 3_600_000).toISOString(),
			email: { failures24h: i % 37 === 0 ? 3 : 0 },
			security: { ...base.security, failedLogins24h: i % 11 },
			records: {
				...base.records,
				configured: i % 3 === 0,
				backlog: i % 7,
				oldestPendingAt: i % 29 === 0 ? new Date(now.getTime() - 3 * 3_600_000).toISOString() : null,
			},
		}
		const status = i % 97 === 0 ? ('suspended' as const) : ('active' as const)
		return { slug, status, figures, ...summarise(evaluateTown({ status, figures, now })) }
	})
	await pool.query(
		`WITH input AS (
			SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(slug text, status text, level text, problems int, figures jsonb)
		), towns AS (
			INSERT INTO platform.tenant (slug, name, status, updated_at)
			SELECT slug, 'Obec ' || slug, status::platform."TenantStatus", now() FROM input RETURNING id, slug
		), hosts AS (
			INSERT INTO platform.tenant_host (tenant_id, host, is_primary) SELECT id, slug || '.bench.localhost', true FROM towns
		)
		INSERT INTO platform.town_health (tenant_id, refreshed_at, level, problems, figures)
		SELECT towns.id, now(), input.level, input.problems, input.figures FROM towns JOIN input USING (slug)`,
		[JSON.stringify(fake.map(({ slug, status, level, problems, figures }) => ({ slug, status, level, problems, figures })))],
	)
	// The server migrates every town at start: a ledger copied from Veselí's tells it they are current.
	await pool.query(
		`INSERT INTO platform.schema_migration (schema_name, name, checksum)
		 SELECT 'tenant_' || replace(t.slug, '-', '_'), m.name, m.checksum FROM platform.tenant t CROSS JOIN platform.schema_migration m
		 WHERE m.schema_name = $1 AND t.slug LIKE 'town-%'`,
		[tenantSchemaName('veseli-nad-moravou')],
	)
	const vendor = await createVendor({ email: 'bench@vendor.example', name: 'Bench Vendor', password: 'bench-heslo-dlouhe-a-tajne-42', actor: 'bench' })
	await getPlatformDb().vendorStaff.update({ where: { id: vendor.id }, data: { totpEnabledAt: new Date() } })
	const setCookie = await createVendorSession({ db: getPlatformDb(), secure: true }, new Request(`http://${PLATFORM_HOST}/`), {
		vendorStaffId: vendor.id,
		secondFactorDone: true,
		ip: null,
	})
	const sorted = [...collectMs].sort((a, b) => a - b)
	return {
		cookie: setCookie.split(';')[0]!,
		realTowns: real.rows.length,
		collectMedianMs: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
		collectMaxMs: round(sorted.at(-1) ?? 0),
	}
}

async function main() {
	await ensureBuild()
	const database = await createScratchDatabase(uniqueDatabaseName('portal_bench_health'))
	let server: ServerProcess | undefined
	try {
		initPool(database.url, { max: 4 })
		const seeded = await seed()
		const count = (await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM platform.tenant`)).rows[0]!.n
		console.log(
			`Towns: ${count} (${seeded.realTowns} with their own schema). Gathering one town's figures (the job's work): median ${seeded.collectMedianMs} ms, max ${seeded.collectMaxMs} ms.`,
		)
		console.log(
			`Live, without the summary table, a page sorted by problems would need every town's figures: about ${Math.round((count * seeded.collectMedianMs) / 1000)} s per view at that rate.`,
		)
		const port = await findFreePort()
		server = await startServer({
			port,
			env: {
				DATABASE_URL: database.url,
				PLATFORM_HOST,
				LOG_LEVEL: 'warn',
				NODE_ENV: 'production',
				RUN_JOBS_IN_PROCESS: 'false',
				SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}`,
			},
		})
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 60_000, what: 'readyz 200' })
		// The first answer of a cold server on a busy machine may take longer than get()'s 5 s: asked again until it comes.
		const page = await waitFor(() => get(port, { host: PLATFORM_HOST, path: '/platform', headers: { cookie: seeded.cookie } }).catch(() => undefined), {
			timeoutMs: 60_000,
			what: '/platform answering',
		})
		const rowsShown = page.body.match(/data-town="/g)?.length ?? 0
		if (page.status !== 200 || rowsShown !== 25) throw new Error(`/platform answered ${page.status} with ${rowsShown} town rows (expected 200 and 25)`)
		const rows = []
		// Every page warmed up once before any is measured, so the first one measured does not pay for the server's warm-up.
		for (const pagePath of PAGES)
			await autocannon({ url: `http://127.0.0.1:${port}${pagePath}`, headers: { host: PLATFORM_HOST, cookie: seeded.cookie }, connections: 1, duration: 2 })
		for (const pagePath of PAGES) {
			const options = { url: `http://127.0.0.1:${port}${pagePath}`, headers: { host: PLATFORM_HOST, cookie: seeded.cookie }, connections: 1, timeout: 10 }
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
		const reference = rows.at(-1)!
		for (const row of rows.slice(0, -1)) {
			console.log(
				`${row.page} p99 ${row['p99 ms']} ms (target < 500 ms); ${(row['p99 ms'] / Math.max(1, reference['p99 ms'])).toFixed(2)}× the p99 of /platform/tokeny measured in the same run.`,
			)
		}
	} finally {
		if (server?.isRunning()) await server.stop('SIGTERM')
		await closePool().catch(() => {})
		await database.drop()
	}
}

await main()
