import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/** One application the clerk may read (CASL conditions count), or null: absent and "not yours" look alike. */
export async function findOfficeApplication({ db, ability, id }: { db: TenantDb; ability: AppAbility; id: string }) {
	return db.grantApplication.findFirst({
		where: { AND: [{ id }, accessibleWhere(ability, 'read', 'GrantApplication')] },
		select: { id: true, personId: true, state: true },
	})
}

/**
 * What the office application page shows. An evaluator sees the content only after declaring no conflict
 * of interest; admins get the list of evaluators to assign while the application is in evaluation.
 */
export async function loadOfficeApplication({
	db,
	ability,
	applicationId,
	staffUserId,
}: {
	db: TenantDb
	ability: AppAbility
	applicationId: string
	staffUserId: string
}) {
	const assignment = await db.grantEvaluatorAssignment.findUnique({
		where: { applicationId_staffUserId: { applicationId, staffUserId } },
		select: { conflictDeclaration: true, scoredAt: true },
	})
	const isEvaluatorOnly = !ability.can('update', 'GrantApplication')
	const mayShowContent = !isEvaluatorOnly || assignment?.conflictDeclaration === 'none'
	const application = await db.grantApplication.findUniqueOrThrow({
		where: { id: applicationId },
		select: {
			id: true,
			number: true,
			state: true,
			applicantName: true,
			applicantIco: true,
			legalForm: true,
			address: true,
			purpose: true,
			reasoning: true,
			representatives: true,
			requestedAmount: true,
			awardedAmount: true,
			rejectionReason: true,
			decidingBody: true,
			resolutionNumber: true,
			budgetLines: { orderBy: { position: 'asc' }, select: { category: true, description: true, ownShare: true, requested: true } },
			assignments: { select: { staffUser: { select: { name: true } }, conflictDeclaration: true, scoredAt: true } },
			contract: { select: { number: true, signedOn: true, boardDeadline: true, registrSmluvDeadline: true, deMinimisDeadline: true } },
			settlements: {
				orderBy: { filedAt: 'desc' },
				take: 1,
				select: { narrative: true, costs: true, spentGrant: true, returnAmount: true, outcome: true, returnVariableSymbol: true, returnSettledAt: true },
			},
			attachments: { orderBy: { createdAt: 'asc' }, select: { id: true, purpose: true, kind: true, fileName: true, size: true } },
			call: { select: { programmeVersion: { select: { name: true, criteria: true, costCategories: true, requiredAttachments: true } } } },
		},
	})
	const evaluators =
		ability.can('manage', 'GrantApplication') && application.state === 'in_evaluation'
			? await db.staffUser.findMany({ where: { roles: { has: 'evaluator' }, disabledAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
			: []
	return { assignment, isEvaluatorOnly, mayShowContent, application, evaluators }
}
