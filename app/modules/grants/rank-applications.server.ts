import type { TenantDb } from '../db/tenant-db.server'
import { readCriteria } from './programme-rules'

/**
 * The ranking of a programme version's applications in evaluation (and those already decided): each
 * evaluator's weighted total (points × weight), averaged over evaluators who scored, highest first,
 * with the running sum of requested amounts and whether it still fits the programme's budget.
 */
export async function rankGrantApplications({ db, programmeVersionId }: { db: TenantDb; programmeVersionId: string }) {
	const version = await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: programmeVersionId }, select: { totalBudget: true, criteria: true } })
	const weights = new Map(readCriteria(version.criteria).map((c) => [c.code, c.weight]))
	const applications = await db.grantApplication.findMany({
		where: { call: { programmeVersionId }, state: { in: ['in_evaluation', 'awarded', 'rejected', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled'] } },
		select: { id: true, number: true, applicantName: true, requestedAmount: true, awardedAmount: true, state: true, assignments: { select: { scoredAt: true, scores: { select: { criterion: true, points: true } } } } },
	})
	const scored = applications.map((a) => {
		const totals = a.assignments.filter((x) => x.scoredAt).map((x) => x.scores.reduce((sum, s) => sum + s.points * (weights.get(s.criterion) ?? 0), 0))
		return { ...a, evaluations: totals.length, score: totals.length ? totals.reduce((s, x) => s + x, 0) / totals.length : null }
	})
	scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.number.localeCompare(b.number))
	let running = 0
	return {
		totalBudget: version.totalBudget,
		rows: scored.map(({ assignments: _assignments, ...row }) => {
			running += row.requestedAmount
			return { ...row, cumulative: running, fitsBudget: running <= version.totalBudget }
		}),
	}
}
