import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/** The citizen's own applications (newest hundred) with their history. */
export async function listMyApplications({ db, ability, personId }: { db: TenantDb; ability: AppAbility; personId: string }) {
	return db.grantApplication.findMany({
		where: { AND: [{ personId }, accessibleWhere(ability, 'read', 'GrantApplication')] },
		orderBy: { createdAt: 'desc' },
		take: 100,
		select: {
			id: true,
			number: true,
			state: true,
			applicantName: true,
			call: { select: { programmeVersion: { select: { name: true } } } },
			events: { orderBy: { id: 'asc' }, select: { toState: true, message: true, at: true } },
		},
	})
}

/** One application the citizen may read, with its programme's rules, or null. */
export async function findMyApplication({ db, ability, id }: { db: TenantDb; ability: AppAbility; id: string }) {
	return db.grantApplication.findFirst({
		where: { AND: [{ id }, accessibleWhere(ability, 'read', 'GrantApplication')] },
		select: {
			id: true,
			number: true,
			state: true,
			applicantKind: true,
			applicantName: true,
			applicantIco: true,
			legalForm: true,
			address: true,
			purpose: true,
			reasoning: true,
			periodFrom: true,
			periodTo: true,
			representatives: true,
			ownership: true,
			contactEmail: true,
			returnMessage: true,
			awardedAmount: true,
			rejectionReason: true,
			exclusionReason: true,
			budgetLines: { orderBy: { position: 'asc' }, select: { category: true, description: true, ownShare: true, requested: true } },
			call: {
				select: {
					name: true,
					programmeVersion: {
						select: { name: true, maxGrant: true, minGrant: true, coFinancingPercent: true, costCategories: true, requiredAttachments: true },
					},
				},
			},
		},
	})
}

/** A call a citizen may start an application in: it exists and its programme version is published; otherwise null. */
export async function findPublishedCall({ db, callId }: { db: TenantDb; callId: string }) {
	const call = await db.grantCall.findUnique({
		where: { id: callId },
		select: { name: true, programmeVersion: { select: { name: true, state: true, eligibleApplicants: true } } },
	})
	return call && call.programmeVersion.state === 'published' ? call : null
}
