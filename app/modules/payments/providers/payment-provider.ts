// One interface for every card gateway (CONVENTIONS 22). A provider only talks to its gateway and
// translates its answers into our vocabulary; what happens to the payment and the claims (the inbox,
// the state machine, crediting) is decided once, in apply-provider-status.server.ts.
//
// The QR bank transfer (method bank_transfer) fits the same model without a provider object: its
// "start" is issuing a portal variable symbol (a pending payment), its "notification" is a bank
// statement movement carrying that VS, its "status" is the statement, and its refund is a bank order
// made outside the portal. Both end in the same transitionPayment + creditPayment.

export const CARD_PROVIDERS = ['gopay', 'stripe'] as const
export type CardProvider = (typeof CARD_PROVIDERS)[number]

export function isCardProvider(value: unknown): value is CardProvider {
	return typeof value === 'string' && (CARD_PROVIDERS as readonly string[]).includes(value)
}

export type PortalLocale = 'cs' | 'en' | 'uk'

export type StartPaymentInput = {
	paymentId: string
	townSlug: string
	/** What the citizen pays, in haléře. */
	amount: number
	description: string
	items: { name: string; amount: number }[]
	locale: PortalLocale
	/** Absolute URLs on the town's host. */
	returnUrl: string
	cancelUrl: string
	notificationUrl: string
	email?: string | null
}

export type StartPaymentResult = { providerPaymentId: string; redirectUrl: string }

/** A gateway's answer in the portal's words. `paid` includes a payment refunded since (the money did arrive). */
export type ProviderStatus = {
	state: 'pending' | 'paid' | 'cancelled' | 'expired' | 'failed'
	/** Money the gateway received, in haléře (0 unless paid). */
	amount: number
	/** The gateway's own state name, for the transition log. */
	raw: string
}

export type RefundResult = { providerRefundId: string | null; finished: boolean }

export interface PaymentProvider {
	readonly name: CardProvider
	startPayment(input: StartPaymentInput): Promise<StartPaymentResult>
	/** The only truth about a payment: asked on return, on every notification and by the mop-up job. */
	fetchStatus(providerPaymentId: string): Promise<ProviderStatus>
	refund(input: { providerPaymentId: string; amount: number; reason: string; refundKey: string }): Promise<RefundResult>
}

/** A gateway that did not answer (timeout, network, 5xx): the payment stays as it is and is asked again later. */
export class GatewayUnavailableError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options)
		this.name = 'GatewayUnavailableError'
	}
}

/** A gateway that answered with a refusal (bad credentials, invalid request): trying again will not help. */
export class GatewayRefusedError extends Error {
	constructor(message: string, options?: { cause?: unknown }) {
		super(message, options)
		this.name = 'GatewayRefusedError'
	}
}
