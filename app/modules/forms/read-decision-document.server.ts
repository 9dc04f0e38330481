import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/**
 * A document the office attached to its decision, for the citizen whose submission it is (the
 * ability's read condition is "own submissions"); null for anyone else, or for other files.
 */
export async function readDecisionDocument({ db, ability, number, documentId }: { db: TenantDb; ability: AppAbility; number: string; documentId: string }) {
	return db.submissionAttachment.findFirst({
		where: { id: documentId, origin: 'office', submission: { AND: [accessibleWhere(ability, 'read', 'Submission'), { number }] } },
		select: { fileName: true, contentType: true, content: true },
	})
}

/**
 * A file the citizen attached to their own submission (origin citizen), for them to download again;
 * null for anyone else's submission (the ability's read condition) or an office file.
 */
export async function readMyAttachment({ db, ability, number, attachmentId }: { db: TenantDb; ability: AppAbility; number: string; attachmentId: string }) {
	return db.submissionAttachment.findFirst({
		where: { id: attachmentId, origin: 'citizen', submission: { AND: [accessibleWhere(ability, 'read', 'Submission'), { number }] } },
		select: { fileName: true, contentType: true, content: true },
	})
}
