import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getTenantDb } from '../db/tenant-db.server'
import { tenantSchemaName } from '../db/schema-name'
import { importClaims } from './import-claims.server'
import { isValidVariableSymbol } from './variable-symbol'

const town = await createTown('claimimp-town')
const db = getTenantDb(town.tenant)
const s = tenantSchemaName('claimimp-town')
const rent = {
	code: 'rent',
	kind: 'custom',
	names: { cs: 'Nájem', en: 'Rent', uk: 'Оренда' },
	rates: { 2026: 0 },
	instalments: [{ dueDate: '01-31', percent: 100 }],
}
await sql(`INSERT INTO ${s}.fee_rule_version (version, rules, rules_hash) VALUES (1, $1, 'x')`, [JSON.stringify({ feeTypes: [rent] })])
await sql(
	`INSERT INTO ${s}.resident (given_name, family_name, date_of_birth, external_id) VALUES ('Petr', 'Novák', '1980-01-01', 'R-1'), ('Eva', 'Malá', '1990-01-01', 'R-2')`,
)
const clerk = (
	await sql<{ id: string }>(`INSERT INTO ${s}.staff_user (email, name, roles, agendas) VALUES ('c@ci.test', 'C', '{clerk}', '{payments}') RETURNING id`)
)[0]!.id
const csv = 'claim_id;resident_id;fee_type;year;amount;due_date\nN-1;R-1;rent;2026;4500;2026-02-15\nN-2;R-2;rent;2026;3200.50;2026-02-15\n'
const run = (text: string, apply = true) => importClaims({ db, tenantSlug: 'claimimp-town', text, apply, by: clerk })

describe('importClaims', () => {
	test('bad rows: errors per line and nothing applied', async () => {
		const result = await run(`${csv}N-3;R-9;rent;2026;100;2026-02-15\nN-4;R-1;parking;2026;abc;2026-02-15\nN-1;R-1;rent;2026;1;2026-02-15\n`)
		expect(result.applied).toBe(false)
		expect(result.errors).toEqual(
			expect.arrayContaining([
				{ line: 4, column: 'resident_id', code: 'unknown_resident' },
				{ line: 5, column: 'amount', code: 'invalid' },
				{ line: 6, column: 'claim_id', code: 'duplicate' },
			]),
		)
		expect(await db.claim.count()).toBe(0)
	})

	test('imports with valid VS and an issued event; re-import adds nothing', async () => {
		expect(await run(csv)).toMatchObject({ applied: true, created: 2, existing: 0 })
		expect(await run(csv)).toMatchObject({ applied: true, created: 0, existing: 2 })
		const claims = await db.claim.findMany({ orderBy: { amount: 'asc' } })
		expect(claims.map((c) => c.amount)).toEqual([320_050, 450_000])
		expect(claims.every((c) => isValidVariableSymbol(c.variableSymbol))).toBe(true)
		expect(await db.claimEvent.count({ where: { kind: 'issued' } })).toBe(2)
	})
})
