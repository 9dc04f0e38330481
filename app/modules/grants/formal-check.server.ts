import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { pragueDate } from '../dates/prague-date'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'

type Meta = { ip?: string | null; requestId?: string | null }
export type FormalCheckOutcome = { outcome: 'complete' } | { outcome: 'returned'; message: string; deadline: string } | { outcome: 'excluded'; reason: string }

/** The grants clerk's formal check: complete (to evaluation), returned for correction by a deadline, or excluded with a reason. */
export async function recordFormalCheck({
	db,
	staffId,
	applicationId,
	check,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	staffId: string
	applicationId: string
	check: FormalCheckOutcome
	now?: Date
	meta?: Meta
}) {
	if (check.outcome === 'returned' && (!check.message.trim() || !(check.deadline > pragueDate(now))))
		throw new GrantInputError(check.message.trim() ? 'errors.returnDeadline' : 'errors.required', check.message.trim() ? 'deadline' : 'message')
	if (check.outcome === 'excluded' && !check.reason.trim()) throw new GrantInputError('errors.required', 'reason')
	await db.$transaction(async (tx) => {
		const actor = { kind: 'staff', staffId } as const
		if (check.outcome === 'complete') await transitionGrantApplication(tx, { applicationId, to: 'in_evaluation', actor })
		if (check.outcome === 'returned')
			await transitionGrantApplication(tx, {
				applicationId,
				to: 'returned',
				actor,
				message: check.message,
				data: { returnMessage: check.message, returnDeadline: new Date(`${check.deadline}T00:00:00Z`) },
			})
		if (check.outcome === 'excluded')
			await transitionGrantApplication(tx, { applicationId, to: 'excluded', actor, message: check.reason, data: { exclusionReason: check.reason } })
		await recordAudit(tx, { action: `grants.formal_check_${check.outcome}`, staffId, subject: `GrantApplication:${applicationId}`, ...meta })
	})
}
