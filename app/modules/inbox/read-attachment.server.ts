import { accessibleWhere, type AppAbility } from '../access/ability.server'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'

/** An attachment's bytes for a member of staff who may read its submission; every read is audited. */
export async function readAttachment({
	db,
	ability,
	submissionId,
	attachmentId,
	staffId,
	ip,
	requestId,
}: {
	db: TenantDb
	ability: AppAbility
	submissionId: string
	attachmentId: string
	staffId: string
	ip?: string | null
	requestId?: string | null
}) {
	const attachment = await db.submissionAttachment.findFirst({
		where: { id: attachmentId, submissionId, submission: accessibleWhere(ability, 'read', 'Submission') },
		select: { id: true, fileName: true, contentType: true, size: true, content: true, submission: { select: { number: true } } },
	})
	if (!attachment) return null
	await recordAudit(db, {
		action: 'submission.attachment_viewed',
		staffId,
		subject: `SubmissionAttachment:${attachment.id}`,
		details: { number: attachment.submission.number, fileName: attachment.fileName },
		ip,
		requestId,
	})
	return attachment
}
