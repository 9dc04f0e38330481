import { z } from 'zod'
import { maskSecret } from '../../secrets/secrets.server'
import { createStripeProvider } from '../providers/stripe-provider.server'
import type { StripeConfig } from '../stripe'
import type { GatewayClient } from './gateway'

export const StripeCredentialSchema = z.object({
	secretKey: z
		.string()
		.trim()
		.regex(/^(sk|rk)_(test|live)_\w{4,}$/, 'A Stripe secret key starts with sk_test_ or sk_live_'),
	webhookSecret: z
		.string()
		.trim()
		.regex(/^whsec_\w{4,}$/, 'A webhook signing secret starts with whsec_'),
	apiUrl: z.url({ protocol: /^https?$/ }).optional(),
})
export type StripeCredential = z.infer<typeof StripeCredentialSchema>

/** Stripe Checkout through the official SDK; the webhook signing secret is per town. */
export const stripeClient: GatewayClient<StripeCredential, StripeConfig> = {
	id: 'stripe',
	credentialSchema: StripeCredentialSchema,
	credentialFields: [
		{ name: 'secretKey', secret: true },
		{ name: 'webhookSecret', secret: true },
	],
	maskedHint: (credential) => maskSecret(credential.secretKey),
	toConfig: (credential) => credential,
	createProvider: (config) => createStripeProvider(config),
	// Cancel at Stripe leaves the session open: the return page names our payment and expires it.
	callbackUrls: (origin, paymentId) => ({
		returnUrl: `${origin}/platby/stripe/navrat`,
		cancelUrl: `${origin}/platby/stripe/navrat?payment=${paymentId}&cancel=1`,
		notificationUrl: `${origin}/api/payments/stripe/webhook`,
	}),
}
