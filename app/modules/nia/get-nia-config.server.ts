import { getTenantDb } from '../db/tenant-db.server'
import { enforcesProductionRules } from '../env/demo-mode'
import { getEnv } from '../env/env.server'
import { decryptSecret } from '../secrets/secrets.server'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'
import { singleton } from '../util/singleton.server'
import { isLocal } from './assert-production-idp.server'
import { isMinimumLoa, type MinimumLoa } from './nia-protocol'

/** A town's NIA settings, ready for node-saml: the SP key decrypted (kept in memory only, never logged). */
export type NiaConfig = {
	spIssuer: string
	acsUrl: string
	logoutReturnUrl: string
	spPrivateKey: string
	spCertificate: string
	minimumLoa: MinimumLoa
	municipalityCode: string | null
	idpMetadataUrl: string | null
	idpMetadataFetchedAt: Date | null
	/** Null until IdP metadata is stored: then nobody can log in, and the failure page says so. */
	idp: { entityId: string; ssoUrl: string; sloUrl: string | null; certificates: string[] } | null
}

// Cached per town like the town profile (30 s, dropped at once by tenant change notifications).
const cache = singleton('nia-configs', () => ({ ttlMs: 30_000, entries: new Map<string, { slug: string; config: NiaConfig | null; expires: number }>() }))

export function invalidateNiaConfigs(slug: string) {
	if (slug === '*') return cache.entries.clear()
	for (const [id, entry] of cache.entries) if (entry.slug === slug) cache.entries.delete(id)
}

/**
 * Last line of defence: even if a database that once ran the demo is served with NODE_ENV=production,
 * an IdP on this machine (the simulator) is not used; the login then says it is unavailable.
 */
function isAllowedIdp(settings: { idpSsoUrl: string | null; idpSloUrl: string | null; idpMetadataUrl: string | null }) {
	if (!enforcesProductionRules(getEnv().NODE_ENV)) return true
	const local = [settings.idpSsoUrl, settings.idpSloUrl, settings.idpMetadataUrl].some(isLocal)
	if (local) console.error('NIA: the stored IdP points at this machine (the simulator?); refused in production')
	return !local
}

/** The town's NIA configuration, or null when the town has no NIA settings at all. */
export async function getNiaConfig(tenant: ResolvedTenant | { id: string; slug: string }): Promise<NiaConfig | null> {
	const hit = cache.entries.get(tenant.id)
	if (hit && hit.expires > Date.now()) return hit.config
	const settings = await getTenantDb(tenant).niaSettings.findUnique({ where: { id: 1 } })
	const config: NiaConfig | null = settings && {
		spIssuer: settings.spIssuer,
		acsUrl: settings.acsUrl,
		logoutReturnUrl: settings.logoutReturnUrl,
		spPrivateKey: decryptSecret(settings.spPrivateKey),
		spCertificate: settings.spCertificate,
		minimumLoa: isMinimumLoa(settings.minimumLoa) ? settings.minimumLoa : 'substantial',
		municipalityCode: settings.municipalityCode,
		idpMetadataUrl: settings.idpMetadataUrl,
		idpMetadataFetchedAt: settings.idpMetadataFetchedAt,
		idp:
			settings.idpEntityId && settings.idpSsoUrl && settings.idpCertificates.length && isAllowedIdp(settings)
				? { entityId: settings.idpEntityId, ssoUrl: settings.idpSsoUrl, sloUrl: settings.idpSloUrl, certificates: settings.idpCertificates }
				: null,
	}
	if (cache.entries.size > 5_000) cache.entries.clear()
	cache.entries.set(tenant.id, { slug: tenant.slug, config, expires: Date.now() + cache.ttlMs })
	return config
}
