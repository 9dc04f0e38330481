import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'
import type { RecordsConnector } from './connector'
import { deliverAnswer, type AnswerDeliveryOutcome } from './deliver-answer.server'

type Options = { db: TenantDb; town: { slug: string; name: LocalizedText }; connector: RecordsConnector; now?: () => Date; limit?: number }

/** Attempts every due needs-info answer of the town, oldest first, one at a time (like drainOutbox). */
export async function drainAnswerOutbox({ db, town, connector, now = () => new Date(), limit = 50 }: Options) {
	const due = await db.answerOutbox.findMany({
		where: { state: 'pending', nextAttemptAt: { lte: now() } },
		orderBy: { nextAttemptAt: 'asc' },
		take: limit,
		select: { id: true, submissionId: true },
	})
	const outcomes: (AnswerDeliveryOutcome & { submissionId: string })[] = []
	for (const { id, submissionId } of due) outcomes.push({ submissionId, ...(await deliverAnswer({ db, town, connector, answerOutboxId: id, now })) })
	return outcomes
}
