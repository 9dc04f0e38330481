import type { ClaimBalance } from '../claims/claim-balance'

export type ClaimMoneyNote =
	| 'closed'
	| 'settled'
	| 'settledWithDiscount'
	| 'overpaid'
	| 'discountApplies'
	| 'discountEnded'
	| 'discountPaidOutside'
	| 'discountGrantedEarlier'
	| 'noDiscount'

/**
 * Which sentence explains a claim's money on its page (payments.detail.notes). A settled claim says it
 * is settled, and "no discount applies" never stands next to a discount granted (issue 11).
 */
export function claimMoneyNote(claim: { status: string; amount: number; discountGranted: number }, balance: ClaimBalance): ClaimMoneyNote {
	if (claim.status === 'cancelled' || claim.status === 'written_off' || claim.amount === 0) return 'closed'
	if (balance.isSettled) return balance.refundable > 0 ? 'overpaid' : claim.discountGranted > 0 ? 'settledWithDiscount' : 'settled'
	if (balance.discountAvailable > 0) return 'discountApplies'
	if (balance.discountLost === 'deadline_passed') return 'discountEnded'
	if (balance.discountLost === 'paid_outside_portal') return 'discountPaidOutside'
	return claim.discountGranted > 0 ? 'discountGrantedEarlier' : 'noDiscount'
}
