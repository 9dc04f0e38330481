import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'
import type { RecordsConnector } from './connector'
import { deliverSubmission, type DeliveryOutcome } from './deliver-submission.server'

type Options = {
	db: TenantDb
	town: { slug: string; name: LocalizedText }
	connector: RecordsConnector
	now?: () => Date
	/** At most this many deliveries per run; the job runs again for the rest. */
	limit?: number
}

/**
 * Attempts every due pending delivery of the town, oldest first. Returns the outcomes and when the
 * next pending one falls due (null: nothing left), so the caller can schedule the next run.
 */
export async function drainOutbox({ db, town, connector, now = () => new Date(), limit = 50 }: Options) {
	const due = await db.deliveryOutbox.findMany({
		where: { state: 'pending', nextAttemptAt: { lte: now() } },
		orderBy: { nextAttemptAt: 'asc' },
		take: limit,
		select: { submissionId: true },
	})
	const outcomes: (DeliveryOutcome & { submissionId: string })[] = []
	// One at a time: a records system that is struggling should not get a burst from us.
	for (const { submissionId } of due) outcomes.push({ submissionId, ...(await deliverSubmission({ db, town, connector, submissionId, now })) })
	const next = await db.deliveryOutbox.findFirst({ where: { state: 'pending' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } })
	return { outcomes, nextDueAt: next?.nextAttemptAt ?? null }
}
