import { settleCardPayment } from '../settle-card-payment.server'
import type { GatewayDescriptor } from './gateway'
import { goPayClient } from './gopay-client.server'

/**
 * GoPay: the notification is an unsigned GET ?id=<GoPay payment id> on every state change, retried
 * until it gets 200. Never trusted: the status is re-queried with the town's credentials and applied
 * through the notification log (a repeat changes nothing). 200 whenever we processed or can ignore
 * it; 503 only when GoPay did not answer our query, so it tries again. The return is the same ?id=.
 */
export const goPayGateway: GatewayDescriptor<Parameters<typeof goPayClient.maskedHint>[0], Parameters<typeof goPayClient.createProvider>[0]> = {
	...goPayClient,
	notification: { segment: 'notify', method: 'GET' },
	async handleNotification({ request, db, town }) {
		const id = new URL(request.url).searchParams.get('id') ?? ''
		if (!/^\d{1,20}$/.test(id)) return { status: 200, body: { outcome: 'ignored' } }
		const result = await settleCardPayment({ db, provider: 'gopay', providerPaymentId: id, source: 'notification', dedupe: true, town })
		return { status: result.outcome === 'gateway_unavailable' ? 503 : 200, body: { outcome: result.outcome } }
	},
	readReturn(url) {
		const id = (url.searchParams.get('id') ?? '').slice(0, 40)
		return /^\d+$/.test(id) ? { providerPaymentId: id } : null
	},
}
