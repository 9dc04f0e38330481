import { z } from 'zod'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { RulebookSchema } from '../fees/rulebook-schema'

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
export const AddObligationSchema = z.object({
	residentId: z.uuid(),
	feeType: z.string().min(1),
	validFrom: DateSchema,
	dogName: z.string().trim().max(100).optional(),
	dogChip: z
		.string()
		.regex(/^\d{15}$/)
		.optional(),
	amount: z.coerce.number().positive().max(10_000_000).optional(),
})

type Meta = { db: TenantDb; by: string; ip?: string | null; requestId?: string | null }

/** A clerk adds an obligation (waste fee, a dog with name and chip, a custom fee with its amount). */
export async function addObligation({ db, by, ip = null, requestId = null, input }: Meta & { input: z.output<typeof AddObligationSchema> }) {
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' } })
	const fee = latest ? RulebookSchema.parse(latest.rules).feeTypes.find((f) => f.code === input.feeType) : undefined
	if (!fee) throw new AppError('input_invalid', 'unknown_fee_type')
	if (fee.kind === 'dog' && !input.dogName) throw new AppError('input_invalid', 'dog_name_required')
	if (fee.kind === 'custom' && !input.amount) throw new AppError('input_invalid', 'amount_required')
	const attributes = {
		...(input.dogName ? { dogName: input.dogName } : {}),
		...(input.dogChip ? { dogChip: input.dogChip } : {}),
		...(input.amount ? { amount: Math.round(input.amount * 100) } : {}),
	}
	const obligation = await db.obligation.create({
		data: { residentId: input.residentId, feeType: input.feeType, validFrom: new Date(`${input.validFrom}T00:00:00Z`), attributes, source: 'clerk' },
	})
	await recordAudit(db, {
		action: 'obligation.added',
		staffId: by,
		subject: `Obligation:${obligation.id}`,
		details: { residentId: input.residentId, feeType: input.feeType },
		ip,
		requestId,
	})
	return obligation
}

/** Ends an obligation on a date (moved away, the dog died); claims already issued stay as they are. */
export async function endObligation({ db, by, ip = null, requestId = null, obligationId, validTo }: Meta & { obligationId: string; validTo: string }) {
	const obligation = await db.obligation.findUnique({ where: { id: obligationId } })
	if (!obligation) throw new AppError('input_invalid', 'not_found')
	if (validTo < obligation.validFrom.toISOString().slice(0, 10)) throw new AppError('input_invalid', 'before_valid_from')
	await db.obligation.update({ where: { id: obligationId }, data: { validTo: new Date(`${validTo}T00:00:00Z`) } })
	await recordAudit(db, { action: 'obligation.ended', staffId: by, subject: `Obligation:${obligationId}`, details: { validTo }, ip, requestId })
}
