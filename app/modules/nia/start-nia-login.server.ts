import { safeReturnTo } from '../auth/current-user.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'
import { createSaml, isReady } from './create-saml.server'
import { getNiaConfig } from './get-nia-config.server'
import { NiaLoginError } from './nia-login-error'
import { refreshIdpMetadataIfStale } from './refresh-idp-metadata.server'
import { SamlRequestStore } from './saml-request-store.server'

/**
 * The URL that sends the citizen to NIA: a signed AuthnRequest in the HTTP-Redirect binding. Its id is
 * stored server-side with where to return afterwards (a same-host path only), so no RelayState is
 * needed and nothing the browser carries decides where the citizen lands.
 */
export async function startNiaLogin({ tenant, db, returnTo, isProduction }: { tenant: ResolvedTenant; db: TenantDb; returnTo: string | null; isProduction: boolean }) {
	let config = await getNiaConfig(tenant)
	if (config && (await refreshIdpMetadataIfStale({ tenant, config, isProduction }))) config = await getNiaConfig(tenant)
	if (!isReady(config)) throw new NiaLoginError('not_configured', `${tenant.slug} has no NIA IdP configured`)
	const store = new SamlRequestStore(db, { returnTo: safeReturnTo(returnTo) })
	return createSaml(config, store).getAuthorizeUrlAsync('', undefined, {})
}
