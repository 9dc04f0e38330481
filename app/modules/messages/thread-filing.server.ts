// A clerk files a conversation (or one message of it) into the town's records system. The request only
// writes the outbox row (thread_filing); the deliver-submissions job sends it through the town's
// connector (deliver-thread-filing.server.ts). The row's unique document key makes the request once-only:
// of two clerks clicking at once, one inserts and the other finds it already asked for.
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { ThreadFilingError } from './thread-filing-error'
import { filingDocumentKey, transitionThreadFiling, type FilingState } from './thread-filing-states'

type Staff = { id: string; name: string }
type RequestMeta = { ip?: string | null; requestId?: string | null }

export type FilingRequestOutcome = { created: boolean; filingId: string }

export async function requestThreadFiling({
	db,
	threadId,
	messageId = null,
	staff,
	hasRecordsSystem,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	threadId: string
	messageId?: string | null
	staff: Staff
	hasRecordsSystem: boolean
	now?: Date
	meta?: RequestMeta
}): Promise<FilingRequestOutcome> {
	if (!hasRecordsSystem) throw new ThreadFilingError('no_records_system')
	if (messageId) {
		// Only a message of this conversation that the citizen saw: internal notes stay in the office.
		const message = await db.threadMessage.findFirst({ where: { id: messageId, threadId, isInternal: false }, select: { id: true } })
		if (!message) throw new ThreadFilingError('message_not_fileable')
	}
	const documentKey = filingDocumentKey({ threadId, messageId })
	return db.$transaction(async (tx) => {
		const inserted = await tx.threadFiling.createMany({
			data: [{ threadId, messageId, documentKey, requestedByStaffId: staff.id, requestedByName: staff.name, nextAttemptAt: now, createdAt: now }],
			skipDuplicates: true,
		})
		const filing = await tx.threadFiling.findUniqueOrThrow({ where: { documentKey }, select: { id: true } })
		if (inserted.count === 1) {
			// The request starts the filing's log; every later change is written by transitionThreadFiling.
			await tx.threadFilingTransition.create({
				data: { filingId: filing.id, fromState: null, toState: 'pending', actor: 'office', at: now, detail: { staffId: staff.id } },
			})
			await recordAudit(tx, {
				action: 'message.filing_requested',
				staffId: staff.id,
				subject: `MessageThread:${threadId}`,
				details: { documentKey, ...(messageId ? { messageId } : {}) },
				...meta,
			})
		}
		return { created: inserted.count === 1, filingId: filing.id }
	})
}

/** A clerk's "try again" for a filing that failed for good: back to pending with a fresh 48-hour window. */
export async function resendThreadFiling({
	db,
	threadId,
	filingId,
	staffId,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	threadId: string
	filingId: string
	staffId: string
	now?: Date
	meta?: RequestMeta
}) {
	await db.$transaction(async (tx) => {
		const reset = await transitionThreadFiling(tx, { filingId, threadId, change: { to: 'pending' }, actor: 'office', detail: { staffId }, now })
		if (!reset.ok) throw new ThreadFilingError('not_resendable')
		const { documentKey } = await tx.threadFiling.findUniqueOrThrow({ where: { id: filingId }, select: { documentKey: true } })
		await recordAudit(tx, { action: 'message.filing_resent', staffId, subject: `MessageThread:${threadId}`, details: { documentKey }, ...meta })
	})
}

export type ThreadFilingRow = {
	id: string
	messageId: string | null
	state: FilingState
	attempts: number
	nextAttemptAt: Date
	lastError: string | null
	referenceNumber: string | null
	externalId: string | null
	requestedByName: string
	createdAt: Date
	filedAt: Date | null
}

/** The conversation's filings for its office page, the whole-conversation one first. */
export async function listThreadFilings(db: TenantDb, threadId: string): Promise<ThreadFilingRow[]> {
	const rows = await db.threadFiling.findMany({
		where: { threadId },
		orderBy: [{ createdAt: 'asc' }],
		select: {
			id: true,
			messageId: true,
			state: true,
			attempts: true,
			nextAttemptAt: true,
			lastError: true,
			referenceNumber: true,
			externalId: true,
			requestedByName: true,
			createdAt: true,
			filedAt: true,
		},
	})
	return rows.sort((a, b) => Number(a.messageId !== null) - Number(b.messageId !== null))
}
