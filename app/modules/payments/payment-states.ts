// The one payment state machine (decision 007). Every state change of every payment method goes
// through transitionPayment, so gateways, bank statements and clerks cannot disagree about what is
// allowed; an invalid transition is refused and logged, and every accepted one is recorded.
import type { Prisma } from '../../generated/tenant/client'
import type { PaymentState, TransitionSource } from '../../generated/tenant/enums'

export const PAYMENT_STATES = [
	'created',
	'pending',
	'paid',
	'cancelled',
	'expired',
	'failed',
	'refunded',
	'partially_refunded',
] as const satisfies readonly PaymentState[]

export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
	created: ['pending', 'paid', 'cancelled', 'expired', 'failed'],
	pending: ['paid', 'cancelled', 'expired', 'failed'],
	// A late bank transfer or gateway notification can still pay an expired or cancelled payment:
	// the money arrived and must be credited, not lost.
	cancelled: ['paid'],
	expired: ['paid'],
	failed: ['paid'],
	paid: ['refunded', 'partially_refunded'],
	partially_refunded: ['partially_refunded', 'refunded'],
	refunded: [],
}

export function canTransition(from: PaymentState, to: PaymentState): boolean {
	return PAYMENT_TRANSITIONS[from].includes(to)
}

export type TransitionInput = {
	paymentId: string
	to: PaymentState
	source: TransitionSource
	detail?: Record<string, unknown>
}

export type TransitionResult =
	{ ok: true; from: PaymentState; to: PaymentState } | { ok: false; from: PaymentState | null; to: PaymentState; reason: 'not_found' | 'invalid_transition' }

/**
 * Moves a payment to `to` inside the caller's transaction, locking the row first so two notifications
 * for the same payment serialise. Returns ok: false (and logs) instead of throwing, because webhooks
 * and statement imports must carry on with their other work.
 */
export async function transitionPayment(tx: Prisma.TransactionClient, { paymentId, to, source, detail = {} }: TransitionInput): Promise<TransitionResult> {
	// A touching update takes the row lock (raw SQL would not know the town's schema).
	const locked = await tx.payment.updateMany({ where: { id: paymentId }, data: { updatedAt: new Date() } })
	const from = locked.count ? (await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { state: true } })).state : null
	if (!from) {
		console.warn(JSON.stringify({ msg: 'payment transition refused: no such payment', paymentId, to, source }))
		return { ok: false, from: null, to, reason: 'not_found' }
	}
	if (!canTransition(from, to)) {
		console.warn(JSON.stringify({ msg: 'payment transition refused', paymentId, from, to, source, detail }))
		return { ok: false, from, to, reason: 'invalid_transition' }
	}
	await tx.payment.update({ where: { id: paymentId }, data: { state: to, ...(to === 'paid' ? { paidAt: new Date() } : {}) } })
	await tx.paymentTransition.create({ data: { paymentId, fromState: from, toState: to, source, detail: detail as Prisma.InputJsonValue } })
	return { ok: true, from, to }
}
