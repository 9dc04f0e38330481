// The demo register (tenants/<slug>/residents.yaml) applied by `tenant apply`: idempotent through
// external ids, validated whole, and the `claims qr` CLI printing the SPAYD for a VS.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse, stringify } from 'yaml'
import { portal } from '../../../tests/cli'
import { applyTestBlueprint, REPO_ROOT, sql, testBlueprint, writeBlueprint } from '../../../tests/db'
import { generateClaims } from '../claims/generate-claims.server'
import { getPool } from '../db/pool.server'
import { tenantSchemaName } from '../db/schema-name'
import { isAppError } from '../errors/app-error'

const VESELI = path.join(REPO_ROOT, 'tenants/veseli-nad-moravou')
const fees = parse(readFileSync(path.join(VESELI, 'blueprint.yaml'), 'utf8')).fees
const residentsYaml = readFileSync(path.join(VESELI, 'residents.yaml'), 'utf8')

async function counts(schema: string) {
	const [row] = await sql<Record<string, number>>(
		`SELECT (SELECT count(*)::int FROM ${schema}.household) AS households, (SELECT count(*)::int FROM ${schema}.resident) AS residents,
		        (SELECT count(*)::int FROM ${schema}.obligation) AS obligations, (SELECT count(*)::int FROM ${schema}.representation WHERE confirmed_at IS NOT NULL) AS representations,
		        (SELECT count(*)::int FROM ${schema}.person) AS people`,
	)
	return row
}

describe('residents.yaml', { timeout: 60_000 }, () => {
	test('the Veselí demo register applies once; applying again changes nothing and reports nothing', async () => {
		const dir = writeBlueprint(testBlueprint('residents-town', { fees }), { files: { 'residents.yaml': residentsYaml } })
		const first = await applyTestBlueprint(dir)
		expect(first.changes).toEqual(
			expect.arrayContaining([
				'residents file: 3 households',
				'residents file: 6 residents',
				'residents file: 8 obligations',
				'residents file: 2 representations',
			]),
		)
		const schema = tenantSchemaName('residents-town')
		const before = await counts(schema)
		expect(before).toEqual({ households: 3, residents: 6, obligations: 8, representations: 2, people: 1 })
		const second = await applyTestBlueprint(dir)
		expect(second.changes).toEqual([])
		expect(await counts(schema)).toEqual(before)
		// A changed row is updated in place, not added.
		const changed = writeBlueprint(testBlueprint('residents-town', { fees }), {
			files: { 'residents.yaml': residentsYaml.replace('label: Dvořákovi', 'label: Dvořákovi (Zámecká)') },
		})
		expect((await applyTestBlueprint(changed)).changes).toEqual(['residents file: 1 households'])
		expect(await counts(schema)).toEqual(before)
		// The dog keeper aged 65+ pays the senior dog rate, the child under 6 nothing, the senior 75+ half.
		await generateClaims({ pool: getPool(), slug: 'residents-town', year: 2027, asOf: new Date('2026-11-26T12:00:00Z') })
		const claims = await sql<{ ext: string; fee_type: string; amount: number; discount_amount: number }>(
			`SELECT r.external_id AS ext, c.fee_type, c.amount, c.discount_amount FROM ${schema}.claim c JOIN ${schema}.resident r ON r.id = c.resident_id ORDER BY 1, 2`,
		)
		const amountOf = (ext: string, fee: string) => claims.find((c) => c.ext === ext && c.fee_type === fee)
		expect(amountOf('vnm-r-josef-dvorak', 'dog')).toMatchObject({ amount: 20_000, discount_amount: 0 })
		expect(amountOf('vnm-r-eliska-novakova', 'waste')).toMatchObject({ amount: 0 })
		expect(amountOf('vnm-r-ludmila-novakova', 'waste')).toMatchObject({ amount: 36_000, discount_amount: 7_200 })
		expect(amountOf('vnm-r-jana-novakova', 'waste')).toMatchObject({ amount: 72_000, discount_amount: 14_400 })
		expect(amountOf('vnm-r-petr-svoboda', 'waste')).toMatchObject({ amount: 72_000 })

		// `claims qr` prints the SPAYD for a claim's VS (full amount); a VS nobody issued is an error.
		const [claim] = await sql<{ variable_symbol: string }>(
			`SELECT c.variable_symbol FROM ${schema}.claim c JOIN ${schema}.resident r ON r.id = c.resident_id WHERE r.external_id = 'vnm-r-jana-novakova' AND c.fee_type = 'waste'`,
		)
		const [ok, unknown, badVs] = await Promise.all([
			portal(['claims', 'qr', '--tenant', 'residents-town', '--vs', claim!.variable_symbol]),
			portal(['claims', 'qr', '--tenant', 'residents-town', '--vs', '2799999996']),
			portal(['claims', 'qr', '--tenant', 'residents-town', '--vs', '123']),
		])
		expect(ok.stderr).toBe('')
		expect(ok.stdout.trim()).toMatch(
			new RegExp(
				`^SPD\\*1\\.0\\*ACC:CZ8703000000000017789001\\*AM:720\\.00\\*CC:CZK\\*MSG:Poplatek za obecni system odpadoveho hospodarstvi 2027\\*X-VS:${claim!.variable_symbol}\\*CRC32:[0-9A-F]{8}\\*$`,
			),
		)
		expect(unknown.code).not.toBe(0)
		expect(unknown.stderr).toContain('No claim or portal payment with variable symbol 2799999996')
		expect(badVs.code).not.toBe(0)
		expect(badVs.stderr).toContain('is not a variable symbol')
	})

	test('a bad register is refused whole with reasons, and nothing is applied', async () => {
		type File = { households: { residents: { representedBy?: string[]; obligations?: { feeType: string }[] }[] }[] }
		const unknownRepresentative = parse(residentsYaml) as File
		unknownRepresentative.households[0]!.residents[1]!.representedBy = ['nobody-here']
		const unknownFee = parse(residentsYaml) as File
		unknownFee.households[1]!.residents[0]!.obligations![0]!.feeType = 'parking'
		for (const [file, problem] of [
			[unknownRepresentative, 'residents.yaml: households: vnm-r-martin-novak: representedBy names unknown resident "nobody-here"'],
			[unknownFee, 'residents.yaml: vnm-o-josef-waste: fee type "parking" is not in the blueprint\'s fees'],
		] as const) {
			const dir = writeBlueprint(testBlueprint('bad-residents-town', { fees }), { files: { 'residents.yaml': stringify(file) } })
			const error = await applyTestBlueprint(dir).then(
				() => null,
				(e: unknown) => e,
			)
			expect(isAppError(error, 'blueprint_invalid')).toBe(true)
			expect((error as { details: string[] }).details).toEqual([problem])
		}
		expect(await sql(`SELECT 1 FROM platform.tenant WHERE slug = 'bad-residents-town'`)).toHaveLength(0)
	})
})
