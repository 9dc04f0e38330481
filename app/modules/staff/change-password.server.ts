import { recordAudit } from '../audit/record-audit.server'
import { destroyAllStaffSessions } from '../auth/session.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { hashPassword, verifyPassword } from './password.server'
import { PasswordError } from './password-error'
import { passwordProblem } from './password-rules'

type Options = { db: TenantDb; staffUserId: string; currentPassword: string; newPassword: string; ip?: string | null; requestId?: string | null }

/**
 * A signed-in member of staff changes their password. Every session of the account ends, this one
 * included; the caller starts a fresh one for this browser (so all others are gone).
 */
export async function changeStaffPassword({ db, staffUserId, currentPassword, newPassword, ip = null, requestId = null }: Options) {
	const staff = await db.staffUser.findUnique({ where: { id: staffUserId }, select: { email: true, passwordHash: true } })
	if (!staff?.passwordHash) throw new AppError('staff_not_found', 'No such account')
	if (!(await verifyPassword(staff.passwordHash, currentPassword))) {
		await recordAudit(db, {
			action: 'auth.password_change_failed',
			outcome: 'failed',
			staffId: staffUserId,
			subject: `StaffUser:${staffUserId}`,
			ip,
			requestId,
		})
		throw new PasswordError('current_password_wrong')
	}
	const problem = passwordProblem(newPassword, staff.email)
	if (problem) throw new PasswordError(problem)
	await db.staffUser.update({ where: { id: staffUserId }, data: { passwordHash: await hashPassword(newPassword) } })
	await destroyAllStaffSessions(db, staffUserId)
	await recordAudit(db, { action: 'auth.password_changed', staffId: staffUserId, subject: `StaffUser:${staffUserId}`, ip, requestId })
}
