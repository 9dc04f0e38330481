import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { addObligation, endObligation } from './change-obligation.server'

const town = await createTown('chob-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('chob-town')
const fee = (code: string, kind: string) => ({
	code,
	kind,
	names: { cs: code, en: code, uk: code },
	rates: { 2026: 500 },
	instalments: [{ dueDate: '05-31', percent: 100 }],
})
await sql(`INSERT INTO ${s}.fee_rule_version (version, rules, rules_hash) VALUES (1, $1, 'x')`, [
	JSON.stringify({ feeTypes: [fee('waste', 'waste'), fee('dog', 'dog'), fee('rent', 'custom')] }),
])
const residentId = (
	await sql<{ id: string }>(`INSERT INTO ${s}.resident (given_name, family_name, date_of_birth) VALUES ('A', 'B', '1980-01-01') RETURNING id`)
)[0]!.id
const by = (
	await sql<{ id: string }>(`INSERT INTO ${s}.staff_user (email, name, roles, agendas) VALUES ('c@chob.test', 'C', '{clerk}', '{payments}') RETURNING id`)
)[0]!.id

describe('add and end obligations', () => {
	test('a dog needs its name, a custom fee its amount; both audited when added; ending checks the date', async () => {
		await expect(addObligation({ db, by, input: { residentId, feeType: 'dog', validFrom: '2026-01-01' } })).rejects.toThrow(/dog_name_required/)
		await expect(addObligation({ db, by, input: { residentId, feeType: 'rent', validFrom: '2026-01-01' } })).rejects.toThrow(/amount_required/)
		expect(await db.obligation.count()).toBe(0)
		const dog = await addObligation({ db, by, input: { residentId, feeType: 'dog', validFrom: '2026-01-01', dogName: 'Rex', dogChip: '203098100123456' } })
		expect(dog.attributes).toEqual({ dogName: 'Rex', dogChip: '203098100123456' })
		const rent = await addObligation({ db, by, input: { residentId, feeType: 'rent', validFrom: '2026-01-01', amount: 1500.5 } })
		expect(rent.attributes).toEqual({ amount: 150_050 })
		await expect(endObligation({ db, by, obligationId: dog.id, validTo: '2025-12-31' })).rejects.toThrow(/before_valid_from/)
		await endObligation({ db, by, obligationId: dog.id, validTo: '2026-06-30' })
		expect((await db.obligation.findUniqueOrThrow({ where: { id: dog.id } })).validTo?.toISOString().slice(0, 10)).toBe('2026-06-30')
		expect((await db.auditLog.findMany({ where: { staffId: by } })).map((a) => a.action).sort()).toEqual([
			'obligation.added',
			'obligation.added',
			'obligation.ended',
		])
	})
})
