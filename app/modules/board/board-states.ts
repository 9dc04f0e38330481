// The one state machine of a board document (decision 015). Every change of `state` goes through
// transitionBoardDocument, which locks the row, refuses what the table does not allow and logs what
// it does. Which state a document should be in follows from its dates on the Prague calendar
// (dueState); the clock job and the pages apply that through the same function.
import type { Prisma } from '../../generated/tenant/client'

export const BOARD_STATES = ['planned', 'posted', 'removed_early', 'expired'] as const
export type BoardState = (typeof BOARD_STATES)[number]
export type BoardTransitionSource = 'clerk' | 'clock'

export const BOARD_TRANSITIONS: Readonly<Record<BoardState, readonly BoardState[]>> = {
	// A planned document can be withdrawn before it ever shows (removed_early, with a reason), or its
	// day can pass while nobody looked (straight to expired, both dates in the past).
	planned: ['posted', 'removed_early', 'expired'],
	posted: ['removed_early', 'expired'],
	removed_early: [],
	expired: [],
}

export function canTransitionBoard(from: BoardState, to: BoardState) {
	return BOARD_TRANSITIONS[from].includes(to)
}

export function isBoardState(value: string): value is BoardState {
	return (BOARD_STATES as readonly string[]).includes(value)
}

/** Where the dates put a document on a Prague calendar day (YYYY-MM-DD); removal is the clerk's, not the calendar's. */
export function dueState(document: { state: string; postedFrom: string; postedUntil: string }, today: string): BoardState {
	if (document.state === 'removed_early') return 'removed_early'
	if (today < document.postedFrom) return 'planned'
	if (today > document.postedUntil) return 'expired'
	return 'posted'
}

export type BoardTransitionResult =
	{ ok: true; from: BoardState; to: BoardState } | { ok: false; from: BoardState | null; to: BoardState; reason: 'not_found' | 'invalid_transition' }

export async function transitionBoardDocument(
	tx: Prisma.TransactionClient,
	{
		documentId,
		to,
		source,
		actor = null,
		reason = null,
		at = new Date(),
	}: { documentId: string; to: BoardState; source: BoardTransitionSource; actor?: string | null; reason?: string | null; at?: Date },
): Promise<BoardTransitionResult> {
	const locked = await tx.boardDocument.updateMany({ where: { id: documentId }, data: { updatedAt: at } })
	const row = locked.count ? await tx.boardDocument.findUniqueOrThrow({ where: { id: documentId }, select: { state: true } }) : null
	if (!row || !isBoardState(row.state)) return { ok: false, from: null, to, reason: 'not_found' }
	const from = row.state
	if (!canTransitionBoard(from, to)) {
		console.warn(JSON.stringify({ msg: 'board transition refused', documentId, from, to, source }))
		return { ok: false, from, to, reason: 'invalid_transition' }
	}
	await tx.boardDocument.update({
		where: { id: documentId },
		data: { state: to, ...(to === 'removed_early' ? { removedAt: at, removalReason: reason } : {}) },
	})
	await tx.boardTransition.create({ data: { documentId, fromState: from, toState: to, source, actor, reason, at } })
	return { ok: true, from, to }
}
