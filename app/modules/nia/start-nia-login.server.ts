import { safeReturnTo } from '../auth/current-user.server'
import type { TenantDb } from '../db/tenant-db.server'
import { consumeRateLimit, type RateLimit } from '../rate-limit/consume-rate-limit.server'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'
import { createSaml, isReady } from './create-saml.server'
import { getNiaConfig } from './get-nia-config.server'
import { NiaLoginError, NiaLoginRateLimitError } from './nia-login-error'
import { REQUEST_ID_LIFETIME_MS } from './nia-protocol'
import { refreshIdpMetadataIfStale } from './refresh-idp-metadata.server'
import { SamlRequestStore } from './saml-request-store.server'

/**
 * Anonymous login starts per client (IP, or IPv6 /64) and town: each writes a saml_request row, so
 * they are limited. Generous for a shared office or library connection (six logins a minute, every
 * minute), small enough that the table stays bounded while the ids live.
 */
export const NIA_LOGIN_RATE_LIMIT: RateLimit = { scope: 'nia_login', limit: 30, windowMs: REQUEST_ID_LIFETIME_MS }

/**
 * The URL that sends the citizen to NIA: a signed AuthnRequest in the HTTP-Redirect binding. Its id is
 * stored server-side with where to return afterwards (a same-host path only), so no RelayState is
 * needed and nothing the browser carries decides where the citizen lands. The caller binds the
 * returned request id to the browser (login-binding.server.ts).
 */
export async function startNiaLogin({
	tenant,
	db,
	returnTo,
	isProduction,
	ip,
}: {
	tenant: ResolvedTenant
	db: TenantDb
	returnTo: string | null
	isProduction: boolean
	ip: string | null
}) {
	let config = await getNiaConfig(tenant)
	if (config && (await refreshIdpMetadataIfStale({ tenant, config, isProduction }))) config = await getNiaConfig(tenant)
	if (!isReady(config)) throw new NiaLoginError('not_configured', `${tenant.slug} has no NIA IdP configured`)
	const limit = await consumeRateLimit({ db, rule: NIA_LOGIN_RATE_LIMIT, ip })
	if (!limit.isAllowed) throw new NiaLoginRateLimitError(limit.retryAfterSeconds)
	const store = new SamlRequestStore(db, { returnTo: safeReturnTo(returnTo) })
	const url = await createSaml(config, store).getAuthorizeUrlAsync('', undefined, {})
	if (!store.savedId) throw new Error('node-saml did not save the AuthnRequest id')
	return { url, requestId: store.savedId }
}
