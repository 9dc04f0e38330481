import { accessibleWhere } from '../access/ability.server'
import { OVERVIEW_LIST_SIZE, type OverviewContext } from './overview-areas.server'

/** Unread notifications, newest first. One round: the count and the first few side by side (index person_id, created_at). */
export async function loadNotificationsArea({ db, ability, personId }: OverviewContext) {
	const where = { AND: [accessibleWhere(ability, 'read', 'Notification'), { personId, readAt: null }] }
	const [unread, rows] = await Promise.all([
		db.notification.count({ where }),
		db.notification.findMany({
			where,
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			take: OVERVIEW_LIST_SIZE,
			select: { id: true, kind: true, params: true, link: true, createdAt: true },
		}),
	])
	return {
		unread,
		notifications: rows.map((row) => ({
			id: row.id,
			kind: row.kind,
			params: (row.params ?? {}) as Record<string, string>,
			link: row.link,
			createdAt: row.createdAt.toISOString(),
		})),
	}
}
