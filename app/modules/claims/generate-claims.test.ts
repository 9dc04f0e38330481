import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { getPool } from '../db/pool.server'
import { tenantSchemaName } from '../db/schema-name'
import { generateClaims } from './generate-claims.server'
import { isValidVariableSymbol } from './variable-symbol'

await createTown('gen-town')
const s = tenantSchemaName('gen-town')
// CLAIMS_BENCH_PEOPLE=50000 turns this into the performance check (target: under 30 s).
const PEOPLE = Number(process.env.CLAIMS_BENCH_PEOPLE ?? 3000)
const names = { cs: 'Odpad', en: 'Waste', uk: 'Відходи' }
const rules = {
	feeTypes: [
		{
			code: 'waste',
			kind: 'waste',
			names,
			rates: { 2026: 720 },
			reliefs: [{ kind: 'age_under', code: 'child_under_6', under: 6, percent: 100 }],
			instalments: [{ dueDate: '05-31', percent: 100 }],
		},
	],
	discount: { percent: 20, feeTypes: ['waste'], condition: 'portal_payment_by_due_date' },
}

describe('generateClaims', () => {
	test('refuses a town without fee rules, creating nothing', async () => {
		await expect(generateClaims({ pool: getPool(), slug: 'gen-town', year: 2026 })).rejects.toThrow(/no fee rules/)
	})

	test('issues one claim per obligation with a valid unique VS and an issued event; a re-run creates nothing', async () => {
		await sql(`INSERT INTO ${s}.fee_rule_version (version, rules, rules_hash) VALUES (1, $1, 'x')`, [JSON.stringify(rules)])
		await sql(
			`WITH r AS (INSERT INTO ${s}.resident (given_name, family_name, date_of_birth)
			   SELECT 'R' || g, 'Test', CASE WHEN g % 10 = 0 THEN DATE '2023-01-01' ELSE DATE '1980-01-01' END FROM generate_series(1, ${PEOPLE}) g RETURNING id)
			 INSERT INTO ${s}.obligation (resident_id, fee_type, valid_from, source) SELECT id, 'waste', DATE '2020-01-01', 'import' FROM r`,
		)
		const progress: number[] = []
		const started = performance.now()
		const first = await generateClaims({
			pool: getPool(),
			slug: 'gen-town',
			year: 2026,
			asOf: new Date('2026-01-10'),
			onProgress: (p) => progress.push(p.done),
		})
		const ms = performance.now() - started
		expect(first).toEqual({ created: PEOPLE, existing: 0, ruleVersion: 1 })
		if (process.env.CLAIMS_BENCH_PEOPLE) console.log(`generateClaims: ${PEOPLE} people -> ${PEOPLE} claims in ${Math.round(ms)} ms`)
		expect(progress.at(-1)).toBe(PEOPLE)
		expect(ms).toBeLessThan(Math.max(5000, (30_000 * PEOPLE) / 50_000))
		const rows = await sql<{ variable_symbol: string; amount: number; discount_amount: number; relief_code: string | null }>(
			`SELECT variable_symbol, amount, discount_amount, relief_code FROM ${s}.claim`,
		)
		expect(rows.every((r) => isValidVariableSymbol(r.variable_symbol) && r.variable_symbol.startsWith('26'))).toBe(true)
		expect(rows.filter((r) => r.relief_code === 'child_under_6')).toHaveLength(PEOPLE / 10)
		expect(rows.find((r) => r.relief_code === null)).toMatchObject({ amount: 72000, discount_amount: 14400 })
		expect((await sql(`SELECT count(*)::int AS n FROM ${s}.claim_event WHERE kind = 'issued'`))[0]).toEqual({ n: PEOPLE })
		expect(await generateClaims({ pool: getPool(), slug: 'gen-town', year: 2026, asOf: new Date('2026-01-11') })).toEqual({
			created: 0,
			existing: PEOPLE,
			ruleVersion: 1,
		})
		expect((await sql(`SELECT count(*)::int AS n FROM ${s}.claim`))[0]).toEqual({ n: PEOPLE })
	})

	test('a fee in two instalments stores the count on both claims (instalment 1 and 2 of 2)', async () => {
		const twice = {
			...rules,
			feeTypes: [
				{
					...rules.feeTypes[0]!,
					rates: { 2027: 720 },
					instalments: [
						{ dueDate: '03-31', percent: 50 },
						{ dueDate: '09-30', percent: 50 },
					],
				},
			],
		}
		await sql(`INSERT INTO ${s}.fee_rule_version (version, rules, rules_hash) VALUES (2, $1, 'y')`, [JSON.stringify(twice)])
		expect(await generateClaims({ pool: getPool(), slug: 'gen-town', year: 2027, asOf: new Date('2027-01-10') })).toMatchObject({ created: PEOPLE * 2 })
		expect(await sql(`SELECT instalment, instalment_count, count(*)::int AS n FROM ${s}.claim WHERE year = 2027 GROUP BY 1, 2 ORDER BY 1`)).toEqual([
			{ instalment: 1, instalment_count: 2, n: PEOPLE },
			{ instalment: 2, instalment_count: 2, n: PEOPLE },
		])
		// The 2026 claims, one payment each, stay "1 of 1".
		expect(await sql(`SELECT DISTINCT instalment_count FROM ${s}.claim WHERE year = 2026`)).toEqual([{ instalment_count: 1 }])
	})
})
