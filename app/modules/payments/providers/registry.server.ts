// The provider registry: the town's PaymentProvider for a gateway, built per request from the town's
// active credential (so two towns never share keys) by that gateway's client (gateways/).
import type { TenantDb } from '../../db/tenant-db.server'
import { loadGatewayConfig } from '../gateway-credentials.server'
import { getGatewayClient } from '../gateways/clients.server'
import type { CardProvider, PaymentProvider } from './payment-provider'

/** The town's provider, or null when it has no active credential for it. */
export async function getPaymentProvider(db: TenantDb, name: CardProvider): Promise<PaymentProvider | null> {
	const config = await loadGatewayConfig(db, name)
	return config ? getGatewayClient(name).createProvider(config) : null
}
