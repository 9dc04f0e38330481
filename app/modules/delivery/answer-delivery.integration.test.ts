// A citizen's needs-info answer travels to the records system through its own outbox: it waits until
// the submission itself is filed, is retried while the records system is down, and is filed there
// exactly once (its own idempotency key), with the citizen's message and files.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { startRecordsSimulator, type RecordsSimulator } from '../../../simulators/records'
import { defineAbilityFor } from '../access/ability.server'
import { getTenantDb } from '../db/tenant-db.server'
import { answerNeedsInfo } from '../forms/answer-needs-info.server'
import { applyForms } from '../forms/apply-forms.server'
import { checkUpload } from '../forms/check-upload.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { drainAnswerOutbox } from './drain-answer-outbox.server'
import { drainOutbox } from './drain-outbox.server'
import { getTownConnector } from './town-records-config.server'

process.env.ANSTOWN_RECORDS_SECRET = 'whsec-anstown'
process.env.ANSTOWN_RECORDS_CALLBACK = 'cbsec-anstown'
const sim: RecordsSimulator = await startRecordsSimulator({
	towns: [{ slug: 'anstown', webhookSecret: 'whsec-anstown', callbackSecret: 'cbsec-anstown', callbackUrl: 'http://127.0.0.1:9/api/records/status' }],
})
const town = await createTown('anstown', {
	submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }],
	records: { kind: 'webhook', url: sim.webhookUrl('anstown'), secret: { env: 'ANSTOWN_RECORDS_SECRET' }, callbackSecret: { env: 'ANSTOWN_RECORDS_CALLBACK' } },
})
const db = getTenantDb(town.tenant)
const definition = FormDefinitionSchema.parse(sampleDefinition())
await applyForms({ db, forms: [definition], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const jana = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková' } })
const townInfo = { slug: 'anstown', name: { cs: 'Obec Anstown' } }
const connector = (await getTownConnector(db, 'anstown'))!
const pdf = readFileSync(path.join(import.meta.dirname, '..', 'forms', 'fixtures', 'vaccination.pdf'))

afterAll(() => sim.stop())

describe('needs-info answers to the records system', () => {
	test('waits for the submission, is retried while the records system is down, then filed exactly once', async () => {
		const submission = await submitSubmission({ db, tenant: town.tenant, formVersionId: version.id, agenda: 'fees', personId: jana.id, data: {}, locale: 'cs' })
		await db.submission.update({ where: { id: submission.id }, data: { status: 'needs_info' } })
		const checked = await checkUpload({
			definition,
			accept: ['application/pdf'],
			maxFiles: 5,
			fieldName: 'answer',
			fileName: 'prukaz.pdf',
			content: pdf,
			existing: [],
		})
		if (!checked.ok) throw new Error('fixture refused')
		await answerNeedsInfo({
			db,
			ability: defineAbilityFor({ kind: 'citizen', personId: jana.id }),
			submissionId: submission.id,
			personId: jana.id,
			message: 'Posílám očkovací průkaz.',
			files: [{ ...checked.file, fieldName: 'answer' }],
		})
		const row = await db.answerOutbox.findFirstOrThrow({ where: { submissionId: submission.id } })
		const answerId = `answer-${row.eventId.toString()}`

		// The submission is not filed yet: the answer waits, and that is not counted as an attempt.
		let clock = new Date()
		expect(await drainAnswerOutbox({ db, town: townInfo, connector, now: () => clock })).toMatchObject([{ outcome: 'waiting' }])
		expect(await db.answerOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: 'pending', attempts: 0 })
		await drainOutbox({ db, town: townInfo, connector, now: () => clock })
		expect((await db.deliveryOutbox.findUniqueOrThrow({ where: { submissionId: submission.id } })).state).toBe('delivered')

		sim.setDown({ forRequests: 2 })
		for (let i = 0; i < 10; i++) {
			const current = await db.answerOutbox.findUniqueOrThrow({ where: { id: row.id } })
			if (current.state !== 'pending') break
			clock = current.nextAttemptAt > clock ? current.nextAttemptAt : clock
			await drainAnswerOutbox({ db, town: townInfo, connector, now: () => clock })
		}
		expect(await db.answerOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: 'delivered', attempts: 3, lastError: null })
		expect(
			sim
				.attempts()
				.filter((a) => a.idempotencyKey === answerId)
				.map((a) => a.status),
		).toEqual([503, 503, 201])
		const filed = sim.received().find((d) => d.submissionId === submission.id)!
		expect(filed.answers).toHaveLength(1)
		expect(filed.answers[0]).toMatchObject({
			answerId,
			duplicates: 0,
			payload: { kind: 'answer', message: 'Posílám očkovací průkaz.', number: submission.number, externalId: filed.id, referenceNumber: filed.referenceNumber },
		})
		expect(filed.answers[0]!.payload.attachments?.map((file) => file.fileName)).toEqual(['prukaz.pdf'])
		// The submission itself was filed once, and draining again sends nothing more.
		expect(sim.received().filter((d) => d.submissionId === submission.id)).toHaveLength(1)
		expect(await drainAnswerOutbox({ db, town: townInfo, connector, now: () => new Date(Date.now() + 86_400_000) })).toEqual([])
		expect(sim.attempts().filter((a) => a.idempotencyKey === answerId)).toHaveLength(3)
	})

	test('a repeat of the same answer (lost reply) is filed once by the records system', async () => {
		const filed = sim.received()[0]!
		const answer = filed.answers[0]!
		const again = await connector.deliverAnswer({
			answerId: answer.answerId,
			submissionId: filed.submissionId,
			number: 'x',
			town: { slug: 'anstown', name: 'Anstown' },
			externalId: filed.id,
			referenceNumber: null,
			answeredAt: new Date(),
			message: 'znovu',
			attachments: [],
		})
		expect(again.externalId).toBe(answer.answerId)
		expect(sim.received()[0]!.answers).toHaveLength(1)
		expect(sim.received()[0]!.answers[0]!.duplicates).toBe(1)
	})
})
