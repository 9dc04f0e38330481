import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import type { Locale } from '../i18n/locales'

/** One member of staff by id (the whole record, for permission checks on it), or null. */
export async function findStaffUser({ db, id }: { db: TenantDb; id: string }) {
	return db.staffUser.findUnique({ where: { id } })
}

/** The language a member of staff chose for the office e-mails sent to them (may be unset or stale). */
export async function getStaffLocale({ db, staffUserId }: { db: TenantDb; staffUserId: string }) {
	return (await db.staffUser.findUniqueOrThrow({ where: { id: staffUserId }, select: { locale: true } })).locale
}

/** Changes that language, audited in the same transaction. */
export async function setStaffLocale({
	db,
	staffUserId,
	locale,
	ip = null,
	requestId = null,
}: {
	db: TenantDb
	staffUserId: string
	locale: Locale
	ip?: string | null
	requestId?: string | null
}) {
	await db.$transaction(async (tx) => {
		await tx.staffUser.update({ where: { id: staffUserId }, data: { locale } })
		await recordAudit(tx, {
			action: 'staff.language_changed',
			staffId: staffUserId,
			subject: `StaffUser:${staffUserId}`,
			details: { language: locale },
			ip,
			requestId,
		})
	})
}
