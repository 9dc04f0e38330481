// A card gateway as a plugin (issue 12.4, decision 019). Everything the portal knows about one
// provider is in its descriptor, in two layers so that no import cycle appears:
// - the client (`<id>-client.server.ts`): credential schema and form fields, masked hint, defaults,
//   the PaymentProvider factory and the callback URLs. Used by the credential store, payment start,
//   settling and the mop-up.
// - the gateway (`<id>-gateway.server.ts`): the client plus how its return and notification requests
//   are read and answered. Used by the one return route and the one notification route.
// Adding a provider: its id in CARD_PROVIDERS (providers/payment-provider.ts), a PaymentProvider, the
// two files here, an entry in clients.server.ts and registry.server.ts, its texts in card-payments.json
// (gateways.fields.*, gateways.apiUrlHint.*), and its official API URLs (gateway-api-url.server.ts).
import type { z } from 'zod'
import type { TenantDb } from '../../db/tenant-db.server'
import type { CardProvider, PaymentProvider } from '../providers/payment-provider'
import type { TownRef } from '../send-payment-receipt.server'

/** One input of the admin's credential form; its label is card-payments `gateways.fields.<name>`. */
export type CredentialField = { name: string; secret: boolean }

export type CallbackUrls = { returnUrl: string; cancelUrl: string; notificationUrl: string }

export interface GatewayClient<Credential extends { apiUrl?: string | undefined } = { apiUrl?: string | undefined }, Config = unknown> {
	readonly id: CardProvider
	readonly credentialSchema: z.ZodType<Credential>
	/** The admin form's inputs, in order; `apiUrl` is shown by the page on its own and is not listed. */
	readonly credentialFields: readonly CredentialField[]
	/** What the admin page shows of a stored credential: never the secret. */
	maskedHint(credential: Credential): string
	/** The stored credential with defaults filled in, as the client needs it. */
	toConfig(credential: Credential): Config
	createProvider(config: Config): PaymentProvider
	/** Absolute URLs on the town's host the gateway sends the citizen and its notifications to. */
	callbackUrls(origin: string, paymentId: string): CallbackUrls
}

/** What a return URL names: one of our payments (by the gateway's id or ours), and whether the citizen cancelled. */
export type ReturnQuery = { providerPaymentId: string } | { paymentId: string; cancelled: boolean }

export type NotificationAnswer = { status: number; body: Record<string, unknown>; headers?: Record<string, string> }

export interface GatewayDescriptor<
	Credential extends { apiUrl?: string | undefined } = { apiUrl?: string | undefined },
	Config = unknown,
> extends GatewayClient<Credential, Config> {
	/** /api/payments/<id>/<segment>, the URL registered at the provider. */
	readonly notification: { segment: string; method: 'GET' | 'POST' }
	/** Verifies and applies one notification; a credited payment's receipt goes out inside (town). */
	handleNotification(input: { request: Request; db: TenantDb; town: TownRef }): Promise<NotificationAnswer>
	/** Reads /platby/<id>/navrat: which payment it names (never trusted: the status is re-queried), or null. */
	readReturn(url: URL): ReturnQuery | null
	/** The citizen cancelled at the gateway (only gateways whose cancel leaves the payment open). */
	cancelPayment?(input: { db: TenantDb; providerPaymentId: string; town: TownRef }): Promise<unknown>
}
