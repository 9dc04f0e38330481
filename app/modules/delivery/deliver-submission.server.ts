// One delivery attempt of one outbox row. The row is claimed by moving its next attempt a lease ahead
// in one UPDATE, so two workers never deliver the same submission at once, and no transaction stays
// open while the records system answers. The submission id is the idempotency key: a crash after the
// records system filed it but before we recorded it only causes a harmless repeat after the lease.
import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'
import { isWindowExhausted, retryDelayMs } from './backoff'
import { buildDeliveryPayload } from './build-delivery-payload.server'
import { DeliveryError, type RecordsConnector } from './connector'
import { notifyDeliveryFailed } from './notify-delivery-failed.server'

export type DeliveryOutcome =
	| { outcome: 'delivered'; externalId: string; referenceNumber?: string }
	| { outcome: 'retry'; nextAttemptAt: Date; error: string }
	| { outcome: 'failed'; error: string }
	| { outcome: 'skipped' }

type Options = {
	db: TenantDb
	town: { slug: string; name: LocalizedText }
	connector: RecordsConnector
	submissionId: string
	now?: () => Date
}

const LEASE_MS = 5 * 60_000

export async function deliverSubmission({ db, town, connector, submissionId, now = () => new Date() }: Options): Promise<DeliveryOutcome> {
	const startedAt = now()
	// One UPDATE ... WHERE due: of two workers racing, the second finds the row no longer due.
	const claimed = await db.deliveryOutbox.updateMany({
		where: { submissionId, state: 'pending', nextAttemptAt: { lte: startedAt } },
		data: { nextAttemptAt: new Date(startedAt.getTime() + LEASE_MS), attempts: { increment: 1 } },
	})
	if (claimed.count === 0) return { outcome: 'skipped' }
	const row = await db.deliveryOutbox.findUniqueOrThrow({ where: { submissionId }, select: { id: true, attempts: true } })
	try {
		const result = await connector.deliver(await buildDeliveryPayload({ db, town, submissionId }))
		const at = now()
		await db.$transaction(async (tx) => {
			await tx.deliveryOutbox.update({ where: { id: row.id }, data: { state: 'delivered', externalId: result.externalId, lastError: null } })
			// A callback may have moved the submission on already; only "submitted" (or a resent "failed") becomes "delivered".
			await tx.submission.updateMany({ where: { id: submissionId, status: { in: ['submitted', 'failed'] } }, data: { status: 'delivered', deliveredAt: at } })
			if (result.referenceNumber) await tx.submission.updateMany({ where: { id: submissionId, referenceNumber: null }, data: { referenceNumber: result.referenceNumber } })
			await tx.submissionEvent.create({ data: { submissionId, kind: 'delivered', status: 'delivered', actor: 'records', message: result.referenceNumber ?? null, at } })
		})
		return { outcome: 'delivered', externalId: result.externalId, ...(result.referenceNumber ? { referenceNumber: result.referenceNumber } : {}) }
	} catch (error) {
		const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000)
		const retryable = !(error instanceof DeliveryError) || error.retryable
		if (retryable && !isWindowExhausted(row.attempts)) {
			const nextAttemptAt = new Date(now().getTime() + retryDelayMs(row.attempts))
			await db.deliveryOutbox.update({ where: { id: row.id }, data: { nextAttemptAt, lastError: message } })
			return { outcome: 'retry', nextAttemptAt, error: message }
		}
		await db.$transaction(async (tx) => {
			await tx.deliveryOutbox.update({ where: { id: row.id }, data: { state: 'failed', lastError: message } })
			await tx.submission.update({ where: { id: submissionId }, data: { status: 'failed' } })
		})
		await notifyDeliveryFailed({ db, townSlug: town.slug, submissionId, error: message, attempts: row.attempts, at: now() })
		return { outcome: 'failed', error: message }
	}
}
