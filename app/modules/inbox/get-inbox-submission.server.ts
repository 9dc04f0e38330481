import { accessibleWhere, type AppAbility } from '../access/ability.server'
import type { TenantDb } from '../db/tenant-db.server'

/** One submission with its attachments (metadata only) and timeline, or null when the ability may not read it. */
export async function getInboxSubmission({ db, ability, id }: { db: TenantDb; ability: AppAbility; id: string }) {
	return db.submission.findFirst({
		where: { AND: [{ id }, accessibleWhere(ability, 'read', 'Submission')] },
		select: {
			id: true,
			number: true,
			status: true,
			agenda: true,
			data: true,
			locale: true,
			referenceNumber: true,
			assigneeName: true,
			assigneeDepartment: true,
			submittedAt: true,
			contactEmail: true,
			formVersion: { select: { version: true, definition: true, form: { select: { code: true, title: true } } } },
			person: { select: { givenName: true, familyName: true, email: true } },
			assignedStaff: { select: { id: true, name: true } },
			attachments: { select: { id: true, fieldName: true, fileName: true, contentType: true, size: true, origin: true }, orderBy: { createdAt: 'asc' } },
			events: {
				select: { id: true, kind: true, status: true, message: true, actor: true, actorName: true, at: true },
				orderBy: [{ at: 'asc' }, { id: 'asc' }],
			},
			outbox: { select: { state: true, lastError: true } },
		},
	})
}

/** Colleagues a submission of this agenda may be assigned to: active staff of the agenda, and admins. */
export async function listAgendaColleagues({ db, agenda }: { db: TenantDb; agenda: string }) {
	return db.staffUser.findMany({
		where: { disabledAt: null, passwordHash: { not: null }, OR: [{ submissionAgendas: { has: agenda } }, { roles: { has: 'admin' } }] },
		select: { id: true, name: true },
		orderBy: { name: 'asc' },
	})
}
