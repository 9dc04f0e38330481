import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

export const OFFICE_APPLICATIONS_PAGE_SIZE = 50

/** The newest hundred programme versions (for staff who may read programmes). */
export async function listOfficeProgrammeVersions({ db }: { db: TenantDb }) {
	return db.grantProgrammeVersion.findMany({
		orderBy: [{ createdAt: 'desc' }],
		take: 100,
		select: { id: true, version: true, state: true, name: true, programme: { select: { code: true } } },
	})
}

/** One page of filed applications (drafts are the applicant's own) the clerk may read, newest number first; one extra row tells whether a next page exists. */
export async function listOfficeApplications({ db, ability, page }: { db: TenantDb; ability: AppAbility; page: number }) {
	const rows = await db.grantApplication.findMany({
		where: { AND: [accessibleWhere(ability, 'read', 'GrantApplication'), { state: { not: 'draft' } }] },
		orderBy: { number: 'desc' },
		skip: (page - 1) * OFFICE_APPLICATIONS_PAGE_SIZE,
		take: OFFICE_APPLICATIONS_PAGE_SIZE + 1,
		select: {
			id: true,
			number: true,
			state: true,
			applicantName: true,
			requestedAmount: true,
			call: { select: { programmeVersion: { select: { name: true } } } },
		},
	})
	return { applications: rows.slice(0, OFFICE_APPLICATIONS_PAGE_SIZE), hasNext: rows.length > OFFICE_APPLICATIONS_PAGE_SIZE }
}
