// A town's gateway credentials (issue 5): encrypted at rest with the key id kept for rotation, shown
// only masked, never logged or sent back. Saving a new credential activates it and retires the one it
// replaces, so the history (added, active, retired) stays. Reading the plain values is for the
// payment code alone (loadGatewayConfig); no page ever gets them.
import { z } from 'zod'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { decryptSecret, encryptSecret, maskSecret } from '../secrets/secrets.server'
import { assertAllowedGatewayApiUrl, OFFICIAL_GATEWAY_API_URLS } from './gateway-api-url.server'
import type { CardProvider } from './providers/payment-provider'
import { retireActiveGatewayCredential, type GatewayCredentialState } from './gateway-credential-states'

const UrlSchema = z.url({ protocol: /^https?$/ }).optional()

export const GoPayCredentialSchema = z.object({
	goId: z.string().trim().regex(/^\d{10}$/, 'GoID has 10 digits'),
	clientId: z.string().trim().min(1, 'Client ID is required').max(200),
	clientSecret: z.string().trim().min(1, 'Client secret is required').max(200),
	apiUrl: UrlSchema,
})
export const StripeCredentialSchema = z.object({
	secretKey: z.string().trim().regex(/^(sk|rk)_(test|live)_\w{4,}$/, 'A Stripe secret key starts with sk_test_ or sk_live_'),
	webhookSecret: z.string().trim().regex(/^whsec_\w{4,}$/, 'A webhook signing secret starts with whsec_'),
	apiUrl: UrlSchema,
})
export type GoPayCredential = z.infer<typeof GoPayCredentialSchema>
export type StripeCredential = z.infer<typeof StripeCredentialSchema>
export type GatewayConfigOf<P extends CardProvider> = P extends 'gopay' ? GoPayCredential & { apiUrl: string } : StripeCredential

export const CREDENTIAL_SCHEMAS = { gopay: GoPayCredentialSchema, stripe: StripeCredentialSchema } as const

const GOPAY_PRODUCTION_API = OFFICIAL_GATEWAY_API_URLS.gopay[0]!

function hintOf(provider: CardProvider, config: GoPayCredential | StripeCredential) {
	return provider === 'gopay' ? `GoID ${(config as GoPayCredential).goId}, ${maskSecret((config as GoPayCredential).clientSecret)}` : maskSecret((config as StripeCredential).secretKey)
}

/**
 * Validates, encrypts and activates a credential; the previous active one of that provider is retired.
 * An API URL other than the provider's official ones is refused (`gateway_url_refused`, nothing stored).
 */
export async function setGatewayCredential({ db, provider, values, actor }: { db: TenantDb; provider: CardProvider; values: unknown; actor: string | null }) {
	const parsed = CREDENTIAL_SCHEMAS[provider].safeParse(values)
	if (!parsed.success) throw new AppError('input_invalid', 'The gateway credential is invalid', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`))
	assertAllowedGatewayApiUrl(provider, parsed.data.apiUrl)
	const stored = encryptSecret(JSON.stringify(parsed.data))
	const keyId = stored.split(':')[2] ?? ''
	const now = new Date()
	return db.$transaction(async (tx) => {
		await retireActiveGatewayCredential(tx, { provider, at: now })
		return tx.gatewayCredential.create({
			data: { provider, config: stored, keyId, status: 'active' satisfies GatewayCredentialState, activatedAt: now, maskedHint: hintOf(provider, parsed.data), createdBy: actor },
			select: { id: true, provider: true, maskedHint: true, status: true },
		})
	})
}

/** Retires the active credential: the provider is off for new payments (running ones still settle). */
export async function retireGatewayCredential({ db, provider }: { db: TenantDb; provider: CardProvider }) {
	return retireActiveGatewayCredential(db, { provider })
}

/** Masked history for the admin page: never the secret. */
export function listGatewayCredentials(db: TenantDb) {
	return db.gatewayCredential.findMany({
		orderBy: [{ provider: 'asc' }, { createdAt: 'desc' }],
		select: { id: true, provider: true, status: true, maskedHint: true, keyId: true, createdBy: true, createdAt: true, activatedAt: true, retiredAt: true },
		take: 100,
	})
}

export async function listActiveProviders(db: TenantDb): Promise<CardProvider[]> {
	const rows = await db.gatewayCredential.findMany({ where: { status: 'active' }, select: { provider: true }, orderBy: { provider: 'asc' } })
	return rows.map((row) => row.provider as CardProvider)
}

/**
 * The decrypted configuration of the active credential, or of a given (possibly retired) one: a
 * payment started under a credential keeps being queried with it. Null when the provider is off.
 */
export async function loadGatewayConfig<P extends CardProvider>(db: TenantDb, provider: P): Promise<GatewayConfigOf<P> | null> {
	const row = await db.gatewayCredential.findFirst({ where: { provider, status: 'active' }, select: { config: true } })
	if (!row) return null
	const config = CREDENTIAL_SCHEMAS[provider].parse(JSON.parse(decryptSecret(row.config)))
	if (provider === 'gopay') return { ...config, apiUrl: config.apiUrl ?? GOPAY_PRODUCTION_API } as GatewayConfigOf<P>
	return config as GatewayConfigOf<P>
}
