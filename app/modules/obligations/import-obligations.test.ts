import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { createTown, REPO_ROOT, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { importObligations } from './import-obligations.server'

const town = await createTown('oblig-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('oblig-town')
const names = (cs: string) => ({ cs, en: cs, uk: cs })
const fee = (code: string, kind: string) => ({ code, kind, names: names(code), rates: { 2026: 500 }, instalments: [{ dueDate: '05-31', percent: 100 }] })
await sql(`INSERT INTO ${s}.fee_rule_version (version, rules, rules_hash) VALUES (1, $1, 'x')`, [
	JSON.stringify({ feeTypes: [fee('waste', 'waste'), fee('dog', 'dog'), fee('rent', 'custom')] }),
])
const clerk = (
	await sql<{ id: string }>(
		`INSERT INTO ${s}.staff_user (email, name, roles, agendas) VALUES ('clerk@oblig.test', 'Clerk', '{clerk}', '{payments}') RETURNING id`,
	)
)[0]!.id
const example = readFileSync(`${REPO_ROOT}/docs/fees/obligations-example.csv`, 'utf8')

describe('importObligations', () => {
	test('a file with bad rows: every error by line and column, and nothing applied even with apply', async () => {
		const bad = example
			.replace('OB-1002;R-502;Petr;Novák;1978-09-30', 'OB-1002;R-502;Petr;Novák;1978-13-45')
			.replace(';dog;2024-06-01;;Rex;', ';dog;2024-06-01;;;')
			.replace(';rent;', ';parking;')
			.replace('OB-1003', 'OB-1001')
		const result = await importObligations({ db, text: bad, apply: true, by: clerk })
		expect(result.applied).toBe(false)
		expect(result.errors).toEqual(
			expect.arrayContaining([
				{ line: 3, column: 'date_of_birth', code: 'invalid' },
				{ line: 4, column: 'obligation_id', code: 'duplicate' },
				{ line: 5, column: 'dog_name', code: 'dog_name_required' },
				{ line: 6, column: 'fee_type', code: 'unknown_fee_type' },
			]),
		)
		expect(await db.resident.count()).toBe(0)
		expect(await db.obligation.count()).toBe(0)
	})

	test('preview applies nothing; import applies all; re-import creates no duplicates', async () => {
		const preview = await importObligations({ db, text: example, apply: false, by: clerk })
		expect(preview).toMatchObject({ applied: false, errors: [] })
		expect(preview.rows).toHaveLength(5)
		expect(await db.obligation.count()).toBe(0)
		const first = await importObligations({ db, text: example, apply: true, by: clerk })
		expect(first).toMatchObject({ applied: true, residentsCreated: 3, obligationsCreated: 5, obligationsUpdated: 0 })
		const again = await importObligations({ db, text: example, apply: true, by: clerk })
		expect(again).toMatchObject({ applied: true, residentsCreated: 0, obligationsCreated: 0, obligationsUpdated: 5 })
		expect(await db.resident.count()).toBe(3)
		expect(await db.obligation.count()).toBe(5)
		const dog = await db.obligation.findUniqueOrThrow({ where: { externalId: 'OB-1004' } })
		expect(dog.attributes).toEqual({ dogName: 'Rex', dogChip: '203098100123456' })
		const rent = await db.obligation.findUniqueOrThrow({ where: { externalId: 'OB-1005' } })
		expect(rent.attributes).toEqual({ amount: 150_000 })
		expect(await db.auditLog.count({ where: { action: 'obligations.imported', staffId: clerk } })).toBe(2)
	})

	test('a malformed CSV (unbalanced quotes) is one clear error', async () => {
		const result = await importObligations({ db, text: 'obligation_id;resident_id\n"OB-1;R-1\n', apply: true, by: clerk })
		expect(result.errors.map((e) => e.code)).toEqual(['csv_malformed'])
	})
})
