import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const THREADS_PAGE_SIZE = 20

/** One page of the citizen's conversations, newest activity first, with whether the office wrote since they last looked. */
export async function listMyThreads({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	const where = accessibleWhere(ability, 'read', 'MessageThread')
	const total = await db.messageThread.count({ where })
	const pages = Math.max(1, Math.ceil(total / THREADS_PAGE_SIZE))
	const current = Math.min(page, pages)
	const rows = await db.messageThread.findMany({
		where,
		orderBy: [{ lastMessageAt: 'desc' }, { id: 'asc' }],
		skip: (current - 1) * THREADS_PAGE_SIZE,
		take: THREADS_PAGE_SIZE,
		select: { id: true, topic: true, subject: true, state: true, lastMessageAt: true, citizenReadAt: true, submission: { select: { number: true } } },
	})
	return {
		rows: rows.map(({ citizenReadAt, ...row }) => ({ ...row, isUnread: !citizenReadAt || citizenReadAt < row.lastMessageAt })),
		total,
		pages,
		page: current,
	}
}
