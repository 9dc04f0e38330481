import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const NOTIFICATIONS_PAGE_SIZE = 25

/** One page of the citizen's notifications, newest first. */
export async function listNotifications({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	const where = accessibleWhere(ability, 'read', 'Notification')
	const total = await db.notification.count({ where })
	const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE))
	const current = Math.min(page, pages)
	const rows = await db.notification.findMany({
		where,
		orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
		skip: (current - 1) * NOTIFICATIONS_PAGE_SIZE,
		take: NOTIFICATIONS_PAGE_SIZE,
		select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
	})
	return { rows, total, pages, page: current }
}

/** Marks one (or, without an id, every) notification of this citizen read. */
export async function markNotificationsRead({ db, ability, id, now = new Date() }: { db: TenantDb; ability: AppAbility; id?: string; now?: Date }) {
	await db.notification.updateMany({
		where: { AND: [accessibleWhere(ability, 'update', 'Notification'), { readAt: null }, id ? { id } : {}] },
		data: { readAt: now },
	})
}
