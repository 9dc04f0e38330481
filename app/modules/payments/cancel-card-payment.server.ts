import type { TenantDb } from '../db/tenant-db.server'
import { applyProviderStatus } from './apply-provider-status.server'
import { loadGatewayConfig } from './gateway-credentials.server'
import { createStripeClient } from './stripe'
import type { TownRef } from './send-payment-receipt.server'
import { settleCardPayment } from './settle-card-payment.server'

/**
 * The citizen pressed Cancel on Stripe's page, which leaves the session open: expire it at Stripe
 * first (so it can no longer be paid), then mark the payment cancelled. If Stripe says it was paid
 * after all, the payment is settled as paid instead.
 */
export async function cancelStripePayment({ db, providerPaymentId, town }: { db: TenantDb; providerPaymentId: string; town?: TownRef }) {
	const config = await loadGatewayConfig(db, 'stripe')
	if (!config) return { outcome: 'provider_off' as const }
	try {
		await createStripeClient(config).checkout.sessions.expire(providerPaymentId)
	} catch {
		return settleCardPayment({ db, provider: 'stripe', providerPaymentId, source: 'return', town })
	}
	return applyProviderStatus({
		db,
		provider: 'stripe',
		providerPaymentId,
		status: { state: 'cancelled', amount: 0, raw: 'expired_on_cancel' },
		source: 'return',
		town,
	})
}
