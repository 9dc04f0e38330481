// A town's gateway credentials (issue 5): encrypted at rest with the key id kept for rotation, shown
// only masked, never logged or sent back. Saving a new credential activates it and retires the one it
// replaces, so the history (added, active, retired) stays. Reading the plain values is for the
// payment code alone (loadGatewayConfig); no page ever gets them.
import type { Prisma } from '../../generated/tenant/client'
import { townOf, type TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { decryptSecret, encryptSecret } from '../secrets/secrets.server'
import { assertAllowedGatewayApiUrl } from './gateway-api-url.server'
import { getGatewayClient, type GatewayConfigOf } from './gateways/clients.server'
import type { CardProvider } from './providers/payment-provider'
import { notifyTownChanged, rememberForTown } from '../tenancy/town-cache.server'
import { retireActiveGatewayCredential, type GatewayCredentialState } from './gateway-credential-states'

export type { GatewayConfigOf } from './gateways/clients.server'

/**
 * Validates, encrypts and activates a credential; the previous active one of that provider is retired.
 * An API URL other than the provider's official ones is refused (`gateway_url_refused`, nothing stored).
 */
export async function setGatewayCredential({ db, provider, values, actor }: { db: TenantDb; provider: CardProvider; values: unknown; actor: string | null }) {
	const client = getGatewayClient(provider)
	const parsed = client.credentialSchema.safeParse(values)
	if (!parsed.success)
		throw new AppError(
			'input_invalid',
			'The gateway credential is invalid',
			parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
		)
	assertAllowedGatewayApiUrl(provider, parsed.data.apiUrl)
	const stored = encryptSecret(JSON.stringify(parsed.data))
	const keyId = stored.split(':')[2] ?? ''
	const now = new Date()
	return db.$transaction(async (tx) => {
		await retireActiveGatewayCredential(tx, { provider, at: now })
		await announceProvidersChanged(db, tx)
		return tx.gatewayCredential.create({
			data: {
				provider,
				config: stored,
				keyId,
				status: 'active' satisfies GatewayCredentialState,
				activatedAt: now,
				maskedHint: client.maskedHint(parsed.data),
				createdBy: actor,
			},
			select: { id: true, provider: true, maskedHint: true, status: true },
		})
	})
}

/** Retires the active credential: the provider is off for new payments (running ones still settle). */
export async function retireGatewayCredential({ db, provider }: { db: TenantDb; provider: CardProvider }) {
	return db.$transaction(async (tx) => {
		await announceProvidersChanged(db, tx)
		return retireActiveGatewayCredential(tx, { provider })
	})
}

/**
 * The pages' "pay by card" offer is remembered per town (listActiveProviders): every process forgets it
 * when the change commits (the NOTIFY goes out with the transaction, or not at all).
 */
async function announceProvidersChanged(db: TenantDb, tx: Prisma.TransactionClient) {
	const town = townOf(db)
	if (town) await notifyTownChanged(tx, town.slug)
}

/** Masked history for the admin page: never the secret. */
export function listGatewayCredentials(db: TenantDb) {
	return db.gatewayCredential.findMany({
		orderBy: [{ provider: 'asc' }, { createdAt: 'desc' }],
		select: { id: true, provider: true, status: true, maskedHint: true, keyId: true, createdBy: true, createdAt: true, activatedAt: true, retiredAt: true },
		take: 100,
	})
}

/** The card gateways the town has on; every payment page asks, so the answer is remembered per town (town-cache.server.ts). */
export function listActiveProviders(db: TenantDb): Promise<CardProvider[]> {
	const load = async () => {
		const rows = await db.gatewayCredential.findMany({ where: { status: 'active' }, select: { provider: true }, orderBy: { provider: 'asc' } })
		return rows.map((row) => row.provider as CardProvider)
	}
	const town = townOf(db)
	return town ? rememberForTown(town, 'card-providers', load) : load()
}

/**
 * The decrypted configuration of the active credential, or of a given (possibly retired) one: a
 * payment started under a credential keeps being queried with it. Null when the provider is off.
 */
export async function loadGatewayConfig<P extends CardProvider>(db: TenantDb, provider: P): Promise<GatewayConfigOf<P> | null> {
	const row = await db.gatewayCredential.findFirst({ where: { provider, status: 'active' }, select: { config: true } })
	if (!row) return null
	const client = getGatewayClient(provider)
	return client.toConfig(client.credentialSchema.parse(JSON.parse(decryptSecret(row.config)))) as GatewayConfigOf<P>
}
