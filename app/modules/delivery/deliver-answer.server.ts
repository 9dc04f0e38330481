// One delivery attempt of a citizen's needs-info answer (answer_outbox), the same way as
// deliver-submission (through attempt-outbox-row.server.ts): claimed with a lease by one conditional UPDATE, the connector called outside
// any transaction, retried with backoff for 48 h. The answer waits until its submission itself has
// been filed, since the records system can attach it only to a document it knows.
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { LocalizedText } from '../i18n/locales'
import { attemptOutboxRow, OUTBOX_LEASE_MS } from './attempt-outbox-row.server'
import type { RecordsConnector } from './connector'

export type AnswerDeliveryOutcome =
	| { outcome: 'delivered' }
	| { outcome: 'waiting' }
	| { outcome: 'retry'; nextAttemptAt: Date; error: string }
	| { outcome: 'failed'; error: string }
	| { outcome: 'skipped' }

type Options = { db: TenantDb; town: { slug: string; name: LocalizedText }; connector: RecordsConnector; answerOutboxId: string; now?: () => Date }

const WAIT_FOR_SUBMISSION_MS = 60_000

export async function deliverAnswer({ db, town, connector, answerOutboxId, now = () => new Date() }: Options): Promise<AnswerDeliveryOutcome> {
	const startedAt = now()
	const claimed = await db.answerOutbox.updateMany({
		where: { id: answerOutboxId, state: 'pending', nextAttemptAt: { lte: startedAt } },
		data: { nextAttemptAt: new Date(startedAt.getTime() + OUTBOX_LEASE_MS), attempts: { increment: 1 } },
	})
	if (claimed.count === 0) return { outcome: 'skipped' }
	const row = await db.answerOutbox.findUniqueOrThrow({
		where: { id: answerOutboxId },
		select: {
			attempts: true,
			eventId: true,
			event: {
				select: {
					message: true,
					at: true,
					attachments: { select: { id: true, fileName: true, contentType: true, size: true, sha256: true, content: true }, orderBy: { createdAt: 'asc' } },
				},
			},
			submission: { select: { id: true, number: true, referenceNumber: true, outbox: { select: { state: true, externalId: true } } } },
		},
	})
	const filed = row.submission.outbox
	if (filed?.state !== 'delivered' || !filed.externalId) {
		// Not an attempt: the submission is still on its way (or failed and waits for a resend).
		await db.answerOutbox.update({
			where: { id: answerOutboxId },
			data: { attempts: { decrement: 1 }, nextAttemptAt: new Date(now().getTime() + WAIT_FOR_SUBMISSION_MS) },
		})
		return { outcome: 'waiting' }
	}
	const externalId = filed.externalId
	const attempt = await attemptOutboxRow({
		attempts: row.attempts,
		now,
		send: () =>
			connector.deliverAnswer({
				answerId: `answer-${row.eventId.toString()}`,
				submissionId: row.submission.id,
				number: row.submission.number,
				town: { slug: town.slug, name: town.name.cs },
				externalId,
				referenceNumber: row.submission.referenceNumber,
				answeredAt: row.event.at,
				message: row.event.message ?? '',
				attachments: row.event.attachments.map((file) => ({
					id: file.id,
					fileName: file.fileName,
					contentType: file.contentType,
					size: file.size,
					sha256: file.sha256,
					content: Buffer.from(file.content),
				})),
			}),
		delivered: async (result) => {
			await db.answerOutbox.update({ where: { id: answerOutboxId }, data: { state: 'delivered', externalId: result.externalId, lastError: null } })
		},
		retry: async (nextAttemptAt, error) => {
			await db.answerOutbox.update({ where: { id: answerOutboxId }, data: { nextAttemptAt, lastError: error } })
		},
		failed: async (error) => {
			await db.answerOutbox.update({ where: { id: answerOutboxId }, data: { state: 'failed', lastError: error } })
			await recordAudit(db, {
				action: 'submission.answer_delivery_failed',
				outcome: 'failed',
				subject: `Submission:${row.submission.id}`,
				details: { number: row.submission.number, attempts: row.attempts, error },
			})
		},
	})
	return attempt.outcome === 'delivered' ? { outcome: 'delivered' } : attempt
}
