// CSV import of claims for any fee in the rulebook (custom fees such as rent), documented in
// docs/fees/claims-csv.md. All-or-nothing like the obligations import; idempotent through
// generation_key `import:<claim_id>`, so a re-import adds nothing.
import { z } from 'zod'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { RulebookSchema } from '../fees/rulebook-schema'
import { readCsvRecords, type ParsedCsv } from '../obligations/parse-obligations-csv'
import { makeVariableSymbol } from './variable-symbol'

const ClaimRowSchema = z.object({
	claim_id: z.string().min(1).max(100),
	resident_id: z.string().min(1).max(100),
	fee_type: z.string().min(1),
	year: z.coerce.number().int().min(2000).max(2100),
	amount: z.string().regex(/^\d+(\.\d{1,2})?$/),
	due_date: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.refine((d) => !Number.isNaN(Date.parse(d))),
})
type ClaimRow = z.output<typeof ClaimRowSchema>

type Options = { db: TenantDb; tenantSlug: string; text: string; apply: boolean; by: string; ip?: string | null; requestId?: string | null }

export async function importClaims({ db, tenantSlug, text, apply, by, ip = null, requestId = null }: Options) {
	const { records, errors } = readCsvRecords(text)
	const parsed: ParsedCsv<ClaimRow & { residentUuid: string }> = { rows: [], errors }
	if (!errors.length && records.length === 0) errors.push({ line: 1, column: '', code: 'empty' })
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' } })
	const fees = new Map((latest ? RulebookSchema.parse(latest.rules).feeTypes : []).map((f) => [f.code, f]))
	const residents = new Map(
		(await db.resident.findMany({ where: { externalId: { in: records.map((r) => r.resident_id ?? '') } }, select: { id: true, externalId: true } })).map(
			(r) => [r.externalId!, r.id],
		),
	)
	const seen = new Set<string>()
	records.forEach((record, index) => {
		const line = index + 2
		const row = ClaimRowSchema.safeParse(record)
		if (!row.success) {
			for (const issue of row.error.issues) errors.push({ line, column: String(issue.path[0] ?? ''), code: 'invalid' })
			return
		}
		const residentUuid = residents.get(row.data.resident_id)
		if (!residentUuid) errors.push({ line, column: 'resident_id', code: 'unknown_resident' })
		if (!fees.has(row.data.fee_type)) errors.push({ line, column: 'fee_type', code: 'unknown_fee_type' })
		if (seen.has(row.data.claim_id)) errors.push({ line, column: 'claim_id', code: 'duplicate' })
		seen.add(row.data.claim_id)
		parsed.rows.push({ ...row.data, residentUuid: residentUuid ?? '', line })
	})
	const result = { ...parsed, applied: false, created: 0, existing: 0 }
	if (!apply || errors.length) return result
	const s = quoteIdent(tenantSchemaName(tenantSlug))
	await db.$transaction(
		async (tx) => {
			const keys = parsed.rows.map((r) => `import:${r.claim_id}`)
			const present = new Set(
				(await tx.claim.findMany({ where: { generationKey: { in: keys } }, select: { generationKey: true } })).map((c) => c.generationKey),
			)
			const issueYear = new Date().getUTCFullYear()
			for (const row of parsed.rows) {
				if (present.has(`import:${row.claim_id}`)) {
					result.existing++
					continue
				}
				const [seq] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('${s.replaceAll("'", "''")}.variable_symbol_seq') AS n`)
				const amount = Math.round(Number(row.amount) * 100)
				const claim = await tx.claim.create({
					data: {
						residentId: row.residentUuid,
						feeType: row.fee_type,
						year: row.year,
						label: fees.get(row.fee_type)!.names,
						baseAmount: amount,
						amount,
						dueDate: new Date(`${row.due_date}T00:00:00Z`),
						variableSymbol: makeVariableSymbol(issueYear, Number(seq!.n)),
						ruleVersion: latest!.version,
						generationKey: `import:${row.claim_id}`,
					},
				})
				await tx.claimEvent.create({ data: { claimId: claim.id, kind: 'issued', amount, actor: by, detail: { import: row.claim_id } } })
				result.created++
			}
			await recordAudit(tx, {
				action: 'claims.imported',
				staffId: by,
				details: { rows: parsed.rows.length, created: result.created, existing: result.existing },
				ip,
				requestId,
			})
		},
		{ timeout: 120_000 },
	)
	result.applied = true
	return result
}
