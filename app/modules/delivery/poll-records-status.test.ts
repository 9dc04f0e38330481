// A town on GINIS: the outbox delivers through the SDK, and polling turns GINIS's state and handling
// clerk into the same lifecycle; an unchanged state polled again changes nothing.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown } from '../../../tests/db'
import { startGinisStub } from '../../../simulators/records/ginis'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { drainOutbox } from './drain-outbox.server'
import { pollRecordsStatus } from './poll-records-status.server'
import { getTownConnector } from './town-records-config.server'

process.env.GINTOWN_GINIS_USER = 'portal'
process.env.GINTOWN_GINIS_PASSWORD = 'ginis-heslo'
const stub = await startGinisStub({ username: 'portal', password: 'ginis-heslo' })
stub.functions.set('FUN7', { referent: 'Mgr. Karel Dvořák', orj: 'Odbor dopravy' })
const town = await createTown('gintown', {
	submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }],
	records: { kind: 'ginis', urls: stub.urls, username: { env: 'GINTOWN_GINIS_USER' }, password: { env: 'GINTOWN_GINIS_PASSWORD' }, documentTypeId: 'PODANI' },
})
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(async () => {
	await stopJobs()
	await stub.stop()
})

describe('GINIS town', () => {
	test('delivered with the GINIS reference, then assigned and resolved by polling, each once', async () => {
		const connector = (await getTownConnector(db, 'gintown'))!
		expect(connector.kind).toBe('ginis')
		const submission = await submitSubmission({ db, tenant: town.tenant, formVersionId: version.id, agenda: 'fees', personId: null, data: {}, locale: 'cs' })
		await drainOutbox({ db, town: { slug: 'gintown', name: { cs: 'Obec Gintown' } }, connector })
		const doc = stub.documents().find((d) => d.externalId === submission.id)!
		expect(await db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true, referenceNumber: true } })).toEqual({
			status: 'delivered',
			referenceNumber: doc.znacka,
		})

		const poll = () => pollRecordsStatus({ db, townSlug: 'gintown', townOrigin: 'https://gintown.test', connector })
		expect(await poll()).toMatchObject({ polled: 1, applied: 0 })
		expect(await db.submissionEvent.count({ where: { submissionId: submission.id, status: 'delivered' } })).toBe(1)
		stub.setDocument(doc.id, { ownerFunctionId: 'FUN7' })
		expect(await poll()).toMatchObject({ applied: 1 })
		expect(
			await db.submission.findUniqueOrThrow({ where: { id: submission.id }, select: { status: true, assigneeName: true, assigneeDepartment: true } }),
		).toEqual({
			status: 'assigned',
			assigneeName: 'Mgr. Karel Dvořák',
			assigneeDepartment: 'Odbor dopravy',
		})
		const events = await db.submissionEvent.count({ where: { submissionId: submission.id } })
		expect(await poll()).toMatchObject({ applied: 0 })
		expect(await db.submissionEvent.count({ where: { submissionId: submission.id } })).toBe(events)

		stub.setDocument(doc.id, { state: 'vyrizen' })
		expect(await poll()).toMatchObject({ applied: 1 })
		expect((await db.submission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe('resolved')
		// Finished submissions are no longer polled.
		expect(await poll()).toMatchObject({ polled: 0 })
	})
})
