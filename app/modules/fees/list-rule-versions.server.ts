import type { TenantDb } from '../db/tenant-db.server'

export const RULE_VERSIONS_PAGE_SIZE = 20

/** One page of the rulebook's versions, newest first; claims name the version they were computed with. */
export async function listRuleVersions({ db, page }: { db: TenantDb; page: number }) {
	const [total, rows] = await Promise.all([
		db.feeRuleVersion.count(),
		db.feeRuleVersion.findMany({
			orderBy: { version: 'desc' },
			skip: (page - 1) * RULE_VERSIONS_PAGE_SIZE,
			take: RULE_VERSIONS_PAGE_SIZE,
			select: { version: true, createdAt: true, createdBy: true, _count: { select: { claims: true } } },
		}),
	])
	const versions = rows.map((r) => ({ version: r.version, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy, claims: r._count.claims }))
	return { versions, total, pages: Math.max(1, Math.ceil(total / RULE_VERSIONS_PAGE_SIZE)) }
}

/** The newest rulebook version, or null before the first one is saved. */
export async function findLatestRuleVersion({ db }: { db: TenantDb }) {
	return db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' } })
}
