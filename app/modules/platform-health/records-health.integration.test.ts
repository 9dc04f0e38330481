// Issue 18: the records system stops answering -> the town's "records" column in the vendor console
// turns amber (failed attempts, then a backlog 15 min old) and red once the oldest submission has
// waited 2 hours, each with its reason in words. The rows are written by the batched refresh of all
// towns (refreshAllTownHealth, the scheduler's platform row), not by a job per town.
import { afterAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { startRecordsSimulator } from '../../../simulators/records'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { drainOutbox } from '../delivery/drain-outbox.server'
import { getTownConnector } from '../delivery/town-records-config.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { resources } from '../i18n/resources.server'
import { refreshAllTownHealth } from './collect-town-health.server'
import { listAllTownHealth } from './list-town-health.server'

process.env.RECHEALTH_RECORDS_SECRET = 'whsec-rechealth'
process.env.RECHEALTH_RECORDS_CALLBACK = 'cbsec-rechealth'
const sim = await startRecordsSimulator({
	towns: [{ slug: 'rechealth', webhookSecret: 'whsec-rechealth', callbackSecret: 'cbsec-rechealth', callbackUrl: 'http://127.0.0.1:9/api/records/status' }],
})
let simStopped = false
afterAll(async () => {
	if (!simStopped) await sim.stop()
})

const town = await createTown('rechealth', {
	submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }],
	records: {
		kind: 'webhook',
		url: sim.webhookUrl('rechealth'),
		secret: { env: 'RECHEALTH_RECORDS_SECRET' },
		callbackSecret: { env: 'RECHEALTH_RECORDS_CALLBACK' },
	},
})
await createTown('rechealth-other')
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
const person = await db.person.create({ data: { givenName: 'Jana', familyName: 'Nováková', notificationEmail: 'jana@example.cz' } })

/** The verdict's reason as the console writes it in Czech (level word and reason, not colour alone). */
function inWords(verdict: { level: string; reason: string; values?: Record<string, unknown> }) {
	const texts = resources.cs['platform-health'] as { levels: Record<string, string>; reasons: Record<string, string> }
	const reason = texts.reasons[verdict.reason]!.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(verdict.values?.[key]))
	return `${texts.levels[verdict.level]}: ${reason}`
}
const records = async () => (await listAllTownHealth()).find((row) => row.slug === 'rechealth')!.verdicts!.records

describe('town health: the records column', () => {
	test('records simulator stopped: amber with the failed attempts, then red after 2 hours, with the reason in words', async () => {
		await sim.stop()
		simStopped = true
		const submission = await submitSubmission({
			db,
			tenant: town.tenant,
			formVersionId: version.id,
			agenda: 'fees',
			personId: person.id,
			data: { note: 'Rex' },
			locale: 'cs',
		})
		const connector = (await getTownConnector(db, 'rechealth'))!
		const t0 = new Date()
		const drained = await drainOutbox({ db, town: { slug: 'rechealth', name: { cs: 'Rechealth' } }, connector, now: () => t0 })
		expect(drained.outcomes).toMatchObject([{ submissionId: submission.id, outcome: 'retry' }])

		// One batch refreshes every town (both rows written).
		expect(await refreshAllTownHealth(getPool())).toMatchObject({ ran: true })
		expect((await sql(`SELECT 1 FROM platform.town_health h JOIN platform.tenant t ON t.id = h.tenant_id WHERE t.slug LIKE 'rechealth%'`)).length).toBe(2)
		let verdict = await records()
		expect(verdict).toMatchObject({ level: 'amber', reason: 'recordsFailures', values: { failures: 1, count: 1 } })
		expect(inWords(verdict)).toMatch(/: 1 neúspěšných pokusů za 24 h; čeká 1$/)

		// Waiting 20 minutes: amber for the age of the backlog.
		await sql(`UPDATE tenant_rechealth.delivery_outbox SET created_at = now() - interval '20 minutes'`)
		await refreshAllTownHealth(getPool())
		verdict = await records()
		expect(verdict).toMatchObject({ level: 'amber', reason: 'recordsSlow', values: { count: 1, minutes: 20 } })
		// Three hours: red.
		await sql(`UPDATE tenant_rechealth.delivery_outbox SET created_at = now() - interval '3 hours'`)
		await refreshAllTownHealth(getPool())
		verdict = await records()
		expect(verdict).toMatchObject({ level: 'red', reason: 'recordsStuck', values: { count: 1 } })
		expect(inWords(verdict)).toMatch(/: čeká 1, nejstarší 1\d\d min; 1 chyb za 24 h$/)
	}, 120_000)
})
