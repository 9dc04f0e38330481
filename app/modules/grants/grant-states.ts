// The one grant application state machine (decision 022). Every step of an application's life — the
// applicant's submission, the formal check, the decision, the contract, the payout and the settlement —
// goes through transitionGrantApplication, so no screen can skip a step; each accepted step is logged
// in grant_application_event, which is also the applicant's timeline on /dotace/moje.
import type { Prisma } from '../../generated/tenant/client'

export const GRANT_STATES = [
	'draft',
	'submitted',
	'returned',
	'excluded',
	'in_evaluation',
	'awarded',
	'rejected',
	'contracted',
	'paid',
	'settlement_filed',
	'settlement_returned',
	'settled',
] as const
export type GrantState = (typeof GRANT_STATES)[number]

export const GRANT_TRANSITIONS: Readonly<Record<GrantState, readonly GrantState[]>> = {
	draft: ['submitted'],
	// Formal check: complete (to evaluation), returned for correction, or excluded.
	submitted: ['in_evaluation', 'returned', 'excluded'],
	// A corrected application comes back to the formal check; one not corrected in time is excluded.
	returned: ['submitted', 'excluded'],
	in_evaluation: ['awarded', 'rejected'],
	awarded: ['contracted'],
	contracted: ['paid'],
	paid: ['settlement_filed'],
	settlement_filed: ['settled', 'settlement_returned'],
	settlement_returned: ['settlement_filed'],
	excluded: [],
	rejected: [],
	settled: [],
}

export function canTransitionGrant(from: GrantState, to: GrantState): boolean {
	return GRANT_TRANSITIONS[from].includes(to)
}

export type GrantActor = { kind: 'applicant'; personId: string } | { kind: 'staff'; staffId: string } | { kind: 'system' }

export class GrantTransitionError extends Error {
	constructor(
		readonly from: GrantState | null,
		readonly to: GrantState,
	) {
		super(`grant application cannot go from ${from ?? 'nowhere'} to ${to}`)
		this.name = 'GrantTransitionError'
	}
}

export type GrantTransitionInput = {
	applicationId: string
	to: GrantState
	actor: GrantActor
	/** Shown to the applicant on their timeline (a return message, an exclusion or rejection reason). */
	message?: string | null
	/** Columns written together with the state (e.g. the decision), so the DB checks see both at once. */
	data?: Prisma.GrantApplicationUpdateInput
}

/**
 * Moves an application to `to` inside the caller's transaction, locking the row first so a clerk and
 * the applicant acting at once serialise. Throws GrantTransitionError when the step is not allowed
 * (callers are people at a screen, unlike payment webhooks, so a refusal aborts their transaction).
 */
export async function transitionGrantApplication(
	tx: Prisma.TransactionClient,
	{ applicationId, to, actor, message = null, data = {} }: GrantTransitionInput,
): Promise<{ from: GrantState; to: GrantState }> {
	// A touching update takes the row lock (raw SQL would not know the town's schema).
	const locked = await tx.grantApplication.updateMany({ where: { id: applicationId }, data: { updatedAt: new Date() } })
	if (!locked.count) throw new GrantTransitionError(null, to)
	const { state } = await tx.grantApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { state: true } })
	const from = state as GrantState
	if (!canTransitionGrant(from, to)) throw new GrantTransitionError(from, to)
	await tx.grantApplication.update({ where: { id: applicationId }, data: { ...data, state: to } })
	await tx.grantApplicationEvent.create({
		data: {
			applicationId,
			fromState: from,
			toState: to,
			actor: actor.kind,
			actorId: actor.kind === 'applicant' ? actor.personId : actor.kind === 'staff' ? actor.staffId : null,
			message,
		},
	})
	return { from, to }
}
