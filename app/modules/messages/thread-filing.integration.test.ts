// Issue 15: a clerk files a conversation (or one message) into the records system as a document,
// through the town's connector and the thread_filing outbox: requested once even when two clerks click
// at once, sent once even when the job runs twice at once, retried while the records system is down,
// shown failed with its reason after a final refusal and resent by a clerk. Every change goes through
// transitionThreadFiling and leaves a row in thread_filing_transition.
import { createHash } from 'node:crypto'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { startRecordsSimulator, type RecordsSimulator } from '../../../simulators/records'
import { getTenantDb } from '../db/tenant-db.server'
import { DeliveryError, type RecordsConnector } from '../delivery/connector'
import { getTownConnector } from '../delivery/town-records-config.server'
import { drainThreadFilings } from './deliver-thread-filing.server'
import { ThreadFilingError } from './thread-filing-error'
import { transitionThreadFiling } from './thread-filing-states'
import { listThreadFilings, requestThreadFiling, resendThreadFiling } from './thread-filing.server'

process.env.FILETOWN_RECORDS_SECRET = 'whsec-filetown'
process.env.FILETOWN_RECORDS_CALLBACK = 'cbsec-filetown'
const sim: RecordsSimulator = await startRecordsSimulator({
	towns: [{ slug: 'filetown', webhookSecret: 'whsec-filetown', callbackSecret: 'cbsec-filetown', callbackUrl: 'http://127.0.0.1:9/api/records/status' }],
})
const town = await createTown('filetown', {
	submissionAgendas: [{ code: 'odpady', name: { cs: 'Odpady' } }],
	records: {
		kind: 'webhook',
		url: sim.webhookUrl('filetown'),
		secret: { env: 'FILETOWN_RECORDS_SECRET' },
		callbackSecret: { env: 'FILETOWN_RECORDS_CALLBACK' },
	},
})
const db = getTenantDb(town.tenant)
const townInfo = { slug: 'filetown', name: { cs: 'Obec Filetown' } }
const connector = (await getTownConnector(db, 'filetown'))!
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
const petra = await db.staffUser.create({ data: { email: 'petra@filetown.example', name: 'Petra Referentová' } })
const karel = await db.staffUser.create({ data: { email: 'karel@filetown.example', name: 'Karel Úředník' } })
const photo = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

afterAll(() => sim.stop())

async function makeThread(subject: string) {
	const thread = await db.messageThread.create({ data: { personId: jana.id, topic: 'odpady', subject, state: 'waiting_for_citizen' } })
	const asked = await db.threadMessage.create({
		data: {
			threadId: thread.id,
			author: 'citizen',
			authorName: 'Jana Nováková',
			body: 'Chybí kontejner na tříděný odpad.',
			createdAt: new Date(Date.now() - 3000),
		},
	})
	await db.threadAttachment.create({
		data: {
			messageId: asked.id,
			fileName: 'foto.png',
			contentType: 'image/png',
			size: photo.length,
			sha256: createHash('sha256').update(photo).digest('hex'),
			content: new Uint8Array(photo),
		},
	})
	const note = await db.threadMessage.create({
		data: {
			threadId: thread.id,
			author: 'staff',
			staffUserId: petra.id,
			authorName: 'Petra Referentová',
			body: 'Interní: zavolat TS.',
			isInternal: true,
			createdAt: new Date(Date.now() - 2000),
		},
	})
	const reply = await db.threadMessage.create({
		data: {
			threadId: thread.id,
			author: 'staff',
			staffUserId: petra.id,
			authorName: 'Petra Referentová',
			body: 'Doplníme do pátku.',
			createdAt: new Date(Date.now() - 1000),
		},
	})
	return { thread, asked, note, reply }
}

const staff = (user: { id: string; name: string }) => ({ id: user.id, name: user.name })

async function auditCount(action: string, threadId: string) {
	return db.auditLog.count({ where: { action, subject: `MessageThread:${threadId}` } })
}

/** The filing's log, oldest first, as from -> to by whom. */
async function transitions(filingId: string) {
	const rows = await db.threadFilingTransition.findMany({
		where: { filingId },
		orderBy: { id: 'asc' },
		select: { fromState: true, toState: true, actor: true },
	})
	return rows.map((r) => `${r.fromState ?? '-'} -> ${r.toState} by ${r.actor}`)
}

describe('filing a conversation into the records system', () => {
	test('two clerks clicking at once ask once; two runs of the job at once file it once, with the reference number', async () => {
		const { thread } = await makeThread('Kontejner u zastávky')
		const [a, b] = await Promise.all([
			requestThreadFiling({ db, threadId: thread.id, staff: staff(petra), hasRecordsSystem: true }),
			requestThreadFiling({ db, threadId: thread.id, staff: staff(karel), hasRecordsSystem: true }),
		])
		expect([a.created, b.created].sort()).toEqual([false, true])
		expect(a.filingId).toBe(b.filingId)
		expect(await db.threadFiling.count({ where: { threadId: thread.id } })).toBe(1)
		expect(await auditCount('message.filing_requested', thread.id)).toBe(1)

		const runs = await Promise.all([drainThreadFilings({ db, town: townInfo, connector }), drainThreadFilings({ db, town: townInfo, connector })])
		const outcomes = runs.flat().filter((o) => o.threadId === thread.id)
		expect(outcomes.filter((o) => o.outcome === 'delivered')).toHaveLength(1)
		// The job runs again later: nothing is due, nothing is sent.
		expect((await drainThreadFilings({ db, town: townInfo, connector })).filter((o) => o.threadId === thread.id)).toEqual([])

		const key = `thread-${thread.id}`
		expect(sim.attempts().filter((x) => x.idempotencyKey === key)).toHaveLength(1)
		const documents = sim.received().filter((d) => d.submissionId === key)
		expect(documents).toHaveLength(1)
		const [filing] = await listThreadFilings(db, thread.id)
		expect(filing).toMatchObject({
			state: 'delivered',
			attempts: 1,
			externalId: documents[0]!.id,
			referenceNumber: documents[0]!.referenceNumber,
			lastError: null,
		})
		expect(filing!.referenceNumber).toMatch(/^MUFIL \d+\/\d{4}$/)
		expect(await auditCount('message.filed', thread.id)).toBe(1)
		expect(await transitions(filing!.id)).toEqual(['- -> pending by office', 'pending -> delivered by job'])
		const delivered = await db.threadFilingTransition.findFirstOrThrow({ where: { filingId: filing!.id, toState: 'delivered' }, select: { detail: true } })
		expect(delivered.detail).toEqual({ attempts: 1, externalId: documents[0]!.id, referenceNumber: documents[0]!.referenceNumber })
		// What was filed: the citizen's and the office's messages with the photo, never the internal note.
		const payload = documents[0]!.payload as {
			messages: { body: string }[]
			attachments: { fileName: string; sha256: string }[]
			citizen: unknown
			filedBy: string
		}
		expect(payload.messages.map((m) => m.body)).toEqual(['Chybí kontejner na tříděný odpad.', 'Doplníme do pátku.'])
		expect(payload.attachments).toEqual([expect.objectContaining({ fileName: 'foto.png', sha256: createHash('sha256').update(photo).digest('hex') })])
		expect(payload.citizen).toEqual({ givenName: 'Jana', familyName: 'Nováková' })
		expect(payload.filedBy).toBe(petra.name)

		// Asking again afterwards changes nothing.
		expect(await requestThreadFiling({ db, threadId: thread.id, staff: staff(karel), hasRecordsSystem: true })).toMatchObject({ created: false })
		expect(await db.threadFiling.count({ where: { threadId: thread.id } })).toBe(1)
	})

	test('one message is a document of its own; an internal note cannot be filed; no records system refuses', async () => {
		const { thread, reply, note } = await makeThread('Jedna zpráva')
		await expect(requestThreadFiling({ db, threadId: thread.id, messageId: note.id, staff: staff(petra), hasRecordsSystem: true })).rejects.toMatchObject({
			reason: 'message_not_fileable',
		})
		await expect(requestThreadFiling({ db, threadId: thread.id, staff: staff(petra), hasRecordsSystem: false })).rejects.toBeInstanceOf(ThreadFilingError)
		expect(await db.threadFiling.count({ where: { threadId: thread.id } })).toBe(0)
		await requestThreadFiling({ db, threadId: thread.id, messageId: reply.id, staff: staff(petra), hasRecordsSystem: true })
		await drainThreadFilings({ db, town: townInfo, connector })
		const filed = sim.received().find((d) => d.submissionId === `message-${reply.id}`)!
		expect((filed.payload as { messages: { body: string }[] }).messages.map((m) => m.body)).toEqual(['Doplníme do pátku.'])
		expect(await listThreadFilings(db, thread.id)).toMatchObject([{ messageId: reply.id, state: 'delivered', referenceNumber: filed.referenceNumber }])
	})

	test('retried with backoff while the records system is down; an answer lost after filing files nothing twice', async () => {
		const { thread } = await makeThread('Výpadek spisové služby')
		await requestThreadFiling({ db, threadId: thread.id, staff: staff(petra), hasRecordsSystem: true })
		const key = `thread-${thread.id}`
		sim.setDown({ forRequests: 2 })
		let clock = new Date()
		expect(await drainThreadFilings({ db, town: townInfo, connector, now: () => clock })).toMatchObject([{ outcome: 'retry' }])
		const waiting = (await listThreadFilings(db, thread.id))[0]!
		expect(waiting).toMatchObject({ state: 'pending', attempts: 1 })
		expect(waiting.lastError).toMatch(/503/)
		expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(clock.getTime())
		// Not due yet: the job running again sends nothing.
		expect(await drainThreadFilings({ db, town: townInfo, connector, now: () => clock })).toEqual([])
		clock = waiting.nextAttemptAt
		expect(await drainThreadFilings({ db, town: townInfo, connector, now: () => clock })).toMatchObject([{ outcome: 'retry' }])
		// The third try reaches the records system, which files it, but the answer is lost on the way back.
		const losesAnswer: RecordsConnector = {
			...connector,
			fileDocument: async (payload) => {
				await connector.fileDocument(payload)
				throw new DeliveryError('connection reset after the request was sent', true)
			},
		}
		clock = (await listThreadFilings(db, thread.id))[0]!.nextAttemptAt
		expect(await drainThreadFilings({ db, town: townInfo, connector: losesAnswer, now: () => clock })).toMatchObject([{ outcome: 'retry' }])
		clock = (await listThreadFilings(db, thread.id))[0]!.nextAttemptAt
		expect(await drainThreadFilings({ db, town: townInfo, connector, now: () => clock })).toMatchObject([{ outcome: 'delivered' }])
		expect(
			sim
				.attempts()
				.filter((x) => x.idempotencyKey === key)
				.map((x) => x.status),
		).toEqual([503, 503, 201, 200])
		const documents = sim.received().filter((d) => d.submissionId === key)
		expect(documents).toHaveLength(1)
		expect(documents[0]!.duplicates).toBe(1)
		expect((await listThreadFilings(db, thread.id))[0]).toMatchObject({ state: 'delivered', attempts: 4, referenceNumber: documents[0]!.referenceNumber })
		// Retries keep it pending: the log holds only the request and the delivery.
		expect(await transitions((await listThreadFilings(db, thread.id))[0]!.id)).toEqual(['- -> pending by office', 'pending -> delivered by job'])
	})

	test('a final refusal is shown with its reason and audited; a clerk resends it, once', async () => {
		const { thread } = await makeThread('Odmítnuto')
		const { filingId } = await requestThreadFiling({ db, threadId: thread.id, staff: staff(petra), hasRecordsSystem: true })
		const refuses: RecordsConnector = {
			...connector,
			fileDocument: async () => {
				throw new DeliveryError('Records system answered 422: document type not allowed', false)
			},
		}
		expect(await drainThreadFilings({ db, town: townInfo, connector: refuses })).toMatchObject([{ outcome: 'failed' }])
		expect((await listThreadFilings(db, thread.id))[0]).toMatchObject({ state: 'failed', lastError: 'Records system answered 422: document type not allowed' })
		expect(await auditCount('message.filing_failed', thread.id)).toBe(1)
		// A failed filing is not retried by the job on its own.
		expect(await drainThreadFilings({ db, town: townInfo, connector })).toEqual([])

		// Two clerks press "try again" at once: one resend, the other is told it no longer applies.
		const resent = await Promise.allSettled([
			resendThreadFiling({ db, threadId: thread.id, filingId, staffId: petra.id }),
			resendThreadFiling({ db, threadId: thread.id, filingId, staffId: karel.id }),
		])
		expect(resent.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
		expect(resent.find((r) => r.status === 'rejected')).toMatchObject({ reason: { reason: 'not_resendable' } })
		expect((await listThreadFilings(db, thread.id))[0]).toMatchObject({ state: 'pending', attempts: 0, lastError: null })
		expect(await auditCount('message.filing_resent', thread.id)).toBe(1)
		expect(await drainThreadFilings({ db, town: townInfo, connector })).toMatchObject([{ outcome: 'delivered' }])
		expect(sim.received().filter((d) => d.submissionId === `thread-${thread.id}`)).toHaveLength(1)
		expect(await transitions(filingId)).toEqual([
			'- -> pending by office',
			'pending -> failed by job',
			'failed -> pending by office',
			'pending -> delivered by job',
		])
		const failed = await db.threadFilingTransition.findFirstOrThrow({ where: { filingId, toState: 'failed' }, select: { detail: true } })
		// The reason stays in the log after the resend clears last_error.
		expect(failed.detail).toEqual({ attempts: 1, error: 'Records system answered 422: document type not allowed' })
		// Another thread's filing cannot be resent through this thread.
		const other = await makeThread('Jiná')
		await expect(resendThreadFiling({ db, threadId: other.thread.id, filingId, staffId: petra.id })).rejects.toMatchObject({ reason: 'not_resendable' })
		expect(await transitions(filingId)).toHaveLength(4)
	})
})

describe('transitionThreadFiling', () => {
	async function pendingFiling(subject: string) {
		const { thread } = await makeThread(subject)
		return requestThreadFiling({ db, threadId: thread.id, staff: staff(petra), hasRecordsSystem: true })
	}
	const filingRow = (id: string) => db.threadFiling.findUniqueOrThrow({ where: { id } })

	test('a transition the table does not allow is refused and logged, and changes and records nothing', async () => {
		const { filingId } = await pendingFiling('Odmítnutý přechod')
		await db.$transaction((tx) =>
			transitionThreadFiling(tx, { filingId, change: { to: 'delivered', externalId: 'ext-1', referenceNumber: null }, actor: 'job' }),
		)
		const before = await filingRow(filingId)
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		try {
			const refused = await db.$transaction((tx) => transitionThreadFiling(tx, { filingId, change: { to: 'failed', error: 'late' }, actor: 'job' }))
			expect(refused).toEqual({ ok: false, from: 'delivered', reason: 'invalid_transition' })
			// Another conversation's page cannot move it either.
			const other = await makeThread('Cizí')
			const elsewhere = await db.$transaction((tx) =>
				transitionThreadFiling(tx, { filingId, threadId: other.thread.id, change: { to: 'pending' }, actor: 'office' }),
			)
			expect(elsewhere).toEqual({ ok: false, from: null, reason: 'not_found' })
			expect(warn.mock.calls.map(([line]) => JSON.parse(String(line)) as { msg: string })).toEqual([
				expect.objectContaining({ msg: 'thread filing transition refused', filingId, from: 'delivered', to: 'failed', actor: 'job' }),
				expect.objectContaining({ msg: 'thread filing transition refused: no such filing', filingId, to: 'pending', actor: 'office' }),
			])
		} finally {
			warn.mockRestore()
		}
		expect(await filingRow(filingId)).toEqual(before)
		expect(await transitions(filingId)).toEqual(['- -> pending by office', 'pending -> delivered by job'])
	})

	test('of two deliveries moving the same filing at once, the conditional update lets only one through', async () => {
		const { filingId } = await pendingFiling('Souběh')
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		let second: Promise<unknown> | undefined
		try {
			const first = await db.$transaction(async (tx) => {
				const moved = await transitionThreadFiling(tx, {
					filingId,
					change: { to: 'delivered', externalId: 'ext-a', referenceNumber: 'A 1/2026' },
					actor: 'job',
				})
				// The second delivery starts while the first is still uncommitted: it reads "pending", is
				// allowed by the table, and waits on the row lock at its conditional UPDATE.
				second = db.$transaction((tx2) => transitionThreadFiling(tx2, { filingId, change: { to: 'failed', error: 'timeout' }, actor: 'job' }))
				await vi.waitFor(
					async () => {
						const [row] = await sql<{ n: number }>(
							`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%thread_filing%'`,
						)
						expect(row!.n).toBe(1)
					},
					{ timeout: 3000, interval: 20 },
				)
				return moved
			})
			expect(first).toEqual({ ok: true, from: 'pending' })
			expect(await second).toEqual({ ok: false, from: 'pending', reason: 'moved_meanwhile' })
			expect(warn).toHaveBeenCalledWith(expect.stringContaining('moved meanwhile'))
		} finally {
			warn.mockRestore()
		}
		expect(await filingRow(filingId)).toMatchObject({ state: 'delivered', externalId: 'ext-a', referenceNumber: 'A 1/2026', lastError: null })
		expect(await transitions(filingId)).toEqual(['- -> pending by office', 'pending -> delivered by job'])
	})
})
