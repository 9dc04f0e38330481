import { accessibleWhere } from '../access/ability.server'
import { OVERVIEW_LIST_SIZE, SUBMISSION_OPEN_STATES, type OverviewContext } from './overview-areas.server'

/**
 * Submissions still being handled, newest first, each with its last event the citizen may see.
 * One round: the count and the page (with their events) side by side.
 */
export async function loadSubmissionsArea({ db, ability, personId }: OverviewContext) {
	const where = { AND: [accessibleWhere(ability, 'read', 'Submission'), { personId, status: { in: [...SUBMISSION_OPEN_STATES] } }] }
	const [count, rows] = await Promise.all([
		db.submission.count({ where }),
		db.submission.findMany({
			where,
			orderBy: { submittedAt: 'desc' },
			take: OVERVIEW_LIST_SIZE,
			select: {
				number: true,
				status: true,
				submittedAt: true,
				formVersion: { select: { form: { select: { title: true } } } },
				events: { where: { isVisibleToCitizen: true }, orderBy: { at: 'desc' }, take: 1, select: { kind: true, status: true, at: true } },
			},
		}),
	])
	return {
		count,
		submissions: rows.map((row) => ({
			number: row.number,
			status: row.status,
			submittedAt: row.submittedAt.toISOString(),
			formTitle: row.formVersion.form.title,
			lastEvent: row.events[0] ? { kind: row.events[0].kind, status: row.events[0].status, at: row.events[0].at.toISOString() } : null,
		})),
	}
}
