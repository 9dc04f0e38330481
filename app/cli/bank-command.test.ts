// `portal bank import` as an operator runs it: a real child process against the worker's database.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../tests/db'
import { portal as runPortal } from '../../tests/cli'
import { makeTempDir } from '../../tests/temp'
import { generateGpc } from '../modules/bank-statements/generate-gpc'
import { makeVariableSymbol } from '../modules/claims/variable-symbol'

function portal(args: string[]) {
	return runPortal(args, { timeoutMs: 60_000 })
}

const town = await createTown('cli-bank-town')
const dir = makeTempDir('portal-bank-cli-')
const vs = makeVariableSymbol(2026, 4242)
const [resident] = await sql<{ id: string }>(
	`INSERT INTO ${town.schema}.resident (id, given_name, family_name, date_of_birth) VALUES (gen_random_uuid(), 'Jan', 'Novák', '1980-01-01') RETURNING id`,
)
await sql(
	`INSERT INTO ${town.schema}.claim (id, resident_id, fee_type, year, label, base_amount, amount, due_date, variable_symbol, generation_key, updated_at)
	 VALUES (gen_random_uuid(), $1, 'waste', 2026, '{"cs":"Odpad"}', 50000, 50000, '2026-05-31', $2, 'cli:1', now())`,
	[resident!.id, vs],
)

describe('portal bank import', { timeout: 120_000 }, () => {
	test('imports and matches with a JSON summary; the same file again adds nothing; the text report and progress lines', async () => {
		const file = path.join(dir, 'vypis.gpc')
		writeFileSync(
			file,
			generateGpc({
				account: '123456789',
				movements: [
					{ vs, amount: 50000, date: '2026-05-02', id: '1' },
					{ vs: '77', amount: 100, date: '2026-05-02', id: '2' },
				],
			}),
		)
		const first = await portal(['bank', 'import', '--tenant', 'cli-bank-town', file, '--json'])
		expect(first.code).toBe(0)
		expect(JSON.parse(first.stdout).summary).toMatchObject({ movements: 2, new: 2, matched: 1, paid: 1, unmatched: 1 })
		const second = await portal(['bank', 'import', '--tenant', 'cli-bank-town', file])
		expect(second.code).toBe(0)
		expect(second.stdout).toMatch(/Movements in the file:\s+2 \(0 new, 2 already imported\)/)
		expect(second.stderr).toContain('100 %')
		const [claim] = await sql<{ status: string }>(`SELECT status::text FROM ${town.schema}.claim WHERE variable_symbol = $1`, [vs])
		expect(claim!.status).toBe('paid')
	})

	test('a malformed file exits 1 with the line errors and nothing is imported', async () => {
		const lines = generateGpc({ account: '123456789', movements: [{ vs: '5', amount: 100, date: '2026-05-02', id: '9' }] })
			.toString('latin1')
			.split('\r\n')
		lines[1] = lines[1]!.slice(0, 100)
		const file = path.join(dir, 'spatny.gpc')
		writeFileSync(file, lines.join('\r\n'), 'latin1')
		const before = await sql<{ n: string }>(`SELECT count(*) AS n FROM ${town.schema}.bank_statement`)
		const run = await portal(['bank', 'import', '--tenant', 'cli-bank-town', file])
		expect(run.code).toBe(1)
		expect(run.stderr).toContain('rejected; nothing was imported')
		expect(run.stderr).toContain('Line 2: the record has 100 characters instead of 128.')
		expect(await sql<{ n: string }>(`SELECT count(*) AS n FROM ${town.schema}.bank_statement`)).toEqual(before)
	})
})
