import type { TenantDb } from '../db/tenant-db.server'
import { readCriteria } from './programme-rules'

export type EvaluatorScore = { name: string; total: number | null; conflict: boolean }

/**
 * The ranking of a programme version's applications in evaluation (and those already decided): each
 * evaluator's weighted total (points × weight), averaged over evaluators who scored, highest first,
 * with the running sum of requested amounts and whether it still fits the programme's budget. Each row
 * lists its evaluators' own totals (null while one has not scored; a declared conflict never scores).
 */
export async function rankGrantApplications({ db, programmeVersionId }: { db: TenantDb; programmeVersionId: string }) {
	const version = await db.grantProgrammeVersion.findUniqueOrThrow({ where: { id: programmeVersionId }, select: { totalBudget: true, criteria: true } })
	return rankVersion(db, programmeVersionId, version)
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The ranking page's data: the programme version (null when there is none with that id) and its ranking. */
export async function loadProgrammeRanking({ db, programmeVersionId }: { db: TenantDb; programmeVersionId: string }) {
	if (!UUID.test(programmeVersionId)) return null
	const version = await db.grantProgrammeVersion.findUnique({
		where: { id: programmeVersionId },
		select: { id: true, name: true, version: true, totalBudget: true, criteria: true },
	})
	if (!version) return null
	return { version: { id: version.id, name: version.name, version: version.version }, ranking: await rankVersion(db, programmeVersionId, version) }
}

async function rankVersion(db: TenantDb, programmeVersionId: string, version: { totalBudget: number; criteria: unknown }) {
	const criteria = readCriteria(version.criteria)
	const weights = new Map(criteria.map((c) => [c.code, c.weight]))
	const applications = await db.grantApplication.findMany({
		where: {
			call: { programmeVersionId },
			state: { in: ['in_evaluation', 'awarded', 'rejected', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled'] },
		},
		select: {
			id: true,
			number: true,
			applicantName: true,
			requestedAmount: true,
			awardedAmount: true,
			state: true,
			assignments: {
				orderBy: { staffUser: { name: 'asc' } },
				select: { scoredAt: true, conflictDeclaration: true, staffUser: { select: { name: true } }, scores: { select: { criterion: true, points: true } } },
			},
		},
	})
	const scored = applications.map(({ assignments, ...a }) => {
		const evaluators: EvaluatorScore[] = assignments.map((x) => ({
			name: x.staffUser.name,
			total: x.scoredAt ? x.scores.reduce((sum, s) => sum + s.points * (weights.get(s.criterion) ?? 0), 0) : null,
			conflict: x.conflictDeclaration === 'conflict',
		}))
		const totals = evaluators.flatMap((e) => (e.total === null ? [] : [e.total]))
		return { ...a, evaluators, evaluations: totals.length, score: totals.length ? totals.reduce((s, x) => s + x, 0) / totals.length : null }
	})
	scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.number.localeCompare(b.number))
	let running = 0
	return {
		totalBudget: version.totalBudget,
		maxScore: criteria.reduce((sum, c) => sum + c.maxPoints * c.weight, 0),
		rows: scored.map((row, index) => {
			running += row.requestedAmount
			return { ...row, rank: index + 1, cumulative: running, fitsBudget: running <= version.totalBudget }
		}),
	}
}
