import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { SubmissionError } from '../inbox/submission-error'
import { transitionSubmission } from '../submissions/submission-states'
import { deliveryTranslator } from './delivery-i18n'

/**
 * The admin's "resend" for a delivery that failed: back to pending with a fresh 48-hour window. The
 * submission id stays the idempotency key, so a records system that did file it answers with the same document.
 */
export async function resendDelivery({ db, submissionId, staffId, now = new Date() }: { db: TenantDb; submissionId: string; staffId: string; now?: Date }) {
	return db.$transaction(async (tx) => {
		const reset = await tx.deliveryOutbox.updateMany({
			where: { submissionId, state: 'failed' },
			data: { state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null },
		})
		if (reset.count === 0) throw new SubmissionError('not_resendable', 'Only a submission whose delivery failed can be resent.')
		const submission = await tx.submission.findUniqueOrThrow({ where: { id: submissionId }, select: { locale: true, number: true } })
		const moved = await transitionSubmission(tx, {
			submissionId,
			to: 'submitted',
			mover: 'resend',
			at: now,
			event: { kind: 'delivery_resent', actor: 'staff', message: deliveryTranslator(submission.locale)('timeline.resent') },
		})
		if (!moved.ok) throw new SubmissionError('not_resendable', 'Only a submission whose delivery failed can be resent.')
		await recordAudit(tx, { action: 'submission.delivery_resent', staffId, subject: `Submission:${submissionId}`, details: { number: submission.number } })
		return submission
	})
}
