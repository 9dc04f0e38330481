// The one thread state machine (decision 023). Every change of a conversation's state goes through
// transitionThread, so the citizen's reply, the clerk's reply, closing and reopening cannot disagree;
// a refused change is logged and every accepted one is recorded in thread_transition.
import type { Prisma } from '../../generated/tenant/client'

export const THREAD_STATES = ['new', 'waiting_for_office', 'waiting_for_citizen', 'closed'] as const
export type ThreadState = (typeof THREAD_STATES)[number]

export const THREAD_TRANSITIONS: Readonly<Record<ThreadState, readonly ThreadState[]>> = {
	// A citizen adding to a thread nobody has answered yet keeps it "new" (new -> new is allowed).
	new: ['new', 'waiting_for_office', 'waiting_for_citizen', 'closed'],
	waiting_for_office: ['waiting_for_office', 'waiting_for_citizen', 'closed'],
	waiting_for_citizen: ['waiting_for_office', 'waiting_for_citizen', 'closed'],
	// Reopening: by the office, or by the citizen writing again.
	closed: ['waiting_for_office', 'waiting_for_citizen'],
}

/** The states in which the office owes an answer: the "days waiting" clock runs. */
export const OFFICE_OWES: ReadonlySet<ThreadState> = new Set(['new', 'waiting_for_office'])

export function canTransitionThread(from: ThreadState, to: ThreadState): boolean {
	return THREAD_TRANSITIONS[from].includes(to)
}

export type ThreadTransitionResult = { ok: true; from: ThreadState } | { ok: false; from: ThreadState | null; reason: 'not_found' | 'invalid_transition' }

/**
 * Moves a thread to `to` inside the caller's transaction, locking the row first so a citizen's reply
 * and a clerk's close serialise. `waiting_since` restarts when the office starts to owe an answer.
 */
export async function transitionThread(
	tx: Prisma.TransactionClient,
	{ threadId, to, actor, now = new Date() }: { threadId: string; to: ThreadState; actor: string; now?: Date },
): Promise<ThreadTransitionResult> {
	const locked = await tx.messageThread.updateMany({ where: { id: threadId }, data: { updatedAt: now } })
	const from = locked.count ? ((await tx.messageThread.findUniqueOrThrow({ where: { id: threadId }, select: { state: true } })).state as ThreadState) : null
	if (!from) return { ok: false, from: null, reason: 'not_found' }
	if (!canTransitionThread(from, to)) {
		console.warn(JSON.stringify({ msg: 'thread transition refused', threadId, from, to, actor }))
		return { ok: false, from, reason: 'invalid_transition' }
	}
	if (from === to) return { ok: true, from }
	const startsOwing = OFFICE_OWES.has(to) && !OFFICE_OWES.has(from)
	await tx.messageThread.update({
		where: { id: threadId },
		data: { state: to, ...(startsOwing ? { waitingSince: now } : OFFICE_OWES.has(to) ? {} : { waitingSince: null }) },
	})
	await tx.threadTransition.create({ data: { threadId, fromState: from, toState: to, actor, at: now } })
	return { ok: true, from }
}
