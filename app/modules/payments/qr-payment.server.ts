// A portal QR payment (decision 007): a pending bank_transfer payment with its own variable symbol
// covering one or several claims. Money arriving with that VS by `discount_until` keeps the e-payment
// discount, which is how "paid electronically through the portal" is checkable from a bank statement.
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import { claimBalance } from '../claims/claim-balance'
import { makeVariableSymbol } from '../claims/variable-symbol'
import { pragueToday } from '../dates/prague-date'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import type { TenantDb } from '../db/tenant-db.server'
import { transitionPayment } from './payment-states'
import { QrPaymentError } from './qr-payment-error'

export const MAX_CLAIMS_PER_PAYMENT = 50
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Options = {
	db: TenantDb
	slug: string
	ability: AppAbility
	personId: string
	claimIds: string[]
	locale?: string
	now?: Date
}

/**
 * Creates the QR payment for the chosen claims, or returns the pending one this citizen already has
 * for the same claims and the same amount (clicking again never burns a new VS). Every claim must be
 * readable by the citizen (own or represented) and still have something to pay.
 */
export async function createOrReuseQrPayment({
	db,
	slug,
	ability,
	personId,
	claimIds,
	locale,
	now = new Date(),
}: Options): Promise<{ paymentId: string; variableSymbol: string; amount: number; reused: boolean }> {
	const ids = [...new Set(claimIds)].sort()
	if (ids.length === 0) throw new QrPaymentError('selection_invalid', 'Choose at least one claim')
	if (ids.length !== claimIds.length || ids.length > MAX_CLAIMS_PER_PAYMENT)
		throw new QrPaymentError('selection_invalid', `Choose at most ${MAX_CLAIMS_PER_PAYMENT} different claims`)
	if (!ids.every((id) => UUID.test(id))) throw new QrPaymentError('claim_not_found', 'No such claim')

	return db.$transaction(async (tx) => {
		// Lock the claims in id order: two clicks at once serialise, and the second one reuses.
		const touched = await tx.claim.updateMany({
			where: { AND: [accessibleWhere(ability, 'read', 'Claim'), { id: { in: ids } }] },
			data: { updatedAt: new Date() },
		})
		const claims = await tx.claim.findMany({
			where: { AND: [accessibleWhere(ability, 'read', 'Claim'), { id: { in: ids } }] },
			select: { id: true, status: true, amount: true, paidAmount: true, discountGranted: true, discountAmount: true, discountUntil: true },
			orderBy: { id: 'asc' },
		})
		if (touched.count !== ids.length || claims.length !== ids.length) throw new QrPaymentError('claim_not_found', 'No such claim')
		const today = pragueToday(now)
		const balances = claims.map((claim) => ({ claim, balance: claimBalance(claim, today) }))
		const unpayable = balances.find(({ balance }) => !balance.isPayable)
		if (unpayable) throw new QrPaymentError('claim_not_payable', `Claim ${unpayable.claim.id} has nothing left to pay`)

		const amount = balances.reduce((sum, { balance }) => sum + balance.payableNow, 0)
		// One deadline per payment: the earliest among the discounts still open (crediting checks it).
		const deadlines = balances.filter(({ balance }) => balance.discountAvailable > 0).map(({ claim }) => claim.discountUntil!.getTime())
		const discountUntil = deadlines.length ? new Date(Math.min(...deadlines)) : null

		const candidates = await tx.payment.findMany({
			where: {
				personId,
				method: 'bank_transfer',
				state: 'pending',
				amount,
				discountUntil,
				variableSymbol: { not: null },
				items: { every: { claimId: { in: ids } } },
			},
			select: { id: true, variableSymbol: true, items: { select: { claimId: true } } },
			orderBy: { createdAt: 'desc' },
		})
		const same = candidates.find((payment) => payment.items.length === ids.length)
		if (same) return { paymentId: same.id, variableSymbol: same.variableSymbol!, amount, reused: true }

		const sequence = quoteIdent(tenantSchemaName(slug)).replaceAll("'", "''")
		const [row] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`SELECT nextval('${sequence}.variable_symbol_seq') AS n`)
		const variableSymbol = makeVariableSymbol(Number(today.slice(0, 4)), Number(row!.n))
		const payment = await tx.payment.create({
			data: {
				method: 'bank_transfer',
				amount,
				variableSymbol,
				personId,
				discountUntil,
				locale: locale ?? null,
				items: { create: ids.map((claimId) => ({ claimId, amount: 0 })) },
			},
			select: { id: true },
		})
		const moved = await transitionPayment(tx, { paymentId: payment.id, to: 'pending', source: 'system', detail: { qr: true } })
		if (!moved.ok) throw new Error(`QR payment ${payment.id} could not become pending`)
		return { paymentId: payment.id, variableSymbol, amount, reused: false }
	})
}
