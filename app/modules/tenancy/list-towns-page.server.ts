import { getPlatformDb } from '../db/platform-db.server'

export const TOWNS_PAGE_SIZE = 25

/** One page of towns for the vendor console: slug, name, status, hosts. Nothing from a town's schema. */
export async function listTownsPage({ page }: { page: number }) {
	const db = getPlatformDb()
	const [total, towns] = await Promise.all([
		db.tenant.count(),
		db.tenant.findMany({
			orderBy: { slug: 'asc' },
			skip: (page - 1) * TOWNS_PAGE_SIZE,
			take: TOWNS_PAGE_SIZE,
			select: { slug: true, name: true, status: true, hosts: { select: { host: true, isPrimary: true }, orderBy: [{ isPrimary: 'desc' }, { host: 'asc' }] } },
		}),
	])
	return { towns, total, page, pages: Math.max(1, Math.ceil(total / TOWNS_PAGE_SIZE)) }
}
