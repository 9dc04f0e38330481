import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { claimBalance } from '../claims/claim-balance'
import { pragueToday, storedDate } from '../dates/prague-date'
import { CardPaymentError } from './card-payment-error'

export type QuoteLine = { claimId: string; label: string; variableSymbol: string; base: number; discount: number; toPay: number; discountUntil: string | null }
export type CardPaymentQuote = { lines: QuoteLine[]; base: number; discount: number; toPay: number; discountUntil: Date | null }

export const MAX_CLAIMS_PER_PAYMENT = 20

/**
 * What the citizen will pay for these claims, computed on the server by the one rule of what is owed
 * today (claimBalance, decision 012): the rest of each claim less the e-payment discount still open.
 * Only claims the asker may read and that still owe money; anything else is refused with a reason.
 */
export async function quoteCardPayment({
	db,
	ability,
	claimIds,
	locale,
	now = new Date(),
}: {
	db: TenantDb
	ability: AppAbility
	claimIds: string[]
	locale: Locale
	now?: Date
}): Promise<CardPaymentQuote> {
	const ids = [...new Set(claimIds)]
	if (ids.length === 0) throw new CardPaymentError('no_claims')
	if (ids.length > MAX_CLAIMS_PER_PAYMENT) throw new CardPaymentError('too_many_claims')
	if (!ids.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw new CardPaymentError('claim_not_found')
	const claims = await db.claim.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'Claim'), { id: { in: ids } }] },
		orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
		select: {
			id: true,
			label: true,
			variableSymbol: true,
			amount: true,
			paidAmount: true,
			discountGranted: true,
			discountAmount: true,
			discountUntil: true,
			status: true,
		},
	})
	if (claims.length !== ids.length) throw new CardPaymentError('claim_not_found')
	const today = pragueToday(now)
	const lines = claims.map((claim): QuoteLine => {
		const balance = claimBalance(claim, today)
		if (!balance.isPayable) throw new CardPaymentError('claim_not_payable')
		const discount = balance.discountAvailable
		return {
			claimId: claim.id,
			label: pickText(claim.label as LocalizedText, locale),
			variableSymbol: claim.variableSymbol,
			base: balance.remaining,
			discount,
			toPay: balance.payableNow,
			discountUntil: claim.discountUntil ? storedDate(claim.discountUntil) : null,
		}
	})
	const sum = (key: 'base' | 'discount' | 'toPay') => lines.reduce((total, line) => total + line[key], 0)
	const deadlines = lines
		.filter((line) => line.discount > 0)
		.map((line) => line.discountUntil!)
		.sort()
	return { lines, base: sum('base'), discount: sum('discount'), toPay: sum('toPay'), discountUntil: deadlines[0] ? new Date(deadlines[0]) : null }
}
