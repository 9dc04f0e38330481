import { accessibleWhere } from '../access/ability.server'
import { OVERVIEW_LIST_SIZE, type OverviewContext } from './overview-areas.server'

/**
 * Conversations with the office the citizen has not read since the office last wrote (the same
 * rule as the "Zprávy" list: never opened, or a message after the last look), newest first.
 * One round: the count and the first few side by side, both on the (person_id, last_message_at) index.
 */
export async function loadMessagesArea({ db, ability, personId }: OverviewContext) {
	const where = {
		AND: [
			accessibleWhere(ability, 'read', 'MessageThread'),
			{ personId },
			{ OR: [{ citizenReadAt: null }, { citizenReadAt: { lt: db.messageThread.fields.lastMessageAt } }] },
		],
	}
	const [unread, rows] = await Promise.all([
		db.messageThread.count({ where }),
		db.messageThread.findMany({
			where,
			orderBy: [{ lastMessageAt: 'desc' }, { id: 'asc' }],
			take: OVERVIEW_LIST_SIZE,
			select: { id: true, subject: true, topic: true, lastMessageAt: true, submission: { select: { number: true } } },
		}),
	])
	return {
		unread,
		threads: rows.map((row) => ({
			id: row.id,
			subject: row.subject,
			topic: row.topic,
			lastMessageAt: row.lastMessageAt.toISOString(),
			submissionNumber: row.submission?.number ?? null,
		})),
	}
}
