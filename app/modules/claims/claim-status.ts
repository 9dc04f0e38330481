import type { ClaimStatus } from '../../generated/tenant/enums'

/**
 * The one place a claim's status is derived (decision 007): credited = money + discount granted.
 * Cancelled and written-off claims keep their status whatever is credited afterwards.
 */
export function deriveClaimStatus(claim: { amount: number; paidAmount: number; discountGranted: number; status: ClaimStatus }): ClaimStatus {
	if (claim.status === 'cancelled' || claim.status === 'written_off') return claim.status
	const credited = claim.paidAmount + claim.discountGranted
	if (credited <= 0) return 'open'
	if (credited < claim.amount) return 'partly_paid'
	if (credited === claim.amount) return 'paid'
	return 'overpaid'
}

/** A clerk may cancel or write off only a claim still owed (open or partly paid): a closed one is closed, a paid one's money is accounted for. */
export function isClosable(status: ClaimStatus) {
	return status === 'open' || status === 'partly_paid'
}
