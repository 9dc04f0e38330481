import type { TenantDb } from '../db/tenant-db.server'
import { pragueDate, storedDate } from '../dates/prague-date'
import { checkBudget } from './budget'
import { callPhase } from './call-window'
import { GrantInputError } from './grant-error'
import { transitionGrantApplication } from './grant-states'
import { missingRequiredAttachments } from './grant-attachments.server'
import { readCostCategories } from './programme-rules'

/**
 * Files a draft (or a corrected returned application). The window closes at the end of the call's
 * last day in Prague; a returned application may be resubmitted until its correction deadline. The
 * §10a(3) content, the budget limits and the programme's required attachments are checked here.
 */
export async function submitGrantApplication({
	db,
	personId,
	applicationId,
	now = new Date(),
}: {
	db: TenantDb
	personId: string
	applicationId: string
	now?: Date
}) {
	const application = await db.grantApplication.findFirst({
		where: { id: applicationId, personId },
		select: {
			state: true,
			purpose: true,
			reasoning: true,
			periodFrom: true,
			periodTo: true,
			returnDeadline: true,
			applicantKind: true,
			representatives: true,
			budgetLines: { orderBy: { position: 'asc' } },
			attachments: { where: { purpose: 'application' }, select: { kind: true } },
			call: {
				select: {
					opensOn: true,
					closesOn: true,
					programmeVersion: { select: { maxGrant: true, minGrant: true, coFinancingPercent: true, costCategories: true, requiredAttachments: true } },
				},
			},
		},
	})
	if (!application) throw new GrantInputError('errors.notFound')
	if (application.state === 'draft') {
		if (callPhase(application.call, now) !== 'open') throw new GrantInputError('errors.callClosed')
	} else if (application.state === 'returned') {
		if (!application.returnDeadline || pragueDate(now) > storedDate(application.returnDeadline)) throw new GrantInputError('errors.returnDeadlinePassed')
	} else throw new GrantInputError('errors.notEditable')
	for (const field of ['purpose', 'reasoning', 'periodFrom', 'periodTo'] as const) if (!application[field]) throw new GrantInputError('errors.required', field)
	if (application.periodTo! < application.periodFrom!) throw new GrantInputError('errors.period', 'periodTo')
	if (application.applicantKind === 'legal' && !application.representatives.trim()) throw new GrantInputError('errors.required', 'representatives')
	const programme = application.call.programmeVersion
	const budget = checkBudget(application.budgetLines, { ...programme, costCategories: readCostCategories(programme.costCategories) })
	if (budget.problems.length) throw new GrantInputError(`budget.${budget.problems[0]!.key}`, 'budget', budget.problems[0]!.values)
	// Every missing one is named at once, so the applicant does not find them one submission at a time.
	const missing = missingRequiredAttachments(programme.requiredAttachments, application.attachments)
	if (missing.length)
		throw new GrantInputError(missing.length === 1 ? 'errors.attachmentMissing' : 'errors.attachmentsMissing', 'attachments', {
			name: missing.map((m) => m.name).join(', '),
		})
	await db.$transaction((tx) =>
		transitionGrantApplication(tx, {
			applicationId,
			to: 'submitted',
			actor: { kind: 'applicant', personId },
			data: { submittedAt: now, requestedAmount: budget.requested },
		}),
	)
}
