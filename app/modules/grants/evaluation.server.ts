// Evaluation (decision 022): the admin assigns evaluators; each declares a conflict of interest (or
// none) before the application's content is shown; only a "none" declaration allows scoring.
import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { GrantInputError } from './grant-error'
import { readCriteria } from './programme-rules'

type Meta = { ip?: string | null; requestId?: string | null }

export async function assignEvaluators({
	db,
	staffId,
	applicationId,
	evaluatorIds,
	meta = {},
}: {
	db: TenantDb
	staffId: string
	applicationId: string
	evaluatorIds: string[]
	meta?: Meta
}) {
	const application = await db.grantApplication.findUnique({ where: { id: applicationId }, select: { state: true } })
	if (!application) throw new GrantInputError('errors.notFound')
	if (application.state !== 'in_evaluation') throw new GrantInputError('errors.notInEvaluation')
	const evaluators = await db.staffUser.findMany({ where: { id: { in: evaluatorIds }, roles: { has: 'evaluator' }, disabledAt: null }, select: { id: true } })
	if (evaluators.length !== new Set(evaluatorIds).size || !evaluators.length) throw new GrantInputError('errors.evaluators', 'evaluatorIds')
	await db.$transaction(async (tx) => {
		for (const evaluator of evaluators) {
			await tx.grantEvaluatorAssignment.upsert({
				where: { applicationId_staffUserId: { applicationId, staffUserId: evaluator.id } },
				create: { applicationId, staffUserId: evaluator.id, assignedBy: staffId },
				update: {},
			})
		}
		await recordAudit(tx, { action: 'grants.evaluators_assign', staffId, subject: `GrantApplication:${applicationId}`, details: { evaluatorIds }, ...meta })
	})
}

async function myAssignment(db: TenantDb, staffId: string, applicationId: string) {
	const assignment = await db.grantEvaluatorAssignment.findUnique({ where: { applicationId_staffUserId: { applicationId, staffUserId: staffId } } })
	if (!assignment) throw new GrantInputError('errors.notFound')
	return assignment
}

export async function declareConflictOfInterest({
	db,
	staffId,
	applicationId,
	hasConflict,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	staffId: string
	applicationId: string
	hasConflict: boolean
	now?: Date
	meta?: Meta
}) {
	const assignment = await myAssignment(db, staffId, applicationId)
	if (assignment.conflictDeclaration) throw new GrantInputError('errors.alreadyDeclared')
	await db.$transaction(async (tx) => {
		await tx.grantEvaluatorAssignment.update({
			where: { id: assignment.id },
			data: { conflictDeclaration: hasConflict ? 'conflict' : 'none', declaredAt: now },
		})
		await recordAudit(tx, { action: 'grants.conflict_declaration', staffId, subject: `GrantApplication:${applicationId}`, details: { hasConflict }, ...meta })
	})
}

export type ScoreInput = { criterion: string; points: number; comment: string }

export async function scoreGrantApplication({
	db,
	staffId,
	applicationId,
	scores,
	now = new Date(),
	meta = {},
}: {
	db: TenantDb
	staffId: string
	applicationId: string
	scores: ScoreInput[]
	now?: Date
	meta?: Meta
}) {
	const assignment = await myAssignment(db, staffId, applicationId)
	if (assignment.conflictDeclaration !== 'none')
		throw new GrantInputError(assignment.conflictDeclaration === 'conflict' ? 'errors.conflictOfInterest' : 'errors.declareFirst')
	const application = await db.grantApplication.findUniqueOrThrow({
		where: { id: applicationId },
		select: { state: true, call: { select: { programmeVersion: { select: { criteria: true } } } } },
	})
	if (application.state !== 'in_evaluation') throw new GrantInputError('errors.notInEvaluation')
	const criteria = readCriteria(application.call.programmeVersion.criteria)
	for (const criterion of criteria) {
		const score = scores.find((s) => s.criterion === criterion.code)
		if (!score || !Number.isInteger(score.points) || score.points < 0 || score.points > criterion.maxPoints)
			throw new GrantInputError('errors.points', `score-${criterion.code}`, { name: criterion.name, max: criterion.maxPoints })
	}
	await db.$transaction(async (tx) => {
		await tx.grantScore.deleteMany({ where: { assignmentId: assignment.id } })
		await tx.grantScore.createMany({
			data: criteria.map((c) => {
				const s = scores.find((x) => x.criterion === c.code)!
				return { assignmentId: assignment.id, criterion: c.code, points: s.points, comment: s.comment }
			}),
		})
		await tx.grantEvaluatorAssignment.update({ where: { id: assignment.id }, data: { scoredAt: now } })
		await recordAudit(tx, { action: 'grants.score', staffId, subject: `GrantApplication:${applicationId}`, ...meta })
	})
}
