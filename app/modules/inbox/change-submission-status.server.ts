import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { notifyCitizenOfStatus } from '../delivery/notify-citizen-of-status.server'
import { AppError } from '../errors/app-error'
import { recordNeedsInfoMessage } from '../messages/submission-thread.server'
import type { CheckedUpload } from '../forms/check-upload.server'
import { canTransition, FINAL_STATUSES, needsMessage, type ClerkStatus } from './status-transitions'

type Input = {
	db: TenantDb
	townSlug: string
	townOrigin: string
	submissionId: string
	to: ClerkStatus
	message?: string | null
	/** A decision document (already checked by content) for resolved/rejected; the citizen can download it. */
	document?: CheckedUpload | null
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
	now?: Date
}

/**
 * The clerk's status change: checked against the transition table (compare-and-set), a timeline
 * event and an audit entry in one transaction, then the citizen's e-mail (which honours notifyByEmail).
 */
export async function changeSubmissionStatus({ db, townSlug, townOrigin, submissionId, to, message, document, staff, ip, requestId, now = new Date() }: Input) {
	const text = message?.trim() || null
	if (needsMessage(to) && !text) throw new AppError('input_invalid', 'A message to the citizen is required.')
	if (document && !FINAL_STATUSES.has(to)) throw new AppError('input_invalid', 'A document can be attached only when resolving or rejecting.')
	const eventId = await db.$transaction(async (tx) => {
		const row = await tx.submission.findUnique({ where: { id: submissionId }, select: { status: true } })
		if (!row) throw new AppError('input_invalid', 'No such submission.')
		if (!canTransition(row.status, to)) throw new AppError('input_invalid', `A ${row.status} submission cannot become ${to}.`)
		// Compare-and-set on the status read above: a records callback landing in between wins, and this change is refused.
		const changed = await tx.submission.updateMany({ where: { id: submissionId, status: row.status }, data: { status: to, ...(FINAL_STATUSES.has(to) ? { resolvedAt: now } : {}) } })
		if (changed.count === 0) throw new AppError('input_invalid', 'The submission changed meanwhile; reload and try again.')
		const event = await tx.submissionEvent.create({ data: { submissionId, kind: `staff_${to}`, status: to, message: text, actor: 'staff', actorName: staff.name, at: now }, select: { id: true } })
		if (document) {
			const { content, ...file } = document
			await tx.submissionAttachment.create({ data: { submissionId, ...file, content: new Uint8Array(content), fieldName: 'decision', origin: 'office', eventId: event.id } })
		}
		await recordAudit(tx, { action: 'submission.status_changed', staffId: staff.id, subject: `Submission:${submissionId}`, details: { from: row.status, to, ...(document ? { document: document.fileName } : {}) }, ip, requestId })
		// The question is a message in the submission's conversation (one model with /zpravy, decision 023).
		if (to === 'needs_info' && text) await recordNeedsInfoMessage(tx, { submissionId, eventId: event.id, author: { kind: 'staff', staffId: staff.id, name: staff.name, isInternal: false }, body: text, now })
		return event.id
	})
	await notifyCitizenOfStatus({ db, townSlug, townOrigin, update: { eventId: `event-${eventId}`, submissionId, status: to, message: text ?? undefined, at: now }, documentName: document?.fileName })
}
