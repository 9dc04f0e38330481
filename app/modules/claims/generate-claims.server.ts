// Annual claim generation: the newest rulebook over every obligation of the year, inserted in
// batches (INSERT ... SELECT FROM unnest) so a town of 50,000 people takes seconds, not a query per
// claim. Idempotent through claim.generation_key: re-running creates no duplicates.
import type pg from 'pg'
import { AppError } from '../errors/app-error'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { calculateClaims, type CalcObligation, type CalcResident } from '../fees/calculate-claims'
import { RulebookSchema } from '../fees/rulebook-schema'
import { makeVariableSymbol } from './variable-symbol'

const CHUNK = 5000

export type GenerateProgress = { done: number; total: number }
export type GenerateResult = { created: number; existing: number; ruleVersion: number }

export async function generateClaims({
	pool,
	slug,
	year,
	asOf = new Date(),
	onProgress,
}: {
	pool: pg.Pool
	slug: string
	year: number
	asOf?: Date
	onProgress?: (p: GenerateProgress) => void
}): Promise<GenerateResult> {
	const s = quoteIdent(tenantSchemaName(slug))
	const client = await pool.connect()
	try {
		await client.query('BEGIN')
		// One generation per town at a time: a second run waits and then finds everything existing.
		await client.query(`LOCK TABLE ${s}.claim IN SHARE ROW EXCLUSIVE MODE`)
		const version = (await client.query<{ version: number; rules: unknown }>(`SELECT version, rules FROM ${s}.fee_rule_version ORDER BY version DESC LIMIT 1`))
			.rows[0]
		if (!version) throw new AppError('input_invalid', `Town ${slug} has no fee rules yet`)
		const rulebook = RulebookSchema.parse(version.rules)
		const residents = (
			await client.query<CalcResident>(`SELECT id, to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", disability::text AS disability FROM ${s}.resident`)
		).rows
		const obligations = (
			await client.query<CalcObligation>(
				`SELECT id, resident_id AS "residentId", fee_type AS "feeType", to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
				   FROM ${s}.obligation WHERE valid_from <= make_date($1, 12, 31) AND (valid_to IS NULL OR valid_to >= make_date($1, 1, 1))`,
				[year],
			)
		).rows
		const drafts = calculateClaims({ rulebook, year, residents, obligations, asOf: asOf.toISOString().slice(0, 10) })
		const existing = new Set((await client.query<{ k: string }>(`SELECT generation_key AS k FROM ${s}.claim WHERE year = $1`, [year])).rows.map((r) => r.k))
		const fresh = drafts.filter((d) => !existing.has(d.generationKey))
		const issueYear = asOf.getUTCFullYear()
		for (let start = 0; start < fresh.length; start += CHUNK) {
			const chunk = fresh.slice(start, start + CHUNK)
			const seqs = (
				await client.query<{ n: string }>(`SELECT nextval('${s.replaceAll("'", "''")}.variable_symbol_seq') AS n FROM generate_series(1, $1)`, [chunk.length])
			).rows
			const col = <K extends keyof (typeof chunk)[number]>(k: K) => chunk.map((d) => d[k])
			await client.query(
				`WITH inserted AS (
				   INSERT INTO ${s}.claim (resident_id, obligation_id, fee_type, year, instalment, instalment_count, label, base_amount, relief_amount, relief_code, amount,
				                           discount_percent, discount_amount, discount_until, due_date, variable_symbol, rule_version, generation_key)
				   SELECT r, o, f, $4, i, ic, l, b, rl, rc, a, dp, da, du, dd, vs, $17, gk
				     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $5::int[], $6::jsonb[], $7::int[], $8::int[], $9::text[], $10::int[],
				                 $11::int[], $12::int[], $13::date[], $14::date[], $15::text[], $16::text[], $18::int[])
				       AS t(r, o, f, i, l, b, rl, rc, a, dp, da, du, dd, vs, gk, ic)
				   ON CONFLICT (generation_key) DO NOTHING
				   RETURNING id, amount)
				 INSERT INTO ${s}.claim_event (claim_id, kind, amount, detail) SELECT id, 'issued', amount, jsonb_build_object('ruleVersion', $17::int) FROM inserted`,
				[
					col('residentId'),
					col('obligationId'),
					col('feeType'),
					year,
					col('instalment'),
					chunk.map((d) => JSON.stringify(d.label)),
					col('baseAmount'),
					col('reliefAmount'),
					col('reliefCode'),
					col('amount'),
					col('discountPercent'),
					col('discountAmount'),
					col('discountUntil'),
					col('dueDate'),
					seqs.map((row) => makeVariableSymbol(issueYear, Number(row.n))),
					col('generationKey'),
					version.version,
					col('instalmentCount'),
				],
			)
			onProgress?.({ done: Math.min(start + CHUNK, fresh.length), total: fresh.length })
		}
		await client.query('COMMIT')
		return { created: fresh.length, existing: drafts.length - fresh.length, ruleVersion: version.version }
	} catch (error) {
		await client.query('ROLLBACK')
		throw error
	} finally {
		client.release()
	}
}
