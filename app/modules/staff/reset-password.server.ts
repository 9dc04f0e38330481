import { recordAudit } from '../audit/record-audit.server'
import { destroyAllStaffSessions } from '../auth/session.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { hashPassword } from './password.server'
import { PasswordError } from './password-error'
import { passwordProblem } from './password-rules'
import { consumeStaffToken, findStaffToken } from './staff-token.server'

type Options = { db: TenantDb; token: string; password: string; ip?: string | null; requestId?: string | null }

/**
 * A new password through a reset link. Every session of the account ends (whoever knew the old
 * password is out), and a lockout is lifted: the link proved who this is.
 */
export async function resetPassword({ db, token, password, ip = null, requestId = null }: Options) {
	const owner = await findStaffToken({ db, token, kind: 'password_reset' })
	if (!owner) throw new AppError('token_invalid', 'The reset link is invalid, used or expired')
	const problem = passwordProblem(password, owner.email)
	if (problem) throw new PasswordError(problem)
	const passwordHash = await hashPassword(password)
	await db.$transaction(async (tx) => {
		const staffUserId = await consumeStaffToken({ db: tx, token, kind: 'password_reset' })
		if (staffUserId !== owner.id) throw new AppError('token_invalid', 'The reset link is invalid, used or expired')
		await tx.staffUser.update({ where: { id: owner.id }, data: { passwordHash, failedLogins: 0, lockedUntil: null } })
		await recordAudit(tx, { action: 'auth.password_reset', staffId: owner.id, subject: `StaffUser:${owner.id}`, ip, requestId })
	})
	await destroyAllStaffSessions(db, owner.id)
	return { staffUserId: owner.id, email: owner.email }
}
