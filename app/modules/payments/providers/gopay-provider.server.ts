import { createGoPayClient, type GoPayConfig, type GoPayState } from '../gopay/gopay-client.server'
import { GoPayError } from '../gopay/gopay-error'
import { GatewayRefusedError, GatewayUnavailableError, type PaymentProvider, type ProviderStatus } from './payment-provider'

const LANG = { cs: 'CS', en: 'EN', uk: 'UK' } as const

export function mapGoPayState(state: GoPayState): ProviderStatus['state'] {
	switch (state) {
		// Refunds are made by clerks through the portal; a refunded payment was paid first.
		case 'PAID':
		case 'REFUNDED':
		case 'PARTIALLY_REFUNDED':
			return 'paid'
		case 'CANCELED':
			return 'cancelled'
		case 'TIMEOUTED':
			return 'expired'
		default:
			return 'pending'
	}
}

function translate(error: unknown): never {
	if (error instanceof GoPayError && !error.retryable) throw new GatewayRefusedError(error.message, { cause: error })
	throw new GatewayUnavailableError(error instanceof Error ? error.message : String(error), { cause: error })
}

/** GoPay REST v3 through our typed client: amounts in haléře, order_number = our payment id. */
export function createGoPayProvider(config: GoPayConfig, options: { timeoutMs?: number } = {}): PaymentProvider {
	const client = createGoPayClient(config, { timeoutMs: options.timeoutMs ?? 15_000 })
	return {
		name: 'gopay',
		async startPayment(input) {
			const created = await client
				.createPayment({
					amount: input.amount,
					currency: 'CZK',
					orderNumber: input.paymentId,
					orderDescription: input.description.slice(0, 256),
					items: input.items.map((item) => ({ name: item.name.slice(0, 256), amount: item.amount, count: 1 })),
					returnUrl: input.returnUrl,
					notificationUrl: input.notificationUrl,
					lang: LANG[input.locale],
					payer: { allowedPaymentInstruments: ['PAYMENT_CARD'], ...(input.email ? { email: input.email } : {}) },
				})
				.catch(translate)
			if (!created.gw_url) throw new GatewayRefusedError('GoPay created the payment without a gateway URL')
			return { providerPaymentId: String(created.id), redirectUrl: created.gw_url }
		},
		async fetchStatus(providerPaymentId) {
			const status = await client.getStatus(providerPaymentId).catch(translate)
			const state = mapGoPayState(status.state)
			return { state, amount: state === 'paid' ? status.amount : 0, raw: status.state }
		},
		async refund({ providerPaymentId, amount }) {
			const result = await client.refund(providerPaymentId, amount).catch(translate)
			if (result.result === 'FAILED') throw new GatewayRefusedError('GoPay refused the refund')
			return { providerRefundId: `${result.id}:${amount}`, finished: result.result === 'FINISHED' }
		},
	}
}
