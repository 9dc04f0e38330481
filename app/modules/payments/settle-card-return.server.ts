import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { GatewayDescriptor } from './gateways/gateway'
import { getMyPayment } from './get-my-payment.server'
import type { TownRef } from './send-payment-receipt.server'
import { settleCardPayment } from './settle-card-payment.server'

/**
 * The citizen is back from a gateway. The query only names one of their payments (the gateway reads
 * it, gateway.readReturn); a payment still open is settled from the gateway's own status, or
 * cancelled at the gateway when the citizen pressed Cancel there. Returns the payment as it is now.
 */
export async function settleCardReturn({
	db,
	ability,
	gateway,
	url,
	town,
}: {
	db: TenantDb
	ability: AppAbility
	gateway: GatewayDescriptor
	url: URL
	town: TownRef
}) {
	const query = gateway.readReturn(url)
	if (!query) return null
	const mine =
		'providerPaymentId' in query
			? await getMyPayment({ db, ability, provider: gateway.id, providerPaymentId: query.providerPaymentId })
			: await getMyPayment({ db, ability, paymentId: query.paymentId })
	if (!mine) return null
	if (mine.method === gateway.id && mine.providerPaymentId && (mine.state === 'created' || mine.state === 'pending')) {
		if ('cancelled' in query && query.cancelled && gateway.cancelPayment) await gateway.cancelPayment({ db, providerPaymentId: mine.providerPaymentId, town })
		else await settleCardPayment({ db, provider: gateway.id, providerPaymentId: mine.providerPaymentId, source: 'return', town })
	}
	return getMyPayment({ db, ability, paymentId: mine.id })
}
