import { recordAudit } from '../audit/record-audit.server'
import { destroyAllStaffSessions } from '../auth/session.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'

type Options = { db: TenantDb; staffUserId: string; disabled: boolean; by: string; ip?: string | null; requestId?: string | null }

/** Disables (every session ends at once) or enables an account. Nobody disables themselves. */
export async function setStaffDisabled({ db, staffUserId, disabled, by, ip = null, requestId = null }: Options) {
	if (staffUserId === by) throw new AppError('staff_not_found', 'You cannot disable your own account')
	const staff = await db.staffUser.findUnique({ where: { id: staffUserId }, select: { id: true, disabledAt: true } })
	if (!staff) throw new AppError('staff_not_found', 'No such member of staff')
	if (Boolean(staff.disabledAt) === disabled) return false
	await db.staffUser.update({ where: { id: staffUserId }, data: { disabledAt: disabled ? new Date() : null, failedLogins: 0, lockedUntil: null } })
	if (disabled) await destroyAllStaffSessions(db, staffUserId)
	await recordAudit(db, { action: disabled ? 'staff.disabled' : 'staff.enabled', staffId: by, subject: `StaffUser:${staffUserId}`, ip, requestId })
	return true
}
