// One delivery attempt of a filed conversation (thread_filing), the way submissions are delivered
// (attempt-outbox-row.server.ts): the row is claimed by one conditional UPDATE that moves its next
// attempt a lease ahead, so two runs of the job never send it at once; the connector is called outside
// any transaction; the document key is the records system's idempotency key, so a crash between its
// answer and our commit only causes a repeat that files nothing new. Errors are retried with backoff
// for 48 h; a final one marks the filing failed with its reason, for the clerk to see and resend.
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { attemptOutboxRow, OUTBOX_LEASE_MS } from '../delivery/attempt-outbox-row.server'
import type { DocumentPayload, RecordsConnector } from '../delivery/connector'
import type { LocalizedText } from '../i18n/locales'
import { transitionThreadFiling } from './thread-filing-states'

export type FilingOutcome =
	| { outcome: 'delivered'; externalId: string; referenceNumber?: string }
	| { outcome: 'retry'; nextAttemptAt: Date; error: string }
	| { outcome: 'failed'; error: string }
	| { outcome: 'skipped' }

type Town = { slug: string; name: LocalizedText }

async function buildDocumentPayload(db: TenantDb, town: Town, filingId: string): Promise<DocumentPayload> {
	const filing = await db.threadFiling.findUniqueOrThrow({
		where: { id: filingId },
		select: {
			documentKey: true,
			messageId: true,
			requestedByName: true,
			createdAt: true,
			thread: {
				select: {
					id: true,
					topic: true,
					subject: true,
					createdAt: true,
					person: { select: { givenName: true, familyName: true, email: true } },
					submission: { select: { number: true } },
				},
			},
		},
	})
	const messages = await db.threadMessage.findMany({
		// The office's internal notes are never filed.
		where: { threadId: filing.thread.id, isInternal: false, ...(filing.messageId ? { id: filing.messageId } : {}) },
		orderBy: { createdAt: 'asc' },
		select: {
			id: true,
			author: true,
			authorName: true,
			body: true,
			createdAt: true,
			attachments: { select: { id: true, fileName: true, contentType: true, size: true, sha256: true, content: true }, orderBy: { createdAt: 'asc' } },
		},
	})
	const person = filing.thread.person
	return {
		documentId: filing.documentKey,
		town: { slug: town.slug, name: town.name.cs },
		thread: { id: filing.thread.id, topic: filing.thread.topic, subject: filing.thread.subject, startedAt: filing.thread.createdAt },
		citizen: person ? { givenName: person.givenName, familyName: person.familyName, ...(person.email ? { email: person.email } : {}) } : null,
		submissionNumber: filing.thread.submission?.number ?? null,
		messages: messages.map((m) => ({ id: m.id, at: m.createdAt, author: m.author === 'staff' ? 'staff' : 'citizen', authorName: m.authorName, body: m.body })),
		attachments: messages.flatMap((m) =>
			m.attachments.map((file) => ({
				id: file.id,
				fileName: file.fileName,
				contentType: file.contentType,
				size: file.size,
				sha256: file.sha256,
				content: Buffer.from(file.content),
			})),
		),
		filedBy: filing.requestedByName,
		requestedAt: filing.createdAt,
	}
}

export async function deliverThreadFiling({
	db,
	town,
	connector,
	filingId,
	now = () => new Date(),
}: {
	db: TenantDb
	town: Town
	connector: RecordsConnector
	filingId: string
	now?: () => Date
}): Promise<FilingOutcome> {
	const startedAt = now()
	const claimed = await db.threadFiling.updateMany({
		where: { id: filingId, state: 'pending', nextAttemptAt: { lte: startedAt } },
		data: { nextAttemptAt: new Date(startedAt.getTime() + OUTBOX_LEASE_MS), attempts: { increment: 1 } },
	})
	if (claimed.count === 0) return { outcome: 'skipped' }
	const row = await db.threadFiling.findUniqueOrThrow({ where: { id: filingId }, select: { attempts: true, threadId: true, documentKey: true } })
	const subject = `MessageThread:${row.threadId}`
	const attempt = await attemptOutboxRow({
		attempts: row.attempts,
		now,
		send: async () => connector.fileDocument(await buildDocumentPayload(db, town, filingId)),
		delivered: async (result) => {
			await db.$transaction(async (tx) => {
				const moved = await transitionThreadFiling(tx, {
					filingId,
					change: { to: 'delivered', externalId: result.externalId, referenceNumber: result.referenceNumber ?? null },
					actor: 'job',
					detail: { attempts: row.attempts },
					now: now(),
				})
				if (moved.ok)
					await recordAudit(tx, {
						action: 'message.filed',
						subject,
						details: { documentKey: row.documentKey, externalId: result.externalId, referenceNumber: result.referenceNumber ?? null, attempts: row.attempts },
					})
			})
		},
		// Still pending: a retry moves only the next attempt, not the state, so it is not a transition.
		retry: async (nextAttemptAt, error) => {
			await db.threadFiling.updateMany({ where: { id: filingId, state: 'pending' }, data: { nextAttemptAt, lastError: error } })
		},
		failed: async (error) => {
			await db.$transaction(async (tx) => {
				const moved = await transitionThreadFiling(tx, {
					filingId,
					change: { to: 'failed', error },
					actor: 'job',
					detail: { attempts: row.attempts },
					now: now(),
				})
				if (moved.ok)
					await recordAudit(tx, {
						action: 'message.filing_failed',
						outcome: 'failed',
						subject,
						details: { documentKey: row.documentKey, attempts: row.attempts, error },
					})
			})
		},
	})
	if (attempt.outcome !== 'delivered') return attempt
	return {
		outcome: 'delivered',
		externalId: attempt.result.externalId,
		...(attempt.result.referenceNumber ? { referenceNumber: attempt.result.referenceNumber } : {}),
	}
}

/** Attempts every due filing of the town, oldest first, one at a time (like drainOutbox). */
export async function drainThreadFilings({
	db,
	town,
	connector,
	now = () => new Date(),
	limit = 50,
}: {
	db: TenantDb
	town: Town
	connector: RecordsConnector
	now?: () => Date
	limit?: number
}) {
	const due = await db.threadFiling.findMany({
		where: { state: 'pending', nextAttemptAt: { lte: now() } },
		orderBy: { nextAttemptAt: 'asc' },
		take: limit,
		select: { id: true, threadId: true },
	})
	const outcomes: (FilingOutcome & { threadId: string })[] = []
	for (const { id, threadId } of due) outcomes.push({ threadId, ...(await deliverThreadFiling({ db, town, connector, filingId: id, now })) })
	return outcomes
}
