import type { TenantDb } from '../db/tenant-db.server'

/** The forms a clerk can filter the inbox by. */
export async function listInboxForms({ db }: { db: TenantDb }) {
	return db.form.findMany({ select: { code: true, title: true }, orderBy: { code: 'asc' } })
}

/** Who can handle submissions: active staff with a password, of the submissions agenda, and admins (issue 19). */
export async function listInboxAssignees({ db }: { db: TenantDb }) {
	return db.staffUser.findMany({
		where: { disabledAt: null, passwordHash: { not: null }, OR: [{ agendas: { has: 'submissions' } }, { roles: { has: 'admin' } }] },
		select: { id: true, name: true },
		orderBy: { name: 'asc' },
	})
}
