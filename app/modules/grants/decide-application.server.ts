import { SCHEMA_PLACEHOLDER, type TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'
import { decidingBody } from './legal/deadlines'

type Meta = { ip?: string | null; requestId?: string | null }
export type DecisionInput =
	| { outcome: 'award'; amount: number; resolutionNumber: string; resolutionDate: string; confirmOverBudget?: boolean }
	| { outcome: 'reject'; reason: string; resolutionNumber: string; resolutionDate: string }

const AWARDED_STATES = ['awarded', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled']

/** The database's own refusal (trigger grant_application_within_budget, migration 20261207100000). */
function isBudgetGuardRefusal(error: unknown): boolean {
	for (let e: unknown = error; e instanceof Error; e = e.cause) if (e.message.includes('grant_application_within_budget')) return true
	return false
}

/**
 * Records the town's decision on an application in evaluation. The deciding body follows from the
 * recipient's total for the year (above the town's threshold, default 200 000 Kč, it is the
 * zastupitelstvo, §85 zákona o obcích). Awarding past the programme's total budget needs an admin's
 * explicit confirmation, recorded on the application and in the audit log. The programme version's row
 * is locked first, so two people awarding in one programme at once are checked one after the other
 * (the database's trigger refuses a passing total on its own too). Returns the decision so the caller
 * can notify.
 */
export async function decideGrantApplication({
	db,
	staffId,
	isAdmin,
	applicationId,
	decision,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	staffId: string
	isAdmin: boolean
	applicationId: string
	decision: DecisionInput
	now?: Date
	meta?: Meta
}) {
	if (!decision.resolutionNumber.trim()) throw new GrantInputError('errors.required', 'resolutionNumber')
	if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.resolutionDate)) throw new GrantInputError('errors.date', 'resolutionDate')
	const application = await db.grantApplication.findUnique({
		where: { id: applicationId },
		select: {
			state: true,
			requestedAmount: true,
			applicantIco: true,
			personId: true,
			applicantKind: true,
			call: { select: { programmeVersionId: true, programmeVersion: { select: { totalBudget: true } } } },
		},
	})
	if (!application) throw new GrantInputError('errors.notFound')
	if (application.state !== 'in_evaluation') throw new GrantInputError('errors.notInEvaluation')
	const resolutionDate = new Date(`${decision.resolutionDate}T00:00:00Z`)
	const decide = db.$transaction(async (tx) => {
		const actor = { kind: 'staff', staffId } as const
		if (decision.outcome === 'reject') {
			if (!decision.reason.trim()) throw new GrantInputError('errors.required', 'reason')
			await transitionGrantApplication(tx, {
				applicationId,
				to: 'rejected',
				actor,
				message: decision.reason,
				data: { rejectionReason: decision.reason, resolutionNumber: decision.resolutionNumber, resolutionDate, decidedAt: now },
			})
			await recordAudit(tx, {
				action: 'grants.reject',
				staffId,
				subject: `GrantApplication:${applicationId}`,
				details: { resolutionNumber: decision.resolutionNumber },
				...meta,
			})
			return { outcome: 'reject' as const }
		}
		if (!Number.isInteger(decision.amount) || decision.amount <= 0 || decision.amount > application.requestedAmount)
			throw new GrantInputError('errors.awardAmount', 'amount')
		// Awards in one programme take turns: the sum below then counts every award committed before ours.
		await tx.$queryRawUnsafe(
			`SELECT 1 FROM "${SCHEMA_PLACEHOLDER}"."grant_programme_version" WHERE "id" = $1::uuid FOR UPDATE`,
			application.call.programmeVersionId,
		)
		const { _sum: programmeSum } = await tx.grantApplication.aggregate({
			where: { call: { programmeVersionId: application.call.programmeVersionId }, state: { in: AWARDED_STATES } },
			_sum: { awardedAmount: true },
		})
		const programmeTotal = (programmeSum.awardedAmount ?? 0) + decision.amount
		const overBudget = programmeTotal > application.call.programmeVersion.totalBudget
		if (overBudget && !(decision.confirmOverBudget && isAdmin))
			throw new GrantInputError('errors.overBudget', 'confirmOverBudget', { total: programmeTotal, budget: application.call.programmeVersion.totalBudget })
		// The recipient's grants of the same year (by IČO, or the person for a natural person) decide the body.
		const year = resolutionDate.getUTCFullYear()
		const recipient =
			application.applicantKind === 'legal' ? { applicantIco: application.applicantIco } : { personId: application.personId, applicantKind: 'natural' }
		const { _sum: recipientSum } = await tx.grantApplication.aggregate({
			where: { ...recipient, state: { in: AWARDED_STATES }, resolutionDate: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
			_sum: { awardedAmount: true },
		})
		const { councilThreshold } = await tx.grantSettings.findUniqueOrThrow({ where: { id: 1 } })
		const body = decidingBody((recipientSum.awardedAmount ?? 0) + decision.amount, councilThreshold)
		await transitionGrantApplication(tx, {
			applicationId,
			to: 'awarded',
			actor,
			data: {
				awardedAmount: decision.amount,
				overBudgetConfirmedBy: overBudget ? staffId : null,
				decidingBody: body,
				resolutionNumber: decision.resolutionNumber,
				resolutionDate,
				decidedAt: now,
			},
		})
		await recordAudit(tx, {
			action: 'grants.award',
			staffId,
			subject: `GrantApplication:${applicationId}`,
			details: { amount: decision.amount, body, resolutionNumber: decision.resolutionNumber },
			...meta,
		})
		if (overBudget) {
			await recordAudit(tx, {
				action: 'grants.over_budget_confirmed',
				staffId,
				subject: `GrantApplication:${applicationId}`,
				details: { programmeTotal, budget: application.call.programmeVersion.totalBudget },
				...meta,
			})
		}
		return { outcome: 'award' as const, body, overBudget }
	})
	return decide.catch((error: unknown) => {
		if (decision.outcome === 'award' && isBudgetGuardRefusal(error))
			throw new GrantInputError('errors.overBudget', 'confirmOverBudget', { budget: application.call.programmeVersion.totalBudget })
		throw error
	})
}
