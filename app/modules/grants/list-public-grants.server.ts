import type { TenantDb } from '../db/tenant-db.server'
import { storedDate } from '../dates/prague-date'
import { callPhase } from './call-window'

/** Published programmes with their calls, for the public /dotace page (no login). Newest version per programme. */
export async function listPublicGrantProgrammes({ db, now = new Date() }: { db: TenantDb; now?: Date }) {
	const versions = await db.grantProgrammeVersion.findMany({
		where: { state: 'published' },
		orderBy: [{ programmeId: 'asc' }, { version: 'desc' }],
		distinct: ['programmeId'],
		select: {
			id: true,
			name: true,
			purpose: true,
			conditions: true,
			totalBudget: true,
			maxGrant: true,
			minGrant: true,
			eligibleApplicants: true,
			coFinancingPercent: true,
			decisionDeadline: true,
			costCategories: true,
			requiredAttachments: true,
			programme: { select: { code: true, kind: true } },
			calls: { orderBy: { opensOn: 'asc' }, select: { id: true, name: true, opensOn: true, closesOn: true } },
		},
		take: 200,
	})
	return versions.map((v) => ({
		...v,
		decisionDeadline: v.decisionDeadline ? storedDate(v.decisionDeadline) : null,
		calls: v.calls.map((c) => ({ id: c.id, name: c.name, opensOn: storedDate(c.opensOn), closesOn: storedDate(c.closesOn), phase: callPhase(c, now) })),
	}))
}
