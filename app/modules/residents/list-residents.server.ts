import { z } from 'zod'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const RESIDENTS_PAGE_SIZE = 25

/** The residents register a clerk may read, searched by words (each must match a name or equal the external id), 25 a page. */
export async function listResidents({ db, ability, q, page }: { db: TenantDb; ability: AppAbility; q: string; page: number }) {
	const words = q.split(/\s+/).filter(Boolean)
	const where = {
		AND: [
			accessibleWhere(ability, 'read', 'Resident'),
			...words.map((w) => ({
				OR: [{ givenName: { contains: w, mode: 'insensitive' as const } }, { familyName: { contains: w, mode: 'insensitive' as const } }, { externalId: w }],
			})),
		],
	}
	const [total, rows] = await Promise.all([
		db.resident.count({ where }),
		db.resident.findMany({
			where,
			orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
			skip: (page - 1) * RESIDENTS_PAGE_SIZE,
			take: RESIDENTS_PAGE_SIZE,
			include: { household: { select: { label: true } }, _count: { select: { obligations: true } } },
		}),
	])
	return { total, rows, pages: Math.max(1, Math.ceil(total / RESIDENTS_PAGE_SIZE)) }
}

/** One resident with their obligations, newest first, or null when the id is not a UUID or nothing has it. */
export async function findResidentWithObligations({ db, id }: { db: TenantDb; id: string | undefined }) {
	return z.uuid().safeParse(id).success ? db.resident.findUnique({ where: { id: id! }, include: { obligations: { orderBy: { validFrom: 'desc' } } } }) : null
}
