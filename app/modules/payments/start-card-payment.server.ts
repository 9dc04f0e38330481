import type { AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'
import { isAppError } from '../errors/app-error'
import type { Locale } from '../i18n/locales'
import { CardPaymentError } from './card-payment-error'
import { getGatewayClient } from './gateways/clients.server'
import { transitionPayment } from './payment-states'
import { GatewayRefusedError, GatewayUnavailableError, type CardProvider } from './providers/payment-provider'
import { getPaymentProvider } from './providers/registry.server'
import { quoteCardPayment } from './quote-card-payment.server'

export type StartCardPaymentInput = {
	db: TenantDb
	ability: AppAbility
	personId: string
	claimIds: string[]
	provider: CardProvider
	locale: Locale
	townSlug: string
	/** The town's origin as the browser sees it (https://veseli.example). */
	origin: string
	email?: string | null
	description: string
}

/**
 * Creates the payment (amount and discount computed here, never taken from the browser) with one item
 * per claim, then asks the gateway for a payment page. Returns where to send the browser.
 */
export async function startCardPayment(input: StartCardPaymentInput): Promise<{ paymentId: string; redirectUrl: string }> {
	const quote = await quoteCardPayment({ db: input.db, ability: input.ability, claimIds: input.claimIds, locale: input.locale })
	const provider = await getPaymentProvider(input.db, input.provider).catch((error: unknown) => {
		// A stored API URL that is not the provider's (decision 014): nothing is sent, nothing created.
		if (isAppError(error, 'gateway_url_refused')) throw new CardPaymentError('gateway_refused', 'gateway_refused', { cause: error })
		throw error
	})
	if (!provider) throw new CardPaymentError('provider_off')
	const payment = await input.db.payment.create({
		data: {
			method: input.provider,
			amount: quote.toPay,
			personId: input.personId,
			discountUntil: quote.discountUntil,
			locale: input.locale,
			items: { create: quote.lines.map((line) => ({ claimId: line.claimId, amount: 0 })) },
		},
		select: { id: true },
	})
	try {
		const started = await provider.startPayment({
			paymentId: payment.id,
			townSlug: input.townSlug,
			amount: quote.toPay,
			description: input.description,
			items: quote.lines.map((line) => ({ name: `${line.label} (VS ${line.variableSymbol})`, amount: line.toPay })),
			locale: input.locale,
			email: input.email,
			...getGatewayClient(input.provider).callbackUrls(input.origin, payment.id),
		})
		await input.db.$transaction(async (tx) => {
			await tx.payment.update({ where: { id: payment.id }, data: { providerPaymentId: started.providerPaymentId } })
			await transitionPayment(tx, { paymentId: payment.id, to: 'pending', source: 'system', detail: { provider: input.provider } })
		})
		return { paymentId: payment.id, redirectUrl: started.redirectUrl }
	} catch (error) {
		if (error instanceof GatewayRefusedError) {
			await input.db.$transaction((tx) =>
				transitionPayment(tx, { paymentId: payment.id, to: 'failed', source: 'system', detail: { error: error.message.slice(0, 300) } }),
			)
			throw new CardPaymentError('gateway_refused', 'gateway_refused', { cause: error })
		}
		// Unknown whether the gateway created it: the payment stays `created` and the mop-up job expires it.
		if (error instanceof GatewayUnavailableError) throw new CardPaymentError('gateway_unavailable', 'gateway_unavailable', { cause: error })
		throw error
	}
}
