import { claimBalance } from '../claims/claim-balance'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { pragueToday } from '../dates/prague-date'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import type { TenantDb } from '../db/tenant-db.server'
import { transitionPayment } from '../payments/payment-states'

/**
 * Where the town lets a payment slip keep the e-payment discount without login: a portal QR payment
 * with no person for the one claim, with its own VS and the discount deadline (as a logged-in citizen's
 * QR payment, decision 007), so that crediting grants the discount to money arriving by the deadline.
 * A pending one for the same claim, amount and deadline is reused: a second lookup burns no new VS.
 * Returns null when the claim has no discount to keep on this day (then the slip's own VS is used).
 */
export async function createOrReuseSlipPayment({
	db,
	slug,
	claimId,
	locale,
	now = new Date(),
}: {
	db: TenantDb
	slug: string
	claimId: string
	locale: string
	now?: Date
}) {
	return db.$transaction(async (tx) => {
		// Lock the claim: two lookups at once serialise, and the second one reuses.
		await tx.claim.update({ where: { id: claimId }, data: { updatedAt: new Date() }, select: { id: true } })
		const claim = await tx.claim.findUniqueOrThrow({
			where: { id: claimId },
			select: { status: true, amount: true, paidAmount: true, discountGranted: true, discountAmount: true, discountUntil: true },
		})
		const today = pragueToday(now)
		const balance = claimBalance(claim, today)
		if (!balance.isPayable || balance.discountAvailable === 0) return null
		const amount = balance.payableNow
		const discountUntil = claim.discountUntil
		const same = await tx.payment.findFirst({
			where: {
				personId: null,
				method: 'bank_transfer',
				state: 'pending',
				amount,
				discountUntil,
				variableSymbol: { not: null },
				items: { every: { claimId }, some: { claimId } },
			},
			select: { id: true },
			orderBy: { createdAt: 'desc' },
		})
		if (same) return { paymentId: same.id }
		const sequence = quoteIdent(tenantSchemaName(slug)).replaceAll("'", "''")
		const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('${sequence}.variable_symbol_seq') AS n`)
		const variableSymbol = makeVariableSymbol(Number(today.slice(0, 4)), Number(row!.n))
		const payment = await tx.payment.create({
			data: { method: 'bank_transfer', amount, variableSymbol, personId: null, discountUntil, locale, items: { create: [{ claimId, amount: 0 }] } },
			select: { id: true },
		})
		const moved = await transitionPayment(tx, { paymentId: payment.id, to: 'pending', source: 'system', detail: { qr: true, withoutLogin: true } })
		if (!moved.ok) throw new Error(`Slip payment ${payment.id} could not become pending`)
		return { paymentId: payment.id }
	})
}
