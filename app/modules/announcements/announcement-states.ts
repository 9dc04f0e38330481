// The one announcement sending state machine (decision 023). Creating, the send-announcement job's
// pages, its last failed attempt and the office's "resume sending" all move an announcement through
// transitionAnnouncement, so none of them can disagree about what is allowed; a refused change is
// logged and every accepted one is recorded in announcement_transition (CHECK constraints in
// prisma/tenant/migrations/20261207130000_announcement_states).
import type { Prisma } from '../../generated/tenant/client'

export const ANNOUNCEMENT_STATES = ['queued', 'sending', 'sent', 'failed'] as const
export type AnnouncementState = (typeof ANNOUNCEMENT_STATES)[number]

export const ANNOUNCEMENT_TRANSITIONS: Readonly<Record<AnnouncementState, readonly AnnouncementState[]>> = {
	// Nobody subscribed: queued -> sent at once. A job that cannot even start (town gone): queued -> failed.
	queued: ['sending', 'sent', 'failed'],
	sending: ['sent', 'failed'],
	// The office resumes a failed announcement; the recipients already reached are skipped.
	failed: ['sending'],
	sent: [],
}

/** States in which the announcement is still going out (the office page refreshes its progress). */
export const IN_PROGRESS: ReadonlySet<AnnouncementState> = new Set(['queued', 'sending'])

export function isAnnouncementState(value: string): value is AnnouncementState {
	return (ANNOUNCEMENT_STATES as readonly string[]).includes(value)
}

export function canTransitionAnnouncement(from: AnnouncementState, to: AnnouncementState): boolean {
	return ANNOUNCEMENT_TRANSITIONS[from].includes(to)
}

export type AnnouncementActor = 'office' | 'job' | 'system'

export type AnnouncementTransitionResult =
	{ ok: true; from: AnnouncementState } | { ok: false; from: AnnouncementState | null; reason: 'not_found' | 'invalid_transition' }

/**
 * Moves an announcement to `to` inside the caller's transaction, locking its row first so a retried
 * page, a late failure and the office's resume serialise. `finished_at` is set on sent and failed and
 * cleared on resume; `failure` carries the reason of a failed one (both kept consistent by CHECKs).
 */
export async function transitionAnnouncement(
	tx: Prisma.TransactionClient,
	{
		announcementId,
		to,
		actor,
		failure,
		detail = {},
		now = new Date(),
	}: { announcementId: string; to: AnnouncementState; actor: AnnouncementActor; failure?: string; detail?: Record<string, unknown>; now?: Date },
): Promise<AnnouncementTransitionResult> {
	const from = await lockAnnouncement(tx, announcementId)
	if (!from) {
		console.warn(JSON.stringify({ msg: 'announcement transition refused: no such announcement', announcementId, to, actor }))
		return { ok: false, from: null, reason: 'not_found' }
	}
	if (!canTransitionAnnouncement(from, to)) {
		console.warn(JSON.stringify({ msg: 'announcement transition refused', announcementId, from, to, actor }))
		return { ok: false, from, reason: 'invalid_transition' }
	}
	const finished = to === 'sent' || to === 'failed'
	await tx.announcement.update({
		where: { id: announcementId },
		data: { state: to, finishedAt: finished ? now : null, failure: to === 'failed' ? (failure ?? 'unknown').slice(0, 500) : null },
	})
	await tx.announcementTransition.create({
		data: { announcementId, fromState: from, toState: to, actor, at: now, detail: { ...detail, ...(failure ? { failure } : {}) } as Prisma.InputJsonValue },
	})
	return { ok: true, from }
}

/** Takes the announcement's row lock (a touching update; raw SQL would not know the town's schema) and returns its state. */
export async function lockAnnouncement(tx: Prisma.TransactionClient, announcementId: string): Promise<AnnouncementState | null> {
	const locked = await tx.announcement.updateMany({ where: { id: announcementId }, data: { failed: { increment: 0 } } })
	if (!locked.count) return null
	const { state } = await tx.announcement.findUniqueOrThrow({ where: { id: announcementId }, select: { state: true } })
	if (!isAnnouncementState(state)) throw new Error(`announcement ${announcementId} in unknown state ${state}`)
	return state
}
