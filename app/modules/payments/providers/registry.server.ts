// The provider registry: one place that knows which implementation serves which method, built per
// request from the town's active credential (so two towns never share keys).
import type { TenantDb } from '../../db/tenant-db.server'
import { loadGatewayConfig } from '../gateway-credentials.server'
import { createGoPayProvider } from './gopay-provider.server'
import type { CardProvider, PaymentProvider } from './payment-provider'
import { createStripeProvider } from './stripe-provider.server'

type Factory = (db: TenantDb) => Promise<PaymentProvider | null>

const PROVIDERS: Record<CardProvider, Factory> = {
	gopay: async (db) => {
		const config = await loadGatewayConfig(db, 'gopay')
		return config ? createGoPayProvider(config, { timeoutMs: providerTimeoutMs() }) : null
	},
	stripe: async (db) => {
		const config = await loadGatewayConfig(db, 'stripe')
		return config ? createStripeProvider(config) : null
	},
}

// Tests shorten the wait for a gateway that hangs.
function providerTimeoutMs() {
	return Number(process.env.PAYMENT_GATEWAY_TIMEOUT_MS) || 15_000
}

/** The town's provider, or null when it has no active credential for it. */
export function getPaymentProvider(db: TenantDb, name: CardProvider): Promise<PaymentProvider | null> {
	return PROVIDERS[name](db)
}
