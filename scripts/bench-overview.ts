// npm run bench:prehled: the citizen's overview /muj-prehled over real HTTP against the BUILT app
// (issue 16 target: p99 under 50 ms for a person with 50 claims and 20 submissions among 20,000
// residents, the same setup as bench:platby).
//
// Scratch database -> the bench:platby data (Veselí, 20,000 residents with claims, Jana with 50 claims,
// own and represented) -> 20 submissions of Jana's with three events each, 20,000 other people's
// submissions -> the built server -> autocannon GET /muj-prehled and, as the reference measured in the
// same run, /profil (a citizen page with one small query) -> p99 and the ratio -> everything dropped.
// Messages and notifications have no tables yet, so the "20 threads" of the target are not seeded.
import autocannon from 'autocannon'
import { closePool, getPool, initPool } from '../app/modules/db/pool.server'
import { HOST, seed } from './bench-my-payments-seed'
import { createScratchDatabase, ensureBuild, findFreePort, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const DURATION_S = Math.min(30, Math.max(1, Number(process.env.BENCH_DURATION ?? 5) || 5))
const S = 'tenant_veseli_nad_moravou'

async function seedSubmissions(personId: string) {
	const pool = getPool()
	const [form] = (await pool.query<{ id: string; agenda: string }>(`SELECT v.id, f.agenda FROM ${S}.form_version v JOIN ${S}.form f ON f.id = v.form_id ORDER BY v.published_at NULLS LAST LIMIT 1`)).rows
	if (!form) throw new Error('Veselí has no published form to file submissions against')
	// Other people's submissions, so the person_id index matters.
	await pool.query(
		`INSERT INTO ${S}.person (person_identifier, given_name, family_name, date_of_birth)
		 SELECT 'CZ/CZ/bench-' || g, 'Občan', 'Zkušební ' || g, DATE '1970-01-01' + g % 15000 FROM generate_series(1, 2000) g`,
	)
	await pool.query(
		`INSERT INTO ${S}.submission (number, form_version_id, agenda, person_id, data, status, submitted_at)
		 SELECT 'BEN-2026-' || lpad(g::text, 6, '0'), $1, $2, p.id, '{}', 'in_progress', now() - g * interval '1 hour'
		   FROM generate_series(1, 20000) g JOIN ${S}.person p ON p.person_identifier = 'CZ/CZ/bench-' || (1 + g % 2000)`,
		[form.id, form.agenda],
	)
	await pool.query(
		`INSERT INTO ${S}.submission (number, form_version_id, agenda, person_id, data, status, submitted_at)
		 SELECT 'VES-2026-' || lpad(g::text, 6, '0'), $1, $2, $3, '{}', (ARRAY['submitted','delivered','in_progress','needs_info','resolved'])[1 + g % 5]::${S}."SubmissionStatus", now() - g * interval '1 day'
		   FROM generate_series(1, 20) g`,
		[form.id, form.agenda, personId],
	)
	await pool.query(
		`INSERT INTO ${S}.submission_event (submission_id, kind, status, actor, at)
		 SELECT s.id, k.kind, CASE WHEN k.kind = 'status' THEN s.status END, 'system', s.submitted_at + k.n * interval '1 hour'
		   FROM ${S}.submission s, (VALUES ('submitted', 0), ('status', 1), ('status', 2)) AS k(kind, n) WHERE s.person_id = $1`,
		[personId],
	)
}

async function main() {
	await ensureBuild()
	const database = await createScratchDatabase(uniqueDatabaseName('portal_bench_prehled'))
	let server: ServerProcess | undefined
	try {
		initPool(database.url, { max: 4 })
		const { cookie, visible, personId } = await seed()
		await seedSubmissions(personId)
		const port = await findFreePort()
		server = await startServer({ port, env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}` } })
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 60_000, what: 'readyz 200' })
		// The first request builds the route and the town's caches: a long timeout for it alone.
		const page = await get(port, { host: HOST, path: '/muj-prehled', headers: { cookie }, timeoutMs: 60_000 })
		const submissions = page.body.match(/data-testid="overview-submission"/g)?.length ?? 0
		if (page.status !== 200 || submissions === 0) throw new Error(`/muj-prehled answered ${page.status} with ${submissions} submissions`)
		console.log(`Jana sees ${visible} claims and 20 submissions; /muj-prehled lists ${submissions}. ${DURATION_S} s per scenario after a 2 s warm-up, one connection.`)
		const rows: Record<string, string | number>[] = []
		const p99: Record<string, number> = {}
		for (const pagePath of ['/muj-prehled', '/muj-prehled.data', '/profil', '/profil.data']) {
			const options = { url: `http://127.0.0.1:${port}${pagePath}`, headers: { host: HOST, cookie }, connections: 1, timeout: 10 }
			await autocannon({ ...options, duration: 2 })
			const result = await autocannon({ ...options, duration: DURATION_S })
			p99[pagePath] = result.latency.p99
			rows.push({ scenario: pagePath, 'req/s': Math.round(result.requests.average), 'p50 ms': result.latency.p50, 'p99 ms': result.latency.p99, non2xx: result.non2xx, errors: result.errors })
		}
		console.table(rows)
		const ratio = (p99['/muj-prehled']! / Math.max(1, p99['/profil']!)).toFixed(2)
		console.log(`/muj-prehled p99 ${p99['/muj-prehled']} ms (target < 50 ms), ${ratio}× the /profil reference measured in the same run`)
	} finally {
		if (server?.isRunning()) await server.stop('SIGTERM')
		await closePool().catch(() => {})
		await database.drop()
	}
}

await main()
