// The net under the gateways: a card payment whose notification never came (the app was down, the
// gateway gave up, the citizen closed the tab) is asked about after 30 minutes; one still without a
// final answer after 90 minutes expires and its claims are open again. A late payment can still turn
// an expired payment into paid (payment-states.ts), so nothing is lost by expiring.
import type { TenantDb } from '../db/tenant-db.server'
import { transitionPayment } from './payment-states'
import { isCardProvider, type CardProvider, type PaymentProvider } from './providers/payment-provider'
import { getPaymentProvider } from './providers/registry.server'
import type { TownRef } from './send-payment-receipt.server'
import { settleCardPayment } from './settle-card-payment.server'

export const MOP_UP_AFTER_MS = 30 * 60_000
export const EXPIRE_AFTER_MS = 90 * 60_000
const BATCH = 200

export type MopUpSummary = { checked: number; settled: number; expired: number; stillPending: number; credited: string[] }

export function hasPaymentsToMopUp(db: TenantDb, now = new Date()) {
	return db.payment.findFirst({
		where: { method: { in: ['gopay', 'stripe'] }, state: { in: ['created', 'pending'] }, createdAt: { lte: new Date(now.getTime() - MOP_UP_AFTER_MS) } },
		select: { id: true },
	})
}

/** With `town`, a payment credited here gets its receipt e-mail like any other settled payment. */
export async function mopUpPayments({ db, now = new Date(), town }: { db: TenantDb; now?: Date; town?: TownRef }): Promise<MopUpSummary> {
	const summary: MopUpSummary = { checked: 0, settled: 0, expired: 0, stillPending: 0, credited: [] }
	const stale = await db.payment.findMany({
		where: { method: { in: ['gopay', 'stripe'] }, state: { in: ['created', 'pending'] }, createdAt: { lte: new Date(now.getTime() - MOP_UP_AFTER_MS) } },
		orderBy: { createdAt: 'asc' },
		take: BATCH,
		select: { id: true, method: true, providerPaymentId: true, createdAt: true },
	})
	const providers = new Map<CardProvider, PaymentProvider | null>()
	for (const payment of stale) {
		if (!isCardProvider(payment.method)) continue
		summary.checked++
		if (payment.providerPaymentId) {
			if (!providers.has(payment.method)) providers.set(payment.method, await getPaymentProvider(db, payment.method))
			const provider = providers.get(payment.method)
			const result = provider
				? await settleCardPayment({ db, provider: payment.method, providerPaymentId: payment.providerPaymentId, source: 'mop_up', gateway: provider, town })
				: { outcome: 'provider_off' as const }
			if (result.outcome === 'credited' || result.outcome === 'closed') {
				summary.settled++
				if (result.outcome === 'credited') summary.credited.push(payment.id)
				continue
			}
		}
		// Never reached the gateway, or no final answer yet: expire once the 90 minutes are up.
		if (now.getTime() - payment.createdAt.getTime() >= EXPIRE_AFTER_MS || !payment.providerPaymentId) {
			const result = await db.$transaction((tx) =>
				transitionPayment(tx, {
					paymentId: payment.id,
					to: 'expired',
					source: 'mop_up',
					detail: { reason: payment.providerPaymentId ? 'no final answer from the gateway' : 'never reached the gateway' },
				}),
			)
			if (result.ok) summary.expired++
		} else summary.stillPending++
	}
	return summary
}
