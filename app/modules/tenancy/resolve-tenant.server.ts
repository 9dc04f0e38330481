import { getPlatformDb } from '../db/platform-db.server'
import { singleton } from '../util/singleton.server'

export type ResolvedTenant = {
	id: string
	slug: string
	name: string
	status: 'active' | 'suspended'
	primaryHost: string
}

export type HostResolution = { kind: 'tenant'; tenant: ResolvedTenant; isPrimaryHost: boolean } | { kind: 'unknown' }

type Entry = { value: HostResolution; expires: number }
const cache = singleton('tenant-host-cache', () => ({ ttlMs: 10_000, entries: new Map<string, Entry>() }))

export function setTenantCacheTtl(ms: number) {
	cache.ttlMs = ms
}

/** Drops cached host lookups: all of them, since a town's change can touch several hosts. */
export function invalidateTenantCache() {
	cache.entries.clear()
}

/**
 * Host -> town, cached for a short TTL (unknown hosts too, so a flood of bogus hosts costs one
 * query each per TTL). Throws when the database cannot be reached; callers answer 503.
 */
export async function resolveTenantByHost(host: string): Promise<HostResolution> {
	const now = Date.now()
	const hit = cache.entries.get(host)
	if (hit && hit.expires > now) return hit.value
	const row = await getPlatformDb().tenantHost.findUnique({
		where: { host },
		select: {
			isPrimary: true,
			tenant: {
				select: { id: true, slug: true, name: true, status: true, hosts: { where: { isPrimary: true }, select: { host: true } } },
			},
		},
	})
	const value: HostResolution = row
		? {
				kind: 'tenant',
				isPrimaryHost: row.isPrimary,
				tenant: {
					id: row.tenant.id,
					slug: row.tenant.slug,
					name: row.tenant.name,
					status: row.tenant.status,
					primaryHost: row.tenant.hosts[0]?.host ?? host,
				},
			}
		: { kind: 'unknown' }
	// Bounded: bogus hosts must not grow memory without limit.
	if (cache.entries.size > 10_000) cache.entries.clear()
	cache.entries.set(host, { value, expires: now + cache.ttlMs })
	return value
}
