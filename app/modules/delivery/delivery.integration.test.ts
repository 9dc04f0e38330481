// Issue 6, delivery side: the records system down for the first attempts -> delivered exactly once
// when it is back; a delivery that cannot succeed fails after the 48-hour window and alerts the
// admins; duplicate, forged or stale status callbacks change nothing.
import { createHash } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember } from '../../../tests/staff'
import { startRecordsSimulator, type RecordsSimulator } from '../../../simulators/records'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { DELIVERY_WINDOW_MS } from './backoff'
import { createWebhookConnector } from './connectors/webhook.server'
import { drainOutbox } from './drain-outbox.server'
import { receiveStatusCallback } from './receive-status-callback.server'
import { resendDelivery } from './resend-delivery.server'
import { getTownConnector } from './town-records-config.server'

process.env.RECTOWN_RECORDS_SECRET = 'whsec-rectown'
process.env.RECTOWN_RECORDS_CALLBACK = 'cbsec-rectown'

// The town's /api/records/status, served by the same function the Remix route calls.
const portal = http.createServer(async (req, res) => {
	const chunks: Buffer[] = []
	for await (const chunk of req) chunks.push(chunk as Buffer)
	const request = new Request(`http://rectown.test${req.url}`, { method: 'POST', headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) })
	const answer = await receiveStatusCallback({ db, townSlug: 'rectown', townOrigin: 'http://rectown.test', request })
	res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer.body))
})
await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve))
const callbackUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}/api/records/status`
const sim: RecordsSimulator = await startRecordsSimulator({
	towns: [{ slug: 'rectown', webhookSecret: 'whsec-rectown', callbackSecret: 'cbsec-rectown', callbackUrl }],
})

const town = await createTown('rectown', {
	submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }],
	records: { kind: 'webhook', url: sim.webhookUrl('rectown'), secret: { env: 'RECTOWN_RECORDS_SECRET' }, callbackSecret: { env: 'RECTOWN_RECORDS_CALLBACK' } },
})
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', notificationEmail: 'jana@example.cz', preferredLocale: 'en' } })
const townInfo = { slug: 'rectown', name: { cs: 'Obec Rectown' } }
const connector = (await getTownConnector(db, 'rectown'))!
const photo = Buffer.from('\x89PNG\r\n\x1a\nrex')

async function submit() {
	return submitSubmission({
		db,
		tenant: town.tenant,
		formVersionId: version.id,
		agenda: 'fees',
		personId: jana.id,
		data: { note: 'Rex' },
		locale: 'cs',
		files: [
			{
				fieldName: 'photo',
				fileName: 'rex.png',
				contentType: 'image/png',
				size: photo.length,
				sha256: createHash('sha256').update(photo).digest('hex'),
				content: photo,
			},
		],
	})
}

/** Drains until the submission is no longer pending, jumping the clock to each next attempt. */
async function drainUntilSettled(submissionId: string, start: Date, conn = connector) {
	let clock = start
	for (let i = 0; i < 100; i++) {
		await drainOutbox({ db, town: townInfo, connector: conn, now: () => clock })
		const row = await db.deliveryOutbox.findUniqueOrThrow({ where: { submissionId } })
		if (row.state !== 'pending') return { row, clock }
		clock = row.nextAttemptAt
	}
	throw new Error('never settled')
}

const mailJobs = (to: string) =>
	sql<{ data: { locale: string; data: { subject: string; paragraphs: string[] } } }>(
		`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1 ORDER BY created_on`,
		[to],
	)

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(async () => {
	await stopJobs()
	await sim.stop()
	portal.closeAllConnections()
	portal.close()
})

describe('delivery through the outbox', () => {
	test('down for the first three attempts: retried with growing gaps, then filed exactly once', async () => {
		const submission = await submit()
		sim.setDown({ forRequests: 3 })
		const t0 = new Date()
		const first = await drainOutbox({ db, town: townInfo, connector, now: () => t0 })
		expect(first.outcomes).toMatchObject([{ submissionId: submission.id, outcome: 'retry' }])
		// Not due yet: nothing is sent.
		expect((await drainOutbox({ db, town: townInfo, connector, now: () => t0 })).outcomes).toEqual([])
		const { row } = await drainUntilSettled(submission.id, first.nextDueAt!)
		expect(row).toMatchObject({ state: 'delivered', attempts: 4, lastError: null })
		expect(
			sim
				.attempts()
				.filter((a) => a.idempotencyKey === submission.id)
				.map((a) => a.status),
		).toEqual([503, 503, 503, 201])
		const filed = sim.received().filter((d) => d.submissionId === submission.id)
		expect(filed).toHaveLength(1)
		expect(row.externalId).toBe(filed[0]!.id)
		expect(filed[0]!.payload).toMatchObject({
			number: submission.number,
			form: { code: 'dog-registration', version: 1 },
			applicant: { givenName: 'Jana', familyName: 'Nováková', email: 'jana@example.cz' },
		})
		expect((filed[0]!.payload.attachments as { fileName: string }[]).map((a) => a.fileName)).toEqual(['rex.png'])
		const stored = await db.submission.findUniqueOrThrow({ where: { id: submission.id } })
		expect(stored).toMatchObject({ status: 'delivered', referenceNumber: filed[0]!.referenceNumber })
		expect(await db.submissionEvent.count({ where: { submissionId: submission.id, kind: 'delivered' } })).toBe(1)
		// Draining again sends nothing more.
		expect((await drainOutbox({ db, town: townInfo, connector, now: () => new Date(Date.now() + 86_400_000) })).outcomes).toEqual([])
		expect(sim.received().filter((d) => d.submissionId === submission.id)).toHaveLength(1)
	})

	test('down for good: fails after the 48-hour window, tells the citizen and e-mails the admins; resend delivers it', async () => {
		await createStaffMember(town, { email: 'spravce@rectown.test', roles: ['admin'] })
		const submission = await submit()
		sim.setDown(true)
		const t0 = new Date()
		const { row, clock } = await drainUntilSettled(submission.id, t0)
		sim.setDown(false)
		expect(row.state).toBe('failed')
		expect(row.lastError).toMatch(/503/)
		const elapsed = clock.getTime() - t0.getTime()
		expect(elapsed).toBeGreaterThan(DELIVERY_WINDOW_MS - 5 * 3600_000)
		expect(elapsed).toBeLessThanOrEqual(DELIVERY_WINDOW_MS)
		expect(await db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true } })).toEqual({ status: 'failed' })
		expect(
			await db.submissionEvent.findFirst({
				where: { submissionId: submission.id, kind: 'delivery_failed' },
				select: { message: true, isVisibleToCitizen: true },
			}),
		).toMatchObject({ isVisibleToCitizen: true })
		const [alert] = await mailJobs('spravce@rectown.test')
		expect(alert!.data.data.subject).toBe(`Podání ${submission.number} se nepodařilo předat do spisové služby`)
		expect(await sql(`SELECT count(*)::int AS n FROM ${town.schema}.audit_log WHERE action = 'submission.delivery_failed'`)).toEqual([{ n: 1 }])

		const staff = await db.staffUser.findFirstOrThrow({ where: { email: 'spravce@rectown.test' } })
		await resendDelivery({ db, submissionId: submission.id, staffId: staff.id })
		await drainOutbox({ db, town: townInfo, connector })
		expect(await db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true } })).toEqual({ status: 'delivered' })
		await expect(resendDelivery({ db, submissionId: submission.id, staffId: staff.id })).rejects.toThrow(/Only a submission whose delivery failed/)
	})

	test('a refusal that retrying cannot fix fails at once', async () => {
		const submission = await submit()
		const wrongSecret = createWebhookConnector({ url: sim.webhookUrl('rectown'), secret: 'not-the-secret' })
		const { outcomes } = await drainOutbox({ db, town: townInfo, connector: wrongSecret })
		expect(outcomes.find((o) => o.submissionId === submission.id)).toMatchObject({ outcome: 'failed' })
		expect((await db.deliveryOutbox.findUniqueOrThrow({ where: { submissionId: submission.id } })).attempts).toBe(1)
	})
})

describe('status callbacks', () => {
	async function delivered() {
		const submission = await submit()
		await drainOutbox({ db, town: townInfo, connector })
		return submission
	}
	const snapshot = async (id: string) => ({
		submission: await db.submission.findUniqueOrThrow({ where: { id }, omit: { updatedAt: true } }),
		events: await db.submissionEvent.count({ where: { submissionId: id } }),
	})

	test('assigned, then resolved: applied with the clerk, on the timeline, and e-mailed to the citizen in her language', async () => {
		const submission = await delivered()
		const sent = await sim.sendStatus(submission.id, { status: 'assigned', assignee: { name: 'Ing. Petra Malá', department: 'Odbor finanční' } })
		expect(sent.responseStatus).toBe(200)
		expect(JSON.parse(sent.responseBody)).toEqual({ applied: true })
		expect(await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).toMatchObject({
			status: 'assigned',
			assigneeName: 'Ing. Petra Malá',
			assigneeDepartment: 'Odbor finanční',
		})
		await sim.sendStatus(submission.id, { status: 'resolved', message: 'Pes byl přihlášen.' })
		const stored = await db.submission.findUniqueOrThrow({ where: { id: submission.id } })
		expect(stored.status).toBe('resolved')
		expect(stored.resolvedAt).toBeInstanceOf(Date)
		const events = await db.submissionEvent.findMany({
			where: { submissionId: submission.id, actor: 'records' },
			orderBy: { id: 'asc' },
			select: { status: true, actorName: true, message: true },
		})
		expect(events.map((e) => e.status)).toEqual(['delivered', 'assigned', 'resolved'])
		expect(events[1]!.actorName).toBe('Ing. Petra Malá, Odbor finanční')
		const mails = (await mailJobs('jana@example.cz')).filter((m) => m.data.data.subject.includes(submission.number))
		expect(mails.map((m) => m.data.data.subject)).toEqual([`Submission ${submission.number}: assigned to a clerk`, `Submission ${submission.number}: resolved`])
		expect(mails[0]!.data.data.paragraphs).toContain('Handled by: Ing. Petra Malá, Odbor finanční')
	})

	test('the same event twice is applied once', async () => {
		const submission = await delivered()
		const first = await sim.sendStatus(submission.id, { status: 'in_progress' })
		const before = await snapshot(submission.id)
		const again = await sim.sendStatus(submission.id, { status: 'in_progress', eventId: first.eventId })
		expect(again.responseStatus).toBe(200)
		expect(JSON.parse(again.responseBody)).toEqual({ applied: false })
		expect(await snapshot(submission.id)).toEqual(before)
	})

	test('forged, tampered, stale or unsigned callbacks are refused and change nothing', async () => {
		const submission = await delivered()
		const before = await snapshot(submission.id)
		const body = JSON.stringify({ eventId: 'forged-1', submissionId: submission.id, status: 'rejected', message: 'Zamítnuto', at: new Date().toISOString() })
		const now = String(Math.floor(Date.now() / 1000))
		const { signBody } = await import('./signature.server')
		const post = (headers: Record<string, string>, text = body) =>
			fetch(callbackUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: text })
		expect((await post({ 'X-Portal-Timestamp': now, 'X-Portal-Signature': signBody('guessed-secret', now, body) })).status).toBe(401)
		expect(
			(await post({ 'X-Portal-Timestamp': now, 'X-Portal-Signature': signBody('cbsec-rectown', now, body) }, body.replace('Zamítnuto', 'Schváleno'))).status,
		).toBe(401)
		const old = String(Math.floor(Date.now() / 1000) - 600)
		expect((await post({ 'X-Portal-Timestamp': old, 'X-Portal-Signature': signBody('cbsec-rectown', old, body) })).status).toBe(401)
		expect((await post({})).status).toBe(401)
		const bad = JSON.stringify({ eventId: 'x', submissionId: submission.id, status: 'teleported', at: new Date().toISOString() })
		const badResponse = await post({ 'X-Portal-Timestamp': now, 'X-Portal-Signature': signBody('cbsec-rectown', now, bad) }, bad)
		expect(badResponse.status).toBe(400)
		expect(await badResponse.json()).toEqual({ error: expect.stringMatching(/^status:/) })
		expect(await snapshot(submission.id)).toEqual(before)
	})

	test("a callback for another town's or an unknown submission is 404; a finished one cannot be reopened (409)", async () => {
		const submission = await delivered()
		await sim.sendStatus(submission.id, { status: 'rejected', message: 'Neúplné.' })
		const reopened = await sim.sendStatus(submission.id, { status: 'in_progress' })
		expect(reopened.responseStatus).toBe(409)
		expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe('rejected')
	})
})
