// npm run bench:announcement: one announcement to 20 000 opted-in residents against the BUILT app
// (issue 15): e-mail to a capture SMTP server (simulators/smtp) and SMS to the SMSbrána simulator
// (simulators/sms), both in this process, the send worked by the server's own job workers.
//
// Scratch database -> Veselí applied -> BENCH_RESIDENTS (default 20 000) people subscribed to one
// topic, each with an e-mail, a confirmed mobile number and SMS chosen for announcements -> the
// town's SMS credential (encrypted) naming the simulator -> the built server (jobs in process,
// SMTP_URL to the capture server) -> the home page's p99 before the send -> the announcement queued
// the way the office queues it -> the same page measured over and over while the send runs -> total
// send time (queued until every e-mail job completed and every text sent or failed), throughput, and
// the p99 during vs before. Server stopped, database dropped.
import autocannon from 'autocannon'
import path from 'node:path'
import { pino } from 'pino'
import { sendAnnouncementJob } from '../app/modules/announcements/announcements-jobs'
import { migrateDatabase } from '../app/modules/db/migrate.server'
import { closePool, getPool, initPool } from '../app/modules/db/pool.server'
import { tenantSchemaName } from '../app/modules/db/schema-name'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { enqueueJobsInTransaction } from '../app/modules/jobs/enqueue.server'
import { startJobs, stopJobs } from '../app/modules/jobs/jobs.server'
import { allowGatewaySimulators } from '../app/modules/payments/gateway-api-url.server'
import { setSmsCredential } from '../app/modules/sms/sms-credentials.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { startSmsSimulator } from '../simulators/sms'
import { startMailCapture } from '../simulators/smtp/mail-capture'
import { createScratchDatabase, ensureBuild, findFreePort, get, REPO_ROOT, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from './built-server'

const RESIDENTS = Math.max(1, Number(process.env.BENCH_RESIDENTS ?? 20_000) || 20_000)
const DURATION_S = Math.min(30, Math.max(1, Number(process.env.BENCH_DURATION ?? 10) || 10))
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT ?? 1200) || 1200
const HOST = 'veseli.localhost'
const PAGE = '/'
const SLUG = 'veseli-nad-moravou'
const SECRETS_KEYS = `bench:${Buffer.alloc(32, 7).toString('base64')}`

async function seed(apiUrl: string) {
	const pool = getPool()
	await migrateDatabase({ pool })
	await applyBlueprint({ pool, blueprint: await loadBlueprint(path.join(REPO_ROOT, 'tenants', SLUG)), actor: 'bench' })
	const { rows } = await pool.query<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [SLUG])
	const db = getTenantDb({ id: rows[0]!.id, slug: SLUG })
	const schema = tenantSchemaName(SLUG)
	const topic = 'bench-alerts'
	await pool.query(
		`INSERT INTO ${schema}.person (id, given_name, family_name, email, sms_phone, sms_phone_confirmed_at, is_resident)
		 SELECT gen_random_uuid(), 'Občan', 'Bench ' || i, 'obcan' || i || '@bench.example', '+420777' || lpad(i::text, 6, '0'), now(), true
		 FROM generate_series(1, $1) AS i`,
		[RESIDENTS],
	)
	await pool.query(
		`INSERT INTO ${schema}.announcement_subscription (person_id, topic, token, created_at)
		 SELECT id, $1, md5(random()::text || id::text), now() - interval '1 hour' FROM ${schema}.person`,
		[topic],
	)
	await pool.query(
		`INSERT INTO ${schema}.notification_preference (person_id, kind, channel, enabled) SELECT id, 'announcement', 'sms', true FROM ${schema}.person`,
	)
	await setSmsCredential({ db, values: { login: 'bench-veseli', password: 'bench-secret', apiUrl }, actor: 'bench' })
	return { db, topic }
}

async function measure(port: number, duration: number) {
	const result = await autocannon({ url: `http://127.0.0.1:${port}${PAGE}`, headers: { host: HOST }, connections: 1, duration, timeout: 10 })
	return { requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors }
}

async function main() {
	await ensureBuild()
	allowGatewaySimulators(true)
	const database = await createScratchDatabase(uniqueDatabaseName('portal_bench_announcement'))
	const sms = await startSmsSimulator({ accounts: [{ login: 'bench-veseli', password: 'bench-secret' }] })
	const mail = await startMailCapture({ maxMessages: 50 })
	let server: ServerProcess | undefined
	try {
		process.env.SECRETS_KEYS = SECRETS_KEYS
		initPool(database.url, { max: 4 })
		const seedStarted = performance.now()
		const { db, topic } = await seed(sms.apiUrl)
		console.log(
			`Residents subscribed with e-mail and a confirmed number choosing SMS: ${RESIDENTS} (seeded in ${Math.round(performance.now() - seedStarted)} ms).`,
		)
		const port = await findFreePort()
		server = await startServer({
			port,
			env: {
				DATABASE_URL: database.url,
				LOG_LEVEL: 'warn',
				// test, not production: only then may the town's SMS API URL name the simulator (decision 014).
				NODE_ENV: 'test',
				ALLOW_GATEWAY_SIMULATORS: 'true',
				RUN_JOBS_IN_PROCESS: 'true',
				SMTP_URL: mail.url,
				SECRETS_KEYS,
			},
		})
		await waitFor(async () => ((await get(port, { path: '/readyz' })).status === 200 ? true : undefined), { timeoutMs: 60_000, what: 'readyz 200' })
		await waitFor(() => get(port, { host: HOST, path: PAGE }).catch(() => undefined), { timeoutMs: 60_000, what: 'home page answering' })
		await measure(port, 2)
		const before = await measure(port, DURATION_S)
		console.log(`Before the send: ${PAGE} p50 ${before.p50} ms, p99 ${before.p99} ms (${before.requests} requests).`)

		await startJobs({ pool: getPool(), log: pino({ level: 'silent' }) })
		const started = Date.now()
		const announcement = await db.$transaction(async (tx) => {
			const created = await tx.announcement.create({
				data: {
					topic,
					title: 'Krizová situace: přerušení dodávky vody',
					body: 'Ve čtvrtek od 8 do 14 hodin bude přerušena dodávka vody v celé obci. Cisterna stojí na náměstí.',
					recipients: RESIDENTS,
				},
				select: { id: true },
			})
			await tx.announcementTransition.create({
				data: { announcementId: created.id, fromState: null, toState: 'queued', actor: 'office', detail: { recipients: RESIDENTS } },
			})
			await enqueueJobsInTransaction(tx, sendAnnouncementJob, [{ payload: { tenantSlug: SLUG, announcementId: created.id } }])
			return created
		})
		await stopJobs()
		const during: Awaited<ReturnType<typeof measure>>[] = []
		let done = false
		let progress = { state: 'queued', processed: 0, emailed: 0, texted: 0, failed: 0, mailsDone: 0, textsDone: 0 }
		const poll = async () => {
			const row = await db.announcement.findUniqueOrThrow({
				where: { id: announcement.id },
				select: { state: true, processed: true, emailed: true, texted: true, failed: true },
			})
			const mailsDone = (
				await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'send-email' AND state IN ('completed', 'failed')`)
			).rows[0]!.n
			const textsDone = await db.smsMessage.count({ where: { announcementId: announcement.id, state: { not: 'queued' } } })
			progress = { ...row, mailsDone, textsDone }
			done = row.state === 'sent' && mailsDone >= row.emailed && textsDone >= row.texted + row.failed && textsDone >= RESIDENTS
		}
		let lastLog = 0
		while (!done && Date.now() - started < TIMEOUT_S * 1000) {
			during.push(await measure(port, 5))
			await poll()
			if (Date.now() - lastLog > 30_000) {
				lastLog = Date.now()
				console.log(`  ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(progress)}`)
			}
		}
		// The last window may have run past the end; the send time is when the poll first saw it done.
		const seconds = (Date.now() - started) / 1000
		const pagesDuring = during.reduce((sum, window) => sum + window.requests, 0)
		const p99During = Math.max(...during.map((window) => window.p99))
		const p99Median = during.map((window) => window.p99).sort((a, b) => a - b)[Math.floor(during.length / 2)] ?? 0
		console.log(`Announcement: ${JSON.stringify(progress)}; done: ${done}.`)
		console.log(
			`Simulator received ${sms.texts.length} texts; the capture server ${mail.messages().length >= 50 ? 'kept the last 50 of the' : ''} e-mails (jobs completed: ${progress.mailsDone}).`,
		)
		const deliveries = progress.mailsDone + progress.textsDone
		console.log(
			`Send time ${seconds.toFixed(1)} s (±5 s, the measuring window) for ${progress.mailsDone} e-mails and ${progress.textsDone} texts: ${(deliveries / seconds).toFixed(0)} deliveries/s.`,
		)
		console.log(
			`${PAGE} during the send: ${pagesDuring} requests in ${during.length} windows of 5 s, p99 worst window ${p99During} ms, median window ${p99Median} ms; before: p99 ${before.p99} ms. Ratio (worst window / before): ${(p99During / Math.max(1, before.p99)).toFixed(2)}×, (median window / before): ${(p99Median / Math.max(1, before.p99)).toFixed(2)}×.`,
		)
		const errors = during.reduce((sum, window) => sum + window.non2xx + window.errors, 0)
		if (errors) console.log(`Non-2xx or errors during the send: ${errors}.`)
	} finally {
		if (server?.isRunning()) await server.stop('SIGTERM')
		await stopJobs().catch(() => {})
		await closePool().catch(() => {})
		await sms.stop()
		await mail.close()
		await database.drop()
	}
}

await main()
