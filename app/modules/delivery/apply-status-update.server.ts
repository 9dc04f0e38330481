// Applies a status the records system reported (callback or GINIS poll) to the submission: status,
// reference number, assignee, a timeline entry, and an e-mail to the citizen if they want one.
// The timeline entry carries the event id under a unique index, so a repeated event changes nothing.
import { Prisma } from '../../generated/tenant/client'
import type { TenantDb } from '../db/tenant-db.server'
import { transitionSubmission } from '../submissions/submission-states'
import type { StatusUpdate } from './connector'
import { notifyCitizenOfStatus } from './notify-citizen-of-status.server'

export type ApplyResult = { result: 'applied' } | { result: 'duplicate' } | { result: 'not_found' } | { result: 'conflict'; message: string }

// The records system may move an open submission to any status it reports; a closed one stays closed
// (the 'records' row of app/modules/submissions/submission-states.ts).
export async function applyStatusUpdate({
	db,
	townSlug,
	townOrigin,
	update,
}: {
	db: TenantDb
	townSlug: string
	townOrigin: string
	update: StatusUpdate
}): Promise<ApplyResult> {
	let outcome: ApplyResult
	try {
		outcome = await db.$transaction(async (tx) => {
			const moved = await transitionSubmission(tx, {
				submissionId: update.submissionId,
				to: update.status,
				mover: 'records',
				at: update.at,
				event: {
					kind: `records_${update.status}`,
					message: update.message ?? (update.status === 'delivered' ? (update.referenceNumber ?? null) : null),
					actor: 'records',
					actorName: update.assignee ? [update.assignee.name, update.assignee.department].filter(Boolean).join(', ') : null,
					externalEventId: update.eventId,
				},
				data: {
					...(update.referenceNumber ? { referenceNumber: update.referenceNumber } : {}),
					...(update.assignee ? { assigneeName: update.assignee.name, assigneeDepartment: update.assignee.department ?? null } : {}),
				},
			})
			if (!moved.ok)
				return moved.reason === 'not_found'
					? ({ result: 'not_found' } as const)
					: ({ result: 'conflict', message: `the submission is already ${moved.from}` } as const)
			// The records system knows the document, so a delivery still pending (e.g. our answer was lost) is done.
			await tx.deliveryOutbox.updateMany({
				where: { submissionId: update.submissionId, state: { not: 'delivered' } },
				data: { state: 'delivered', lastError: null },
			})
			return { result: 'applied' } as const
		})
	} catch (error) {
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return { result: 'duplicate' }
		throw error
	}
	if (outcome.result === 'applied') await notifyCitizenOfStatus({ db, townSlug, townOrigin, update })
	return outcome
}
