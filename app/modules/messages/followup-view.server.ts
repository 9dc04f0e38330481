import type { TenantDb } from '../db/tenant-db.server'

/**
 * What the follow-up page shows of a submission. Deliberately without CASL (unsafe…): the caller
 * holds a valid follow-up link, which is the permission (a capability URL, decision 023). Only what
 * the submitter may see: status, number, and the conversation without internal notes.
 */
export async function unsafeGetFollowupView(db: TenantDb, submissionId: string) {
	return db.submission.findUniqueOrThrow({
		where: { id: submissionId },
		select: {
			id: true,
			number: true,
			status: true,
			referenceNumber: true,
			submittedAt: true,
			formVersion: { select: { definition: true } },
			thread: {
				select: {
					messages: {
						where: { isInternal: false },
						orderBy: { createdAt: 'asc' },
						select: { id: true, author: true, authorName: true, body: true, createdAt: true },
					},
				},
			},
		},
	})
}
