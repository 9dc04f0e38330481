// The one submission state machine (docs/decisions/018), modelled on payment-states.ts. Every change
// of a submission's status goes through transitionSubmission: the clerk in the inbox, the outbox
// delivery, the admin's resend and the records system's reports (callback or poll). It locks the row,
// checks the table for the mover, writes the status and the timeline event in the caller's
// transaction. A refusal is returned (and logged), not thrown: the callers decide what it means.
import type { Prisma } from '../../generated/tenant/client'
import type { SubmissionEventActor, SubmissionStatus } from '../../generated/tenant/enums'

export const SUBMISSION_STATUSES = [
	'submitted',
	'delivered',
	'assigned',
	'in_progress',
	'needs_info',
	'answered',
	'resolved',
	'rejected',
	'failed',
] as const satisfies readonly SubmissionStatus[]

/** Closed: nothing moves a submission on from here (a records system may repeat the same final status). */
export const FINAL_SUBMISSION_STATUSES = ['resolved', 'rejected'] as const satisfies readonly SubmissionStatus[]

/** Statuses a clerk may set in the inbox. */
export const CLERK_STATUSES = ['in_progress', 'needs_info', 'resolved', 'rejected'] as const satisfies readonly SubmissionStatus[]

/** Statuses a records system may report (the portal sets submitted and failed itself). */
export const RECORDS_STATUSES = ['delivered', 'assigned', 'in_progress', 'needs_info', 'resolved', 'rejected'] as const satisfies readonly SubmissionStatus[]

/** Who moves the submission: the clerk, the records system, our outbox delivery, the admin's resend, the citizen answering. */
export type SubmissionMover = 'clerk' | 'records' | 'delivery' | 'resend' | 'citizen'

export function isFinalSubmissionStatus(status: SubmissionStatus) {
	return (FINAL_SUBMISSION_STATUSES as readonly SubmissionStatus[]).includes(status)
}

const table = (to: (from: SubmissionStatus) => readonly SubmissionStatus[]) =>
	Object.fromEntries(SUBMISSION_STATUSES.map((from) => [from, to(from)])) as Record<SubmissionStatus, readonly SubmissionStatus[]>

/** From -> allowed next statuses, per mover. Final statuses are closed to everyone. */
export const SUBMISSION_TRANSITIONS: Readonly<Record<SubmissionMover, Readonly<Record<SubmissionStatus, readonly SubmissionStatus[]>>>> = {
	clerk: table((from) => (isFinalSubmissionStatus(from) ? [] : CLERK_STATUSES.filter((to) => to !== from))),
	// The records system knows the case better than we do: any open status may become any status it
	// reports, the same one again included (a new assignee). A final status is only ever repeated.
	records: table((from) => (isFinalSubmissionStatus(from) ? [from] : RECORDS_STATUSES)),
	// Our outbox: filed (from submitted, or a resent failed one), or failed for good while still open.
	delivery: table((from) => [
		...(from === 'submitted' || from === 'failed' ? (['delivered'] as const) : []),
		...(from !== 'failed' && !isFinalSubmissionStatus(from) ? (['failed'] as const) : []),
	]),
	resend: table((from) => (from === 'failed' ? ['submitted'] : [])),
	// The citizen answers the office's question: "Čeká na doplnění" becomes "Doplněno" for both sides (issue 19).
	citizen: table((from) => (from === 'needs_info' ? ['answered'] : [])),
}

export function canTransitionSubmission(mover: SubmissionMover, from: SubmissionStatus, to: SubmissionStatus) {
	return SUBMISSION_TRANSITIONS[mover][from].includes(to)
}

export type SubmissionEventInput = {
	kind: string
	actor: SubmissionEventActor
	actorName?: string | null
	message?: string | null
	externalEventId?: string | null
	isVisibleToCitizen?: boolean
}

export type SubmissionTransitionInput = {
	submissionId: string
	to: SubmissionStatus
	mover: SubmissionMover
	/** The timeline entry that records the change. */
	event: SubmissionEventInput
	at?: Date
	/** Other columns changed with the status (reference number, assignee ...). */
	data?: Omit<Prisma.SubmissionUpdateInput, 'status'>
	/** The caller expects refusals as a normal case (the outbox filing a submission a callback moved on): not logged. */
	quiet?: boolean
}

export type SubmissionTransitionResult =
	| { ok: true; from: SubmissionStatus; to: SubmissionStatus; eventId: bigint }
	| { ok: false; from: SubmissionStatus | null; to: SubmissionStatus; reason: 'not_found' | 'invalid_transition' }

export async function transitionSubmission(
	tx: Prisma.TransactionClient,
	{ submissionId, to, mover, event, at = new Date(), data = {}, quiet = false }: SubmissionTransitionInput,
): Promise<SubmissionTransitionResult> {
	// A touching update takes the row lock, so a clerk's change and a records callback serialise.
	const locked = await tx.submission.updateMany({ where: { id: submissionId }, data: { updatedAt: at } })
	const from = locked.count ? (await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { status: true } })).status : null
	if (!from) return { ok: false, from: null, to, reason: 'not_found' }
	if (!canTransitionSubmission(mover, from, to)) {
		if (!quiet) console.warn(JSON.stringify({ msg: 'submission transition refused', submissionId, from, to, mover }))
		return { ok: false, from, to, reason: 'invalid_transition' }
	}
	await tx.submission.update({
		where: { id: submissionId },
		data: { ...data, status: to, ...(to === 'delivered' ? { deliveredAt: at } : {}), ...(isFinalSubmissionStatus(to) ? { resolvedAt: at } : {}) },
	})
	const created = await tx.submissionEvent.create({
		data: {
			submissionId,
			status: to,
			at,
			kind: event.kind,
			actor: event.actor,
			actorName: event.actorName ?? null,
			message: event.message ?? null,
			externalEventId: event.externalEventId ?? null,
			isVisibleToCitizen: event.isVisibleToCitizen ?? true,
		},
		select: { id: true },
	})
	return { ok: true, from, to, eventId: created.id }
}
