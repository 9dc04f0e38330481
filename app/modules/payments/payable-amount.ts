// What a claim still needs and what the portal asks for it now (decision 007): the e-payment discount
// counts only while its date has not passed and only for what the discount has not yet covered.

export type PayableClaim = {
	status: string
	amount: number
	paidAmount: number
	discountGranted: number
	discountAmount: number
	discountUntil: Date | null
}

export const PAYABLE_STATUSES = ['open', 'partly_paid'] as const

const dateOnly = (d: Date) => d.toISOString().slice(0, 10)

/** Outstanding money without any discount. */
export function remainingAmount(claim: Pick<PayableClaim, 'amount' | 'paidAmount' | 'discountGranted'>): number {
	return Math.max(0, claim.amount - claim.paidAmount - claim.discountGranted)
}

/** The discount a portal payment started on `today` would still get (0 once the date has passed). */
export function availableDiscount(claim: PayableClaim, today: Date): number {
	if (!claim.discountUntil || dateOnly(today) > dateOnly(claim.discountUntil)) return 0
	return Math.min(Math.max(0, claim.discountAmount - claim.discountGranted), remainingAmount(claim))
}

export function isPayable(claim: PayableClaim): boolean {
	return (PAYABLE_STATUSES as readonly string[]).includes(claim.status) && remainingAmount(claim) > 0
}

/** What the citizen pays through the portal today: the rest minus the discount still available. */
export function portalAmount(claim: PayableClaim, today: Date): number {
	return remainingAmount(claim) - availableDiscount(claim, today)
}
