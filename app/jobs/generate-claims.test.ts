import { pino } from 'pino'
import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../tests/db'
import { requestClaimGeneration } from '../modules/claims/request-claim-generation.server'
import { getTenantDb } from '../modules/db/tenant-db.server'
import { tenantSchemaName } from '../modules/db/schema-name'
import type { JobContext } from '../modules/jobs/define-job'
import { generateClaimsJobHandler as generateClaimsJob } from './generate-claims.server'

const town = await createTown('genjob-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('genjob-town')
const names = { cs: 'Odpad', en: 'Waste', uk: 'Відходи' }
const admin = (await sql<{ id: string }>(`INSERT INTO ${s}.staff_user (email, name, roles) VALUES ('admin@genjob.test', 'Admin', '{admin}') RETURNING id`))[0]!
	.id
const context = {
	tenant: { ...town.tenant, status: 'active', primaryHost: 'genjob.test', name: 'Genjob' },
	log: pino({ level: 'silent' }),
	jobId: 'test',
	attempt: 1,
} as unknown as JobContext

describe('generate-claims job', () => {
	test('a town without rules: the request is refused and nothing is queued', async () => {
		await expect(requestClaimGeneration({ db, tenantSlug: 'genjob-town', year: 2026, by: admin })).rejects.toThrow(/no fee rules/)
		expect(await db.claimGenerationRun.count()).toBe(0)
	})

	test('records progress and the result on its run; a second run creates no duplicates', async () => {
		await sql(`INSERT INTO ${s}.fee_rule_version (version, rules, rules_hash) VALUES (1, $1, 'x')`, [
			JSON.stringify({ feeTypes: [{ code: 'waste', kind: 'waste', names, rates: { 2026: 720 }, instalments: [{ dueDate: '05-31', percent: 100 }] }] }),
		])
		await sql(
			`WITH r AS (INSERT INTO ${s}.resident (given_name, family_name, date_of_birth) SELECT 'R' || g, 'Test', DATE '1980-01-01' FROM generate_series(1, 40) g RETURNING id)
			 INSERT INTO ${s}.obligation (resident_id, fee_type, valid_from, source) SELECT id, 'waste', DATE '2020-01-01', 'import' FROM r`,
		)
		const first = await db.claimGenerationRun.create({ data: { year: 2026, requestedBy: admin } })
		await generateClaimsJob.handle({ tenantSlug: 'genjob-town', runId: first.id }, context)
		expect(await db.claimGenerationRun.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
			status: 'done',
			done: 40,
			total: 40,
			created: 40,
			existing: 0,
			ruleVersion: 1,
		})
		// While this run is open, another request is refused.
		const second = await db.claimGenerationRun.create({ data: { year: 2026, requestedBy: admin } })
		await expect(requestClaimGeneration({ db, tenantSlug: 'genjob-town', year: 2026, by: admin })).rejects.toThrow(/already running/)
		await generateClaimsJob.handle({ tenantSlug: 'genjob-town', runId: second.id }, context)
		expect(await db.claimGenerationRun.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: 'done', created: 0, existing: 40 })
		expect(await db.claim.count()).toBe(40)
		expect(await db.auditLog.count({ where: { action: 'claims.generated', outcome: 'ok' } })).toBe(2)
	})

	test('a failure (no rate for the year) is shown on the run, not retried', async () => {
		const run = await db.claimGenerationRun.create({ data: { year: 2031, requestedBy: admin } })
		await expect(generateClaimsJob.handle({ tenantSlug: 'genjob-town', runId: run.id }, context)).rejects.toThrow(/No waste rate for 2031/)
		expect(await db.claimGenerationRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'failed', error: expect.stringMatching(/2031/) })
		expect(generateClaimsJob.retry.limit).toBe(0)
	})
})
