// npm run bench:prehled: the citizen's overview /muj-prehled over real HTTP against the BUILT app
// (issue 16 target: p99 under 50 ms for a person with 50 claims and 20 submissions among 20,000
// residents, the same setup as bench:platby).
//
// Scratch database -> the bench:platby data (Veselí, 20,000 residents with claims, Jana with 50 claims,
// own and represented) -> 20 submissions of Jana's with three events each, 20,000 other people's
// submissions -> 20 message threads of Jana's (8 unread) among 20,000, 30 notifications (10 unread)
// among 40,000, 6 grant applications (one for a club, one rejected) among 4,000 -> the built server -> autocannon
// GET /muj-prehled and, as the reference measured in the same run, /profil (a citizen page with one
// small query) -> p99, the ratio and the load average -> everything dropped.
import { availableParallelism, loadavg } from 'node:os'
import autocannon from 'autocannon'
import { closePool, getPool, initPool } from '../app/modules/db/pool.server'
import { HOST, seed } from './bench-my-payments-seed'
import { createScratchDatabase, ensureBuild, findFreePort, get, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const DURATION_S = Math.min(30, Math.max(1, Number(process.env.BENCH_DURATION ?? 5) || 5))
const S = 'tenant_veseli_nad_moravou'

async function seedSubmissions(personId: string) {
	const pool = getPool()
	const [form] = (
		await pool.query<{ id: string; agenda: string }>(
			`SELECT v.id, f.agenda FROM ${S}.form_version v JOIN ${S}.form f ON f.id = v.form_id ORDER BY v.published_at NULLS LAST LIMIT 1`,
		)
	).rows
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

/** Jana's messages, notifications and grant applications beside many more of other people's. */
async function seedMessagesAndGrants(personId: string) {
	const pool = getPool()
	const [agenda] = (await pool.query<{ agenda: string }>(`SELECT agenda FROM ${S}.form ORDER BY code LIMIT 1`)).rows
	const topic = agenda!.agenda
	await pool.query(
		`INSERT INTO ${S}.message_thread (person_id, topic, subject, state, last_message_at, citizen_read_at)
		 SELECT p.id, $1, 'Dotaz ' || g, 'waiting_for_citizen', now() - g * interval '1 hour', CASE WHEN g % 3 = 0 THEN NULL ELSE now() END
		   FROM generate_series(1, 20000) g JOIN ${S}.person p ON p.person_identifier = 'CZ/CZ/bench-' || (1 + g % 2000)`,
		[topic],
	)
	// 20 threads: the office wrote after Jana last looked in 8 of them.
	await pool.query(
		`INSERT INTO ${S}.message_thread (person_id, topic, subject, state, last_message_at, citizen_read_at)
		 SELECT $2, $1, 'Můj dotaz ' || g, 'waiting_for_citizen', now() - g * interval '1 day', now() - g * interval '1 day' + CASE WHEN g <= 8 THEN interval '-1 hour' ELSE interval '1 hour' END
		   FROM generate_series(1, 20) g`,
		[topic, personId],
	)
	await pool.query(
		`INSERT INTO ${S}.notification (person_id, kind, event_key, params, link, read_at, created_at)
		 SELECT p.id, 'message_reply', 'bench:' || g, jsonb_build_object('subject', 'Dotaz ' || g), '/zpravy', CASE WHEN g % 2 = 0 THEN now() END, now() - g * interval '1 minute'
		   FROM generate_series(1, 40000) g JOIN ${S}.person p ON p.person_identifier = 'CZ/CZ/bench-' || (1 + g % 2000)`,
	)
	await pool.query(
		`INSERT INTO ${S}.notification (person_id, kind, event_key, params, link, read_at, created_at)
		 SELECT $1, 'message_reply', 'bench-jana:' || g, jsonb_build_object('subject', 'Můj dotaz ' || g), '/zpravy', CASE WHEN g > 10 THEN now() END, now() - g * interval '1 hour'
		   FROM generate_series(1, 30) g`,
		[personId],
	)
	const programme = (await pool.query<{ id: string }>(`INSERT INTO ${S}.grant_programme (code) VALUES ('bench-sport') RETURNING id`)).rows[0]!.id
	const version = (
		await pool.query<{ id: string }>(
			`INSERT INTO ${S}.grant_programme_version (programme_id, version, state, name, purpose, total_budget, max_grant, published_at) VALUES ($1, 1, 'published', 'Sport a volný čas', 'Podpora sportu', 100000000, 5000000, now()) RETURNING id`,
			[programme],
		)
	).rows[0]!.id
	const call = (
		await pool.query<{ id: string }>(
			`INSERT INTO ${S}.grant_call (programme_version_id, name, opens_on, closes_on) VALUES ($1, 'Výzva 2026', current_date - 30, current_date + 30) RETURNING id`,
			[version],
		)
	).rows[0]!.id
	await pool.query(
		`INSERT INTO ${S}.grant_application (number, call_id, person_id, state, applicant_kind, applicant_name, requested_amount, submitted_at)
		 SELECT 'BEN-D-' || g, $1, p.id, 'submitted', 'natural', p.given_name || ' ' || p.family_name, 100000, now()
		   FROM generate_series(1, 4000) g JOIN ${S}.person p ON p.person_identifier = 'CZ/CZ/bench-' || (1 + g % 2000)`,
		[call],
	)
	await pool.query(
		`INSERT INTO ${S}.grant_application (number, call_id, person_id, state, applicant_kind, applicant_name, applicant_ico, requested_amount, updated_at, rejection_reason)
		 SELECT 'VES-D-' || g, $1, $2, (ARRAY['draft','submitted','in_evaluation','submitted','draft','rejected'])[g], CASE WHEN g = 1 THEN 'legal' ELSE 'natural' END,
		        CASE WHEN g = 1 THEN 'TJ Sokol Veselí' ELSE 'Jana Nováková' END, CASE WHEN g = 1 THEN '12345678' END, 100000, now() - g * interval '1 day', CASE WHEN g = 6 THEN 'Mimo účel programu' END
		   FROM generate_series(1, 6) g`,
		[call, personId],
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
		await seedMessagesAndGrants(personId)
		await getPool().query('ANALYZE')
		const port = await findFreePort()
		server = await startServer({
			port,
			env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', SECRETS_KEYS: `bench:${Buffer.alloc(32, 1).toString('base64')}` },
		})
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 60_000, what: 'readyz 200' })
		// The first request builds the route and the town's caches: a long timeout for it alone.
		const page = await get(port, { host: HOST, path: '/muj-prehled', headers: { cookie }, timeoutMs: 60_000 })
		const count = (testId: string) => page.body.match(new RegExp(`data-testid="${testId}"`, 'g'))?.length ?? 0
		const [submissions, messages, notifications, grants] = [
			count('overview-submission'),
			count('overview-message'),
			count('overview-notification'),
			count('overview-grant'),
		]
		if (page.status !== 200 || !submissions || !messages || !notifications || !grants)
			throw new Error(
				`/muj-prehled answered ${page.status} with ${submissions} submissions, ${messages} threads, ${notifications} notifications, ${grants} grant applications`,
			)
		console.log(
			`Jana sees ${visible} claims, 20 submissions, 20 threads (8 unread), 30 notifications (10 unread), 6 grant applications; /muj-prehled lists ${submissions}, ${messages}, ${notifications}, ${grants}. ${DURATION_S} s per scenario after a 2 s warm-up, one connection.`,
		)
		const rows: Record<string, string | number>[] = []
		const p99: Record<string, number> = {}
		for (const pagePath of ['/muj-prehled', '/muj-prehled.data', '/profil', '/profil.data']) {
			const options = { url: `http://127.0.0.1:${port}${pagePath}`, headers: { host: HOST, cookie }, connections: 1, timeout: 10 }
			await autocannon({ ...options, duration: 2 })
			const result = await autocannon({ ...options, duration: DURATION_S })
			p99[pagePath] = result.latency.p99
			rows.push({
				scenario: pagePath,
				'req/s': Math.round(result.requests.average),
				'p50 ms': result.latency.p50,
				'p99 ms': result.latency.p99,
				non2xx: result.non2xx,
				errors: result.errors,
			})
		}
		console.table(rows)
		const ratio = (p99['/muj-prehled']! / Math.max(1, p99['/profil']!)).toFixed(2)
		console.log(
			`/muj-prehled p99 ${p99['/muj-prehled']} ms (target < 50 ms), ${ratio}× the /profil reference measured in the same run; load average ${loadavg()
				.map((n) => n.toFixed(2))
				.join(' ')} on ${availableParallelism()} cores`,
		)
	} finally {
		if (server?.isRunning()) await server.stop('SIGTERM')
		await closePool().catch(() => {})
		await database.drop()
	}
}

await main()
