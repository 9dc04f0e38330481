import type { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import type { NotificationKind } from './notification-kinds'
import { wantsNotification } from './preferences.server'

type Db = TenantDb | Prisma.TransactionClient

export type NotifyInput = {
	personId: string
	kind: NotificationKind
	/** Names the event, e.g. "submission-event:42": the same event never notifies twice. */
	eventKey: string
	link: string
	params?: Record<string, string>
}

/**
 * Puts one notification in the citizen's portal list, unless they turned that kind off in the portal.
 * Exactly once per event: (person, event key) is unique and a repeat is skipped, so a retried job or a
 * double-submitted form changes nothing. Returns whether a new notification was created.
 */
export async function notify(db: Db, { personId, kind, eventKey, link, params = {} }: NotifyInput): Promise<boolean> {
	if (!(await wantsNotification(db, personId, kind, 'portal'))) return false
	const { count } = await db.notification.createMany({ data: [{ personId, kind, eventKey, link, params }], skipDuplicates: true })
	return count === 1
}

/** A notification the citizen has not opened yet. */
export const UNREAD = { readAt: null } satisfies Prisma.NotificationWhereInput
