// The admins' delivery-failure e-mail goes out in each admin's own language (issue 19), and in the
// town's default language for an admin who chose none — never always in Czech.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember } from '../../../tests/staff'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { applyForms } from '../forms/apply-forms.server'
import { FormDefinitionSchema } from '../forms/form-definition-schema'
import { sampleDefinition } from '../forms/sample-definition.fixture'
import { submitSubmission } from '../forms/submit-submission.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { notifyDeliveryFailed } from './notify-delivery-failed.server'

const town = await createTown('failmail', {
	locales: { default: 'en', enabled: ['cs', 'en'] },
	submissionAgendas: [{ code: 'fees', name: { cs: 'Poplatky' } }],
})
const db = getTenantDb(town.tenant)
await applyForms({ db, forms: [FormDefinitionSchema.parse(sampleDefinition())], actor: 'test' })
const version = await db.formVersion.findFirstOrThrow({ select: { id: true } })
await createStaffMember(town, { email: 'admin@failmail.test', roles: ['admin'] })
const ukrainian = await createStaffMember(town, { email: 'uk-admin@failmail.test', roles: ['admin'] })
await db.staffUser.update({ where: { id: ukrainian.id }, data: { locale: 'uk' } })

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(() => stopJobs())

describe('delivery failure e-mail to admins', () => {
	test('is written in the town’s default language', async () => {
		const submission = await submitSubmission({ db, tenant: town.tenant, formVersionId: version.id, agenda: 'fees', personId: null, data: {}, locale: 'cs' })
		await notifyDeliveryFailed({ db, townSlug: 'failmail', submissionId: submission.id, error: 'HTTP 500', attempts: 19, at: new Date() })
		const jobs = await sql<{ data: { locale: string; data: { subject: string } } }>(
			`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`,
			['admin@failmail.test'],
		)
		expect(jobs).toHaveLength(1)
		expect(jobs[0]!.data.locale).toBe('en')
		expect(jobs[0]!.data.data.subject).toBe(`Submission ${submission.number} could not be delivered to the records system`)
		const own = await sql<{ data: { locale: string } }>(`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1`, [
			'uk-admin@failmail.test',
		])
		expect(own.map((job) => job.data.locale)).toEqual(['uk'])
	})
})
