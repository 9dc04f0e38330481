import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { RulebookSchema } from '../fees/rulebook-schema'
import { parseObligationsCsv, type ObligationRow, type ParsedCsv } from './parse-obligations-csv'

type Options = { db: TenantDb; text: string; apply: boolean; by: string; ip?: string | null; requestId?: string | null }
export type ImportResult = ParsedCsv<ObligationRow> & { applied: boolean; residentsCreated: number; obligationsCreated: number; obligationsUpdated: number }

/**
 * Checks an obligations CSV against the town's newest rulebook and, when asked and only when every
 * row is valid, applies it in one transaction. Rows are keyed by the file's own ids (resident_id,
 * obligation_id -> external_id), so importing the same file again changes nothing and adds nothing.
 */
export async function importObligations({ db, text, apply, by, ip = null, requestId = null }: Options): Promise<ImportResult> {
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' } })
	const feeTypes = latest ? RulebookSchema.parse(latest.rules).feeTypes : []
	const parsed = parseObligationsCsv(text, feeTypes)
	const result = { ...parsed, applied: false, residentsCreated: 0, obligationsCreated: 0, obligationsUpdated: 0 }
	if (!apply || parsed.errors.length > 0) return result
	await db.$transaction(
		async (tx) => {
			const residentIds = new Map<string, string>()
			for (const row of parsed.rows) {
				if (residentIds.has(row.resident_id)) continue
				const existing = await tx.resident.findUnique({ where: { externalId: row.resident_id }, select: { id: true } })
				const data = {
					givenName: row.given_name,
					familyName: row.family_name,
					dateOfBirth: new Date(`${row.date_of_birth}T00:00:00Z`),
					disability: row.disability,
				}
				const resident = existing
					? await tx.resident.update({ where: { id: existing.id }, data })
					: await tx.resident.create({ data: { ...data, externalId: row.resident_id } })
				if (!existing) result.residentsCreated++
				residentIds.set(row.resident_id, resident.id)
			}
			for (const row of parsed.rows) {
				const attributes = {
					...(row.dog_name ? { dogName: row.dog_name } : {}),
					...(row.dog_chip ? { dogChip: row.dog_chip } : {}),
					...(row.amount ? { amount: Math.round(Number(row.amount) * 100) } : {}),
				}
				const data = {
					residentId: residentIds.get(row.resident_id)!,
					feeType: row.fee_type,
					validFrom: new Date(`${row.valid_from}T00:00:00Z`),
					validTo: row.valid_to ? new Date(`${row.valid_to}T00:00:00Z`) : null,
					attributes,
				}
				const existing = await tx.obligation.findUnique({ where: { externalId: row.obligation_id }, select: { id: true } })
				if (existing) {
					await tx.obligation.update({ where: { id: existing.id }, data })
					result.obligationsUpdated++
				} else {
					await tx.obligation.create({ data: { ...data, externalId: row.obligation_id, source: 'import' } })
					result.obligationsCreated++
				}
			}
			await recordAudit(tx, {
				action: 'obligations.imported',
				staffId: by,
				details: {
					rows: parsed.rows.length,
					residentsCreated: result.residentsCreated,
					obligationsCreated: result.obligationsCreated,
					obligationsUpdated: result.obligationsUpdated,
				},
				ip,
				requestId,
			})
		},
		{ timeout: 120_000 },
	)
	result.applied = true
	return result
}
