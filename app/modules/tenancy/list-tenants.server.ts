import { getPlatformDb } from '../db/platform-db.server'

export async function listTenants() {
	const tenants = await getPlatformDb().tenant.findMany({
		orderBy: { slug: 'asc' },
		select: { slug: true, name: true, status: true, createdAt: true, hosts: { select: { host: true, isPrimary: true }, orderBy: { host: 'asc' } } },
	})
	return tenants.map((t) => ({
		slug: t.slug,
		name: t.name,
		status: t.status,
		createdAt: t.createdAt.toISOString(),
		primaryHost: t.hosts.find((h) => h.isPrimary)?.host ?? null,
		hosts: t.hosts.map((h) => h.host),
	}))
}
