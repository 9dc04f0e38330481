import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const REPRESENTATIONS_PAGE_SIZE = 25

/** Representation requests for residents the clerk may read: those waiting for a clerk first, then the newest; 25 a page. */
export async function listRepresentations({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	const where = { resident: accessibleWhere(ability, 'read', 'Resident') }
	const [total, rows] = await Promise.all([
		db.representation.count({ where }),
		db.representation.findMany({
			where,
			orderBy: [{ confirmedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }],
			skip: (page - 1) * REPRESENTATIONS_PAGE_SIZE,
			take: REPRESENTATIONS_PAGE_SIZE,
			include: { person: { select: { givenName: true, familyName: true } }, resident: { select: { givenName: true, familyName: true, dateOfBirth: true } } },
		}),
	])
	return { total, rows, pages: Math.max(1, Math.ceil(total / REPRESENTATIONS_PAGE_SIZE)) }
}
