// The lifecycle of a conversation filed into the town's records system (thread_filing, issue 15):
// pending (waiting for its next attempt; retried with backoff for 48 h) -> delivered (the records system
// filed it and gave its id, usually with a reference number) or failed (a final refusal, or the window
// used up). A clerk's "try again" puts a failed filing back to pending with a fresh window. Every change
// goes through transitionThreadFiling, like payments and announcements: a refused change is logged and
// changes nothing, every accepted one is recorded in thread_filing_transition.
import type { Prisma } from '../../generated/tenant/client'

export const FILING_STATES = ['pending', 'delivered', 'failed'] as const
export type FilingState = (typeof FILING_STATES)[number]

export const FILING_TRANSITIONS: Readonly<Record<FilingState, readonly FilingState[]>> = {
	pending: ['delivered', 'failed'],
	delivered: [],
	failed: ['pending'],
}

export function canTransitionFiling(from: FilingState, to: FilingState): boolean {
	return FILING_TRANSITIONS[from].includes(to)
}

/** Who moved a filing: a clerk on the conversation's office page, or the deliver-submissions job. */
export type FilingActor = 'office' | 'job'

/** What each target state needs, so the thread_filing CHECKs hold by construction. */
export type FilingChange =
	| { to: 'delivered'; externalId: string; referenceNumber: string | null }
	| { to: 'failed'; error: string }
	// A clerk's resend: a fresh 48-hour window from now.
	| { to: 'pending' }

export type FilingTransitionResult =
	{ ok: true; from: FilingState } | { ok: false; from: FilingState | null; reason: 'not_found' | 'invalid_transition' | 'moved_meanwhile' }

function changedColumns(change: FilingChange, now: Date): Prisma.ThreadFilingUpdateManyMutationInput {
	switch (change.to) {
		case 'delivered':
			return { state: 'delivered', externalId: change.externalId, referenceNumber: change.referenceNumber, filedAt: now, lastError: null }
		case 'failed':
			return { state: 'failed', lastError: change.error }
		case 'pending':
			return { state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null }
	}
}

/**
 * Moves a filing inside the caller's transaction. The UPDATE is conditional on the state just read, so
 * of two workers or two clerks moving the same filing at once only one succeeds; the other is told
 * `moved_meanwhile` and changes nothing. `threadId`, when given, must match (a clerk acts through a
 * conversation's page). Returns ok: false (and logs) instead of throwing; the caller decides.
 */
export async function transitionThreadFiling(
	tx: Prisma.TransactionClient,
	{
		filingId,
		threadId,
		change,
		actor,
		detail = {},
		now = new Date(),
	}: { filingId: string; threadId?: string; change: FilingChange; actor: FilingActor; detail?: Record<string, unknown>; now?: Date },
): Promise<FilingTransitionResult> {
	// The change's own facts (the records system's ids, the error) stay in the log after the row moves on.
	const { to, ...facts } = change
	const filing = await tx.threadFiling.findFirst({ where: { id: filingId, ...(threadId ? { threadId } : {}) }, select: { state: true } })
	if (!filing) {
		console.warn(JSON.stringify({ msg: 'thread filing transition refused: no such filing', filingId, threadId, to, actor }))
		return { ok: false, from: null, reason: 'not_found' }
	}
	const from = filing.state
	if (!canTransitionFiling(from, to)) {
		console.warn(JSON.stringify({ msg: 'thread filing transition refused', filingId, from, to, actor }))
		return { ok: false, from, reason: 'invalid_transition' }
	}
	const moved = await tx.threadFiling.updateMany({ where: { id: filingId, state: from }, data: changedColumns(change, now) })
	if (moved.count === 0) {
		console.warn(JSON.stringify({ msg: 'thread filing transition refused: moved meanwhile', filingId, from, to, actor }))
		return { ok: false, from, reason: 'moved_meanwhile' }
	}
	await tx.threadFilingTransition.create({
		data: { filingId, fromState: from, toState: to, actor, at: now, detail: { ...detail, ...facts } as Prisma.InputJsonValue },
	})
	return { ok: true, from }
}

/** The document key of a whole conversation or of one message: unique in thread_filing and the records system's idempotency key. */
export function filingDocumentKey(target: { threadId: string; messageId?: string | null }): string {
	return target.messageId ? `message-${target.messageId}` : `thread-${target.threadId}`
}
