import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { notifyCitizenOfStatus } from '../delivery/notify-citizen-of-status.server'
import { SubmissionError } from './submission-error'
import { recordNeedsInfoMessage } from '../messages/submission-thread.server'
import type { CheckedUpload } from '../forms/check-upload.server'
import { transitionSubmission } from '../submissions/submission-states'
import { FINAL_STATUSES, needsMessage, type ClerkStatus } from './status-transitions'

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
 * The clerk's status change through the submission state machine (row lock, transition table,
 * timeline event) and an audit entry in one transaction, then the citizen's e-mail (which honours notifyByEmail).
 */
export async function changeSubmissionStatus({ db, townSlug, townOrigin, submissionId, to, message, document, staff, ip, requestId, now = new Date() }: Input) {
	const text = message?.trim() || null
	if (needsMessage(to) && !text) throw new SubmissionError('message_missing', 'A message to the citizen is required.')
	if (document && !FINAL_STATUSES.has(to)) throw new SubmissionError('document_not_allowed', 'A document can be attached only when resolving or rejecting.')
	const eventId = await db.$transaction(async (tx) => {
		const moved = await transitionSubmission(tx, {
			submissionId,
			to,
			mover: 'clerk',
			at: now,
			event: { kind: `staff_${to}`, message: text, actor: 'staff', actorName: staff.name },
		})
		if (!moved.ok && moved.reason === 'not_found') throw new SubmissionError('not_found', 'No such submission.')
		if (!moved.ok) throw new SubmissionError('transition_invalid', `A ${moved.from} submission cannot become ${to}.`)
		if (document) {
			const { content, ...file } = document
			await tx.submissionAttachment.create({
				data: { submissionId, ...file, content: new Uint8Array(content), fieldName: 'decision', origin: 'office', eventId: moved.eventId },
			})
		}
		await recordAudit(tx, {
			action: 'submission.status_changed',
			staffId: staff.id,
			subject: `Submission:${submissionId}`,
			details: { from: moved.from, to, ...(document ? { document: document.fileName } : {}) },
			ip,
			requestId,
		})
		// The question is a message in the submission's conversation (one model with /zpravy, decision 023).
		if (to === 'needs_info' && text)
			await recordNeedsInfoMessage(tx, {
				submissionId,
				eventId: moved.eventId,
				author: { kind: 'staff', staffId: staff.id, name: staff.name, isInternal: false },
				body: text,
				now,
			})
		return moved.eventId
	})
	await notifyCitizenOfStatus({
		db,
		townSlug,
		townOrigin,
		update: { eventId: `event-${eventId}`, submissionId, status: to, message: text ?? undefined, at: now },
		documentName: document?.fileName,
	})
}
