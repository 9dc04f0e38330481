import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { closeClaim } from './close-claim.server'

const town = await createTown('close-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('close-town')
const clerk = (
	await sql<{ id: string }>(`INSERT INTO ${s}.staff_user (email, name, roles, agendas) VALUES ('c@close.test', 'C', '{clerk}', '{payments}') RETURNING id`)
)[0]!.id
const [resident] = await sql<{ id: string }>(`INSERT INTO ${s}.resident (given_name, family_name, date_of_birth) VALUES ('A', 'B', '1980-01-01') RETURNING id`)
const claim = async (vs: string, status = 'open') =>
	(
		await sql<{ id: string }>(
			`INSERT INTO ${s}.claim (resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, status) VALUES ($1, 'waste', 2026, '{}', 72000, 72000, '2026-05-31', $2, $2, $3) RETURNING id`,
			[resident!.id, vs, status],
		)
	)[0]!.id

describe('closeClaim', () => {
	test('a write-off records the reason on the history and in the audit log', async () => {
		const id = await claim('2600000001')
		await closeClaim({ db, claimId: id, kind: 'written_off', reason: 'Dlužník zemřel, dědictví bez majetku', by: clerk })
		expect((await db.claim.findUniqueOrThrow({ where: { id } })).status).toBe('written_off')
		expect(await db.claimEvent.findFirst({ where: { claimId: id, kind: 'written_off' } })).toMatchObject({
			amount: 72000,
			actor: clerk,
			detail: { reason: 'Dlužník zemřel, dědictví bez majetku' },
		})
		expect(await db.auditLog.count({ where: { action: 'claims.written_off', subject: `Claim:${id}`, staffId: clerk } })).toBe(1)
		await expect(closeClaim({ db, claimId: id, kind: 'cancelled', reason: 'x', by: clerk })).rejects.toThrow(/already closed/)
	})

	test('a paid claim is not cancelled; nothing changes', async () => {
		const id = await claim('2600000002', 'paid')
		await expect(closeClaim({ db, claimId: id, kind: 'cancelled', reason: 'chyba', by: clerk })).rejects.toThrow(/paid claim/)
		expect((await db.claim.findUniqueOrThrow({ where: { id } })).status).toBe('paid')
		expect(await db.claimEvent.count({ where: { claimId: id } })).toBe(0)
	})
})
