// One delivery attempt of one outbox row (attempt-outbox-row.server.ts does the try and the backoff). The row is claimed by moving its next attempt a lease ahead
// in one UPDATE, so two workers never deliver the same submission at once, and no transaction stays
// open while the records system answers. The submission id is the idempotency key: a crash after the
// records system filed it but before we recorded it only causes a harmless repeat after the lease.
import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'
import { transitionSubmission } from '../submissions/submission-states'
import { attemptOutboxRow, OUTBOX_LEASE_MS } from './attempt-outbox-row.server'
import { buildDeliveryPayload } from './build-delivery-payload.server'
import { deliveryTranslator } from './delivery-i18n'
import type { RecordsConnector } from './connector'
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

export async function deliverSubmission({ db, town, connector, submissionId, now = () => new Date() }: Options): Promise<DeliveryOutcome> {
	const startedAt = now()
	// One UPDATE ... WHERE due: of two workers racing, the second finds the row no longer due.
	const claimed = await db.deliveryOutbox.updateMany({
		where: { submissionId, state: 'pending', nextAttemptAt: { lte: startedAt } },
		data: { nextAttemptAt: new Date(startedAt.getTime() + OUTBOX_LEASE_MS), attempts: { increment: 1 } },
	})
	if (claimed.count === 0) return { outcome: 'skipped' }
	const row = await db.deliveryOutbox.findUniqueOrThrow({ where: { submissionId }, select: { id: true, attempts: true } })
	const attempt = await attemptOutboxRow({
		attempts: row.attempts,
		now,
		send: async () => connector.deliver(await buildDeliveryPayload({ db, town, submissionId })),
		delivered: async (result) => {
			const at = now()
			await db.$transaction(async (tx) => {
				await tx.deliveryOutbox.update({ where: { id: row.id }, data: { state: 'delivered', externalId: result.externalId, lastError: null } })
				const event = { kind: 'delivered', actor: 'records', message: result.referenceNumber ?? null } as const
				// A callback may have moved the submission on already; only "submitted" (or a resent "failed") becomes "delivered".
				const moved = await transitionSubmission(tx, { submissionId, to: 'delivered', mover: 'delivery', at, event, quiet: true })
				// Moved on already: the filing still goes on the timeline, the status stays.
				if (!moved.ok) await tx.submissionEvent.create({ data: { submissionId, ...event, status: 'delivered', at } })
				if (result.referenceNumber)
					await tx.submission.updateMany({ where: { id: submissionId, referenceNumber: null }, data: { referenceNumber: result.referenceNumber } })
			})
		},
		retry: async (nextAttemptAt, error) => {
			await db.deliveryOutbox.update({ where: { id: row.id }, data: { nextAttemptAt, lastError: error } })
		},
		failed: async (error) => {
			await db.$transaction(async (tx) => {
				await tx.deliveryOutbox.update({ where: { id: row.id }, data: { state: 'failed', lastError: error } })
				const { locale } = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { locale: true } })
				await transitionSubmission(tx, {
					submissionId,
					to: 'failed',
					mover: 'delivery',
					at: now(),
					event: { kind: 'delivery_failed', actor: 'system', message: deliveryTranslator(locale)('timeline.failed') },
				})
			})
			await notifyDeliveryFailed({ db, townSlug: town.slug, submissionId, error, attempts: row.attempts, at: now() })
		},
	})
	if (attempt.outcome !== 'delivered') return attempt
	return {
		outcome: 'delivered',
		externalId: attempt.result.externalId,
		...(attempt.result.referenceNumber ? { referenceNumber: attempt.result.referenceNumber } : {}),
	}
}
