import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import { hashPassword } from './password.server'
import { PasswordError } from './password-error'
import { passwordProblem } from './password-rules'
import { consumeStaffToken, findStaffToken } from './staff-token.server'

type Options = { db: TenantDb; token: string; password: string; ip?: string | null; requestId?: string | null }

/**
 * Sets the invited person's first password and uses the link up. Returns the account, so the
 * caller can sign them in (admins then still have to set up TOTP before anything else).
 */
export async function acceptInvitation({ db, token, password, ip = null, requestId = null }: Options) {
	const invited = await findStaffToken({ db, token, kind: 'invitation' })
	if (!invited) throw new AppError('token_invalid', 'The invitation link is invalid, used or expired')
	const problem = passwordProblem(password, invited.email)
	if (problem) throw new PasswordError(problem)
	const passwordHash = await hashPassword(password)
	return db.$transaction(async (tx) => {
		const staffUserId = await consumeStaffToken({ db: tx, token, kind: 'invitation' })
		if (staffUserId !== invited.id) throw new AppError('token_invalid', 'The invitation link is invalid, used or expired')
		const staff = await tx.staffUser.update({
			where: { id: staffUserId },
			data: { passwordHash, failedLogins: 0, lockedUntil: null },
			select: { id: true, email: true, roles: true, totpEnabledAt: true },
		})
		await recordAudit(tx, { action: 'auth.invitation_accepted', staffId: staff.id, subject: `StaffUser:${staff.id}`, ip, requestId })
		return staff
	})
}
