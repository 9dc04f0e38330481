// The one rule for "what is owed today" on a claim (decision 012). Every place that shows, quotes,
// charges, credits or reminds uses it: the claim list and page, the QR and card payments, crediting
// and the reminders. Pure: the claim's figures and the day (a Prague calendar date) go in, numbers
// come out, so the same claim on the same day gives the same answer everywhere.
import { storedDate, type CalendarDate } from '../dates/prague-date'

export type BalanceClaim = {
	status: string
	/** What is owed without the e-payment discount (base - relief), haléře. */
	amount: number
	/** Money credited so far. */
	paidAmount: number
	/** E-payment discount already granted. */
	discountGranted: number
	/** The claim's whole e-payment discount. */
	discountAmount: number
	/** Last day (Prague) a portal payment keeps the discount; a `date` column. */
	discountUntil: Date | null
	/** A `date` column; optional where only amounts matter. */
	dueDate?: Date
}

export type ClaimBalance = {
	/** Still owed without any discount. */
	remaining: number
	/** Credited above what is owed: money the town has to return. */
	refundable: number
	/** The discount a portal payment started on this day gets (0 when none). */
	discountAvailable: number
	/** What the portal asks for on this day: remaining - discountAvailable. 0 when not payable. */
	payableNow: number
	/** Open or partly paid and something to pay: the only claims that may offer payment. */
	isPayable: boolean
	/** Nothing left to pay (paid or overpaid). */
	isSettled: boolean
	/** Payable and the due date is behind this day. */
	isOverdue: boolean
	/** Why a claim with an e-payment discount left does not get it on this day. */
	discountLost: 'deadline_passed' | 'paid_outside_portal' | null
}

const PAYABLE_STATUSES = new Set(['open', 'partly_paid'])
const SETTLED_STATUSES = new Set(['paid', 'overpaid'])

/** Money still owed on the claim, without any discount. */
export function remainingAmount(claim: Pick<BalanceClaim, 'amount' | 'paidAmount' | 'discountGranted'>): number {
	return Math.max(0, claim.amount - claim.paidAmount - claim.discountGranted)
}

/** Whether `day` is on or before a deadline stored as a `date` (null: no deadline, no discount). */
export function isOnOrBefore(day: CalendarDate, deadline: Date | null): boolean {
	return deadline !== null && day <= storedDate(deadline)
}

/**
 * The balance of a claim on `day` (a Prague calendar date). The e-payment discount is granted to money
 * that comes through the portal by the deadline and covers the rest of the claim; it is available
 * only while there is such money still to send. When what was paid outside the portal has already
 * reached the discounted price (the discount left would cover the whole rest), there is nothing to
 * send through the portal for it, so the discount is not available and the rest is owed in full:
 * the portal never offers a payment of 0 Kč.
 */
export function claimBalance(claim: BalanceClaim, day: CalendarDate): ClaimBalance {
	const remaining = remainingAmount(claim)
	const refundable = Math.max(0, claim.paidAmount + claim.discountGranted - claim.amount)
	const open = PAYABLE_STATUSES.has(claim.status) && remaining > 0
	const discountLeft = Math.max(0, claim.discountAmount - claim.discountGranted)
	let discountAvailable = 0
	let discountLost: ClaimBalance['discountLost'] = null
	if (open && discountLeft > 0) {
		if (!isOnOrBefore(day, claim.discountUntil)) discountLost = 'deadline_passed'
		else if (discountLeft >= remaining) discountLost = 'paid_outside_portal'
		else discountAvailable = discountLeft
	}
	const payableNow = open ? remaining - discountAvailable : 0
	return {
		remaining,
		refundable,
		discountAvailable,
		payableNow,
		isPayable: payableNow > 0,
		isSettled: SETTLED_STATUSES.has(claim.status) || (remaining === 0 && PAYABLE_STATUSES.has(claim.status)),
		isOverdue: payableNow > 0 && claim.dueDate !== undefined && day > storedDate(claim.dueDate),
		discountLost,
	}
}
