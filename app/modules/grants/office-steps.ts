// The office's steps on one grant application (decision 022): which step a member of staff may take in
// which state, and the permission each needs. The page shows exactly these forms; the route checks the
// permission (CASL with the record) and the domain functions check the state again, in the transaction.
import type { GrantState } from './grant-states'

export const OFFICE_STEPS = ['declare', 'score', 'formal', 'assign', 'decide', 'contract', 'signed', 'paid', 'settlement'] as const
export type OfficeStep = (typeof OFFICE_STEPS)[number]

/** `read` steps are the evaluator's own (their assignment is checked by the domain); the rest need update or manage. */
export const STEP_PERMISSION: Readonly<Record<OfficeStep, 'read' | 'update' | 'manage'>> = {
	declare: 'read',
	score: 'read',
	formal: 'update',
	assign: 'manage',
	decide: 'manage',
	contract: 'update',
	signed: 'update',
	paid: 'update',
	settlement: 'update',
}

export type StepContext = {
	state: string
	/** update GrantApplication: grants clerk or admin. */
	canWork: boolean
	/** manage GrantApplication: admin. */
	isAdmin: boolean
	/** The viewer's own evaluator assignment, if any. */
	assignment: { conflictDeclaration: string | null; scoredAt?: Date | string | null } | null
	hasContract: boolean
}

const STEP_STATES: Readonly<Record<OfficeStep, readonly GrantState[]>> = {
	declare: ['in_evaluation'],
	score: ['in_evaluation'],
	formal: ['submitted'],
	assign: ['in_evaluation'],
	decide: ['in_evaluation'],
	contract: ['awarded'],
	signed: ['awarded'],
	paid: ['contracted'],
	settlement: ['settlement_filed'],
}

export function isOfficeStep(value: unknown): value is OfficeStep {
	return typeof value === 'string' && (OFFICE_STEPS as readonly string[]).includes(value)
}

/** The steps open to this viewer on this application now, in the order the page shows them. */
export function openOfficeSteps(c: StepContext): OfficeStep[] {
	const allowed: Record<OfficeStep, boolean> = {
		declare: Boolean(c.assignment && !c.assignment.conflictDeclaration),
		score: c.assignment?.conflictDeclaration === 'none',
		formal: c.canWork,
		assign: c.isAdmin,
		decide: c.isAdmin,
		contract: c.canWork,
		signed: c.canWork && c.hasContract,
		paid: c.canWork,
		settlement: c.canWork,
	}
	return OFFICE_STEPS.filter((step) => allowed[step] && (STEP_STATES[step] as readonly string[]).includes(c.state))
}
