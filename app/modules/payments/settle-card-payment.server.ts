import type { TransitionSource } from '../../generated/tenant/enums'
import type { TenantDb } from '../db/tenant-db.server'
import { applyProviderStatus, type ApplyOutcome } from './apply-provider-status.server'
import { GatewayUnavailableError, type CardProvider, type PaymentProvider } from './providers/payment-provider'
import { getPaymentProvider } from './providers/registry.server'
import type { TownRef } from './send-payment-receipt.server'

export type SettleResult = { outcome: ApplyOutcome | 'gateway_unavailable' | 'provider_off'; paymentId: string | null }

/**
 * Asks the gateway for the truth about one of our payments and applies it. Used by the return page,
 * GoPay's notification (whose `?id=` is never trusted: only the re-queried status counts) and the
 * mop-up job. An id we never issued is ignored without calling the gateway.
 */
export async function settleCardPayment({
	db,
	provider: name,
	providerPaymentId,
	source,
	dedupe = false,
	gateway: given,
	town,
}: {
	db: TenantDb
	provider: CardProvider
	providerPaymentId: string
	source: TransitionSource
	/** Notifications: record (provider, id:state) in the inbox so repeats are no-ops. */
	dedupe?: boolean
	/** A provider already built for this town (the mop-up job reuses one). */
	gateway?: PaymentProvider
	/** The payment's town: a payment credited here gets its receipt e-mail (applyProviderStatus). */
	town?: TownRef
}): Promise<SettleResult> {
	const payment = await db.payment.findUnique({ where: { method_providerPaymentId: { method: name, providerPaymentId } }, select: { id: true } })
	if (!payment) return { outcome: 'unknown_payment', paymentId: null }
	const gateway = given ?? (await getPaymentProvider(db, name))
	if (!gateway) return { outcome: 'provider_off', paymentId: payment.id }
	let status
	try {
		status = await gateway.fetchStatus(providerPaymentId)
	} catch (error) {
		if (error instanceof GatewayUnavailableError) return { outcome: 'gateway_unavailable', paymentId: payment.id }
		throw error
	}
	return applyProviderStatus({
		db,
		provider: name,
		providerPaymentId,
		status,
		source,
		town,
		...(dedupe ? { eventKey: `${providerPaymentId}:${status.raw}`, payload: { id: providerPaymentId, state: status.raw } } : {}),
	})
}
