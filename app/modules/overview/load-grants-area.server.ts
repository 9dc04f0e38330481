import { accessibleWhere } from '../access/ability.server'
import type { GrantState } from '../grants/grant-states'
import { OVERVIEW_LIST_SIZE, type OverviewContext } from './overview-areas.server'

/** Grant applications still under way: from a draft to the settlement being checked (decision 022). */
export const GRANT_OPEN_STATES = [
	'draft',
	'submitted',
	'returned',
	'in_evaluation',
	'awarded',
	'contracted',
	'paid',
	'settlement_filed',
	'settlement_returned',
] as const satisfies readonly GrantState[]
/** States in which the applicant has to act (finish, correct, sign, settle). */
export const GRANT_ACTION_STATES: readonly GrantState[] = ['draft', 'returned', 'settlement_returned']

/**
 * The citizen's grant applications still under way, newest first, with their state. The citizen
 * files for themselves or for someone else (a club, a company): `applicant` names whom each is for.
 * One round: the count and the first few side by side (index person_id).
 */
export async function loadGrantsArea({ db, ability, personId }: OverviewContext) {
	const where = { AND: [accessibleWhere(ability, 'read', 'GrantApplication'), { personId, state: { in: [...GRANT_OPEN_STATES] } }] }
	const [count, rows] = await Promise.all([
		db.grantApplication.count({ where }),
		db.grantApplication.findMany({
			where,
			orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
			take: OVERVIEW_LIST_SIZE,
			select: {
				id: true,
				number: true,
				state: true,
				applicantName: true,
				returnDeadline: true,
				call: { select: { programmeVersion: { select: { name: true } } } },
			},
		}),
	])
	return {
		count,
		applications: rows.map((row) => ({
			id: row.id,
			number: row.number,
			state: row.state as GrantState,
			applicant: row.applicantName,
			programme: row.call.programmeVersion.name,
			needsAction: GRANT_ACTION_STATES.includes(row.state as GrantState),
			returnDeadline: row.returnDeadline ? row.returnDeadline.toISOString().slice(0, 10) : null,
		})),
	}
}
