import type { TenantDb } from '../db/tenant-db.server'

/** Every form of the town with its versions, newest first (the JSON editor page). */
export async function listFormsWithVersions({ db }: { db: TenantDb }) {
	return db.form.findMany({
		orderBy: { code: 'asc' },
		select: {
			code: true,
			title: true,
			isActive: true,
			draftUpdatedAt: true,
			versions: { orderBy: { version: 'desc' }, select: { version: true, publishedAt: true, definition: true } },
		},
	})
}

/** One published version's definition, or null. */
export async function findFormVersionDefinition({ db, code, version }: { db: TenantDb; code: string; version: number }) {
	return db.formVersion.findFirst({ where: { version, form: { code } }, select: { definition: true } })
}
