import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { SubmissionError } from './submission-error'
import { listAgendaColleagues } from './get-inbox-submission.server'

/** Assigns the submission to a colleague of its agenda (or the clerk themselves); an internal timeline event. */
export async function assignSubmission({
	db,
	submissionId,
	agenda,
	assigneeId,
	staff,
	ip,
	requestId,
}: {
	db: TenantDb
	submissionId: string
	agenda: string
	assigneeId: string
	staff: { id: string; name: string }
	ip?: string | null
	requestId?: string | null
}) {
	const colleague = (await listAgendaColleagues({ db, agenda })).find((c) => c.id === assigneeId)
	if (!colleague) throw new SubmissionError('assignee_invalid', 'The colleague does not work this agenda.')
	await db.$transaction(async (tx) => {
		await tx.submission.update({ where: { id: submissionId }, data: { assignedStaffId: colleague.id } })
		await tx.submissionEvent.create({
			data: { submissionId, kind: 'staff_assigned', actor: 'staff', actorName: staff.name, message: colleague.name, isVisibleToCitizen: false },
		})
		await recordAudit(tx, {
			action: 'submission.assigned',
			staffId: staff.id,
			subject: `Submission:${submissionId}`,
			details: { assigneeId: colleague.id },
			ip,
			requestId,
		})
	})
	return colleague
}
