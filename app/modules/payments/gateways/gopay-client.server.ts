import { z } from 'zod'
import { maskSecret } from '../../secrets/secrets.server'
import { OFFICIAL_GATEWAY_API_URLS } from '../gateway-api-url.server'
import type { GoPayConfig } from '../gopay/gopay-client.server'
import { createGoPayProvider } from '../providers/gopay-provider.server'
import type { GatewayClient } from './gateway'

export const GoPayCredentialSchema = z.object({
	goId: z
		.string()
		.trim()
		.regex(/^\d{10}$/, 'GoID has 10 digits'),
	clientId: z.string().trim().min(1, 'Client ID is required').max(200),
	clientSecret: z.string().trim().min(1, 'Client secret is required').max(200),
	apiUrl: z.url({ protocol: /^https?$/ }).optional(),
})
export type GoPayCredential = z.infer<typeof GoPayCredentialSchema>

// Tests shorten the wait for a gateway that hangs.
function providerTimeoutMs() {
	return Number(process.env.PAYMENT_GATEWAY_TIMEOUT_MS) || 15_000
}

/** GoPay REST v3: GoID + OAuth client; no API URL means GoPay's production API. */
export const goPayClient: GatewayClient<GoPayCredential, GoPayConfig> = {
	id: 'gopay',
	credentialSchema: GoPayCredentialSchema,
	credentialFields: [
		{ name: 'goId', secret: false },
		{ name: 'clientId', secret: false },
		{ name: 'clientSecret', secret: true },
	],
	maskedHint: (credential) => `GoID ${credential.goId}, ${maskSecret(credential.clientSecret)}`,
	toConfig: (credential) => ({ ...credential, apiUrl: credential.apiUrl ?? OFFICIAL_GATEWAY_API_URLS.gopay[0]! }),
	createProvider: (config) => createGoPayProvider(config, { timeoutMs: providerTimeoutMs() }),
	// GoPay sends the citizen back to the same page whether they paid or cancelled; ?id= names the payment.
	callbackUrls: (origin) => ({
		returnUrl: `${origin}/platby/gopay/navrat`,
		cancelUrl: `${origin}/platby/gopay/navrat`,
		notificationUrl: `${origin}/api/payments/gopay/notify`,
	}),
}
