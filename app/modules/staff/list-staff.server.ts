import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const STAFF_PAGE_SIZE = 25

/** One page of the town's staff the ability may read, newest first, and the number of pages. */
export async function listStaff({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	const where = accessibleWhere(ability, 'read', 'StaffUser')
	const [total, rows] = await Promise.all([
		db.staffUser.count({ where }),
		db.staffUser.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			skip: (page - 1) * STAFF_PAGE_SIZE,
			take: STAFF_PAGE_SIZE,
			select: { id: true, name: true, email: true, roles: true, agendas: true, disabledAt: true, totpEnabledAt: true, passwordHash: true, lockedUntil: true },
		}),
	])
	const staff = rows.map(({ passwordHash, disabledAt, totpEnabledAt, lockedUntil, ...row }) => ({
		...row,
		disabledAt: disabledAt?.toISOString() ?? null,
		totpEnabledAt: totpEnabledAt?.toISOString() ?? null,
		lockedUntil: lockedUntil?.toISOString() ?? null,
		isInvitationPending: passwordHash === null,
	}))
	return { staff, total, pages: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)) }
}
