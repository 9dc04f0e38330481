import { getPlatformDb } from '../db/platform-db.server'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'

/**
 * The town a job is for, read fresh from the platform schema (not the host cache: a worker serves
 * no hosts, and a suspension must stop the next job at once). Null when the town is gone.
 */
export async function findJobTenant(slug: string): Promise<ResolvedTenant | null> {
	const row = await getPlatformDb().tenant.findUnique({
		where: { slug },
		select: { id: true, slug: true, name: true, status: true, hosts: { where: { isPrimary: true }, select: { host: true } } },
	})
	if (!row) return null
	return { id: row.id, slug: row.slug, name: row.name, status: row.status, primaryHost: row.hosts[0]?.host ?? '' }
}
