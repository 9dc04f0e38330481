import type { TenantDb } from '../db/tenant-db.server'

/** The citizen opened the thread: it is read, and so are the reply notifications that point at it. */
export async function markThreadRead(db: TenantDb, { threadId, personId, now = new Date() }: { threadId: string; personId: string; now?: Date }) {
	await db.messageThread.updateMany({ where: { id: threadId, personId }, data: { citizenReadAt: now } })
	await db.notification.updateMany({ where: { personId, link: `/zpravy/${threadId}`, readAt: null }, data: { readAt: now } })
}
