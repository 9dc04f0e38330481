import type { TenantDb } from '../db/tenant-db.server'
import { recordAudit } from '../audit/record-audit.server'
import { GrantInputError } from './grant-error'
import type { ProgrammeInput } from './programme-schema'

type Meta = { ip?: string | null; requestId?: string | null }
const date = (day?: string) => (day ? new Date(`${day}T00:00:00Z`) : null)

function versionData(input: ProgrammeInput) {
	return {
		name: input.name,
		purpose: input.purpose,
		reasons: input.reasons,
		totalBudget: input.totalBudget,
		maxGrant: input.maxGrant,
		minGrant: input.minGrant,
		eligibleApplicants: input.eligibleApplicants,
		coFinancingPercent: input.coFinancingPercent,
		costCategories: input.costCategories,
		criteria: input.criteria,
		requiredAttachments: input.requiredAttachments,
		conditions: input.conditions,
		decisionDeadline: date(input.decisionDeadline),
		settlementDeadline: date(input.settlementDeadline),
		periodFrom: date(input.periodFrom),
		periodTo: date(input.periodTo),
		deMinimis: input.deMinimis,
		contractTemplate: input.contractTemplate,
	}
}

/**
 * Creates a programme (version 1, draft, with its call) or saves the programme's draft version. A
 * published version is frozen: editing a programme whose newest version is published starts the next
 * version as a draft (its call copied from the form), leaving the published one as it was.
 */
export async function saveProgramme({
	db,
	staffId,
	input,
	programmeId,
	meta = {},
}: {
	db: TenantDb
	staffId: string
	input: ProgrammeInput
	programmeId?: string
	meta?: Meta
}) {
	return db.$transaction(async (tx) => {
		let id = programmeId
		if (!id) {
			if (await tx.grantProgramme.findUnique({ where: { code: input.code }, select: { id: true } })) throw new GrantInputError('errors.codeTaken', 'code')
			id = (await tx.grantProgramme.create({ data: { code: input.code, kind: input.kind } })).id
		}
		const newest = await tx.grantProgrammeVersion.findFirst({
			where: { programmeId: id },
			orderBy: { version: 'desc' },
			select: { id: true, version: true, state: true },
		})
		const call = { name: input.callName, opensOn: date(input.opensOn)!, closesOn: date(input.closesOn)! }
		let versionId: string
		if (newest?.state === 'draft') {
			versionId = newest.id
			await tx.grantProgrammeVersion.update({ where: { id: versionId }, data: { ...versionData(input), updatedAt: new Date() } })
			await tx.grantCall.deleteMany({ where: { programmeVersionId: versionId } })
		} else {
			versionId = (await tx.grantProgrammeVersion.create({ data: { programmeId: id, version: (newest?.version ?? 0) + 1, ...versionData(input) } })).id
		}
		await tx.grantCall.create({ data: { programmeVersionId: versionId, ...call } })
		await recordAudit(tx, {
			action: programmeId ? 'grants.programme_update' : 'grants.programme_create',
			staffId,
			subject: `GrantProgramme:${id}`,
			details: { versionId },
			...meta,
		})
		return { programmeId: id, versionId }
	})
}
