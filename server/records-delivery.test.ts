// Issue 6 end to end through the built server: a submission in the outbox is delivered by the
// server's own worker to the records simulator, and the simulator's signed status callbacks reach
// POST /api/records/status on the town's host (no Origin header, HMAC only) and update the
// submission and e-mail the citizen. Forged callbacks are refused there.
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { migrate, REPO_ROOT } from '../tests/db'
import { getPool, initPool } from '../app/modules/db/pool.server'
import { getTenantDb, type TenantDb } from '../app/modules/db/tenant-db.server'
import { submitSubmission } from '../app/modules/forms/submit-submission.server'
import { applyBlueprint } from '../app/modules/tenancy/apply-blueprint.server'
import { loadBlueprint } from '../app/modules/tenancy/load-blueprint.server'
import { createScratchDatabase, ensureBuild, findFreePort, startServer, uniqueDatabaseName, waitFor, type ServerProcess } from '../scripts/built-server'
import { startRecordsSimulator, type RecordsSimulator } from '../simulators/records'
import { postCallback } from '../simulators/records/post-callback'
import { startMailCapture, type MailCapture } from '../simulators/smtp/mail-capture'

const SLUG = 'veseli-nad-moravou'
const SECRETS = { VESELI_RECORDS_SECRET: 'e2e-webhook-secret', VESELI_RECORDS_CALLBACK_SECRET: 'e2e-callback-secret' }

let server: ServerProcess
let sim: RecordsSimulator
let mail: MailCapture
let database: Awaited<ReturnType<typeof createScratchDatabase>>
let db: TenantDb
let port: number
let submission: { id: string; number: string }

beforeAll(async () => {
	await ensureBuild()
	database = await createScratchDatabase(uniqueDatabaseName('portal_records'))
	process.env.DATABASE_URL = database.url
	initPool(database.url, { max: 4 })
	await migrate()
	port = await findFreePort()
	sim = await startRecordsSimulator({
		towns: [
			{
				slug: SLUG,
				webhookSecret: SECRETS.VESELI_RECORDS_SECRET,
				callbackSecret: SECRETS.VESELI_RECORDS_CALLBACK_SECRET,
				callbackUrl: `http://127.0.0.1:${port}/api/records/status`,
				callbackHost: `veseli.localhost:${port}`,
			},
		],
	})
	mail = await startMailCapture()
	const blueprint = await loadBlueprint(path.join(REPO_ROOT, 'tenants', SLUG))
	if (blueprint.records?.kind !== 'webhook') throw new Error('the Veselí blueprint should file by webhook')
	await applyBlueprint({ pool: getPool(), blueprint: { ...blueprint, records: { ...blueprint.records, url: sim.webhookUrl(SLUG) } }, actor: 'test' })
	const [{ id }] = (await getPool().query<{ id: string }>('SELECT id FROM platform.tenant WHERE slug = $1', [SLUG])).rows as [{ id: string }]
	db = getTenantDb({ id, slug: SLUG })
	const version = await db.formVersion
		.findFirstOrThrow({ where: { form: { code: { contains: 'pes' } } }, select: { id: true, form: { select: { agenda: true } } } })
		.catch(() => db.formVersion.findFirstOrThrow({ select: { id: true, form: { select: { agenda: true } } } }))
	const person = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', notificationEmail: 'jana.novakova@example.cz' } })
	// Filed before the server starts: the outbox must get it delivered by itself.
	submission = await submitSubmission({
		db,
		tenant: { slug: SLUG },
		formVersionId: version.id,
		agenda: version.form.agenda,
		personId: person.id,
		data: {},
		locale: 'cs',
	})
	server = await startServer({ port, env: { DATABASE_URL: database.url, SMTP_URL: mail.url, ...SECRETS } })
}, 240_000)

afterAll(async () => {
	await server?.stop()
	await sim?.stop()
	await mail?.close()
	await database?.drop()
})

describe('records system through the built server', () => {
	test('the server delivers the outbox row to the records system once, with the reference number', async () => {
		const doc = await waitFor(async () => sim.received().find((d) => d.submissionId === submission.id), { timeoutMs: 20_000, what: 'the webhook' })
		const stored = await waitFor(async () => {
			const row = await db.submission.findUniqueOrThrow({ where: { id: submission.id } })
			return row.status === 'delivered' ? row : undefined
		})
		expect(stored.referenceNumber).toBe(doc.referenceNumber)
		expect(doc.referenceNumber).toMatch(/^MUVES \d+\/\d{4}$/)
		expect(sim.received().filter((d) => d.submissionId === submission.id)).toHaveLength(1)
	})

	test('a signed callback reaches /api/records/status on the town host and the citizen is e-mailed', async () => {
		const sent = await sim.sendStatus(submission.id, { status: 'assigned', assignee: { name: 'Bc. Tomáš Zelený', department: 'Odbor finanční' } })
		expect(sent.responseStatus).toBe(200)
		expect(JSON.parse(sent.responseBody)).toEqual({ applied: true })
		expect(await db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true, assigneeName: true } })).toEqual({
			status: 'assigned',
			assigneeName: 'Bc. Tomáš Zelený',
		})
		const message = await mail.waitFor(
			(m) => m.to.includes('jana.novakova@example.cz') && m.subject.includes(submission.number) && m.subject.includes('přiděleno'),
			20_000,
		)
		expect(message.text).toContain('Vyřizuje: Bc. Tomáš Zelený, Odbor finanční')
		expect(message.links.some((link) => link.href.endsWith(`/podani/${submission.number}`))).toBe(true)
		const again = await sim.sendStatus(submission.id, { status: 'assigned', assignee: { name: 'Bc. Tomáš Zelený' }, eventId: sent.eventId })
		expect(JSON.parse(again.responseBody)).toEqual({ applied: false })
	})

	test('a forged callback is refused by the route and changes nothing', async () => {
		const body = JSON.stringify({ eventId: 'forged', submissionId: submission.id, status: 'rejected', at: new Date().toISOString() })
		const ts = String(Math.floor(Date.now() / 1000))
		const answer = await postCallback(
			`http://127.0.0.1:${port}/api/records/status`,
			{ 'Content-Type': 'application/json', 'X-Portal-Timestamp': ts, 'X-Portal-Signature': `sha256=${'ab'.repeat(32)}` },
			body,
			`veseli.localhost:${port}`,
		)
		expect(answer, answer.body).toMatchObject({ status: 401 })
		expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe('assigned')
	})
})
