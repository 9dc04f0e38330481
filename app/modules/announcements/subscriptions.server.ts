import { randomBytes } from 'node:crypto'
import type { TenantDb } from '../db/tenant-db.server'

/** The topics whose announcements this person receives. */
export async function readSubscribedTopics(db: TenantDb, personId: string): Promise<string[]> {
	const rows = await db.announcementSubscription.findMany({ where: { personId }, select: { topic: true }, orderBy: { topic: 'asc' } })
	return rows.map((row) => row.topic)
}

/**
 * Saves the person's topics (the profile form posts every ticked topic): new ones get their own
 * unsubscribe token, removed ones are deleted, kept ones keep their token (old e-mails still work).
 * Only the town's topics are kept.
 */
export async function saveSubscribedTopics(db: TenantDb, personId: string, topics: string[], townTopics: string[]) {
	const wanted = [...new Set(topics)].filter((topic) => townTopics.includes(topic))
	await db.$transaction(async (tx) => {
		await tx.announcementSubscription.deleteMany({ where: { personId, topic: { notIn: wanted } } })
		await tx.announcementSubscription.createMany({
			data: wanted.map((topic) => ({ personId, topic, token: randomBytes(24).toString('base64url') })),
			skipDuplicates: true,
		})
	})
}

export type UnsubscribeLookup = { state: 'unknown' } | { state: 'open'; topic: string }

/** What an unsubscribe token names (the page shows the topic before the citizen confirms). */
export async function lookUpUnsubscribe(db: TenantDb, token: string): Promise<UnsubscribeLookup> {
	if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return { state: 'unknown' }
	const row = await db.announcementSubscription.findUnique({ where: { token }, select: { topic: true } })
	return row ? { state: 'open', topic: row.topic } : { state: 'unknown' }
}

/**
 * One-click unsubscribe (RFC 8058), without login: the token removes exactly its one subscription.
 * A second click, or an unknown token, changes nothing and says so (returns false).
 */
export async function unsubscribeByToken(db: TenantDb, token: string): Promise<boolean> {
	if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return false
	const { count } = await db.announcementSubscription.deleteMany({ where: { token } })
	return count === 1
}
