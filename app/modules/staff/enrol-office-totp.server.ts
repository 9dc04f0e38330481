import type { AppLoadContext } from '@remix-run/node'
import { createSession } from '../auth/session.server'
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp.server'
import { townLoginStore } from './login-store.server'
import { requestMeta } from './office-request.server'
import type { getStaffSession } from './require-office-staff.server'

type StaffSession = NonNullable<Awaited<ReturnType<typeof getStaffSession>>>

/** The authenticator set-up for this member of staff, labelled with the town's name in the app. */
export function startOfficeTotpEnrolment(staff: StaffSession, townName: string) {
	return startTotpEnrolment({ store: townLoginStore(staff.db), accountId: staff.me.id, issuer: `${townName} – Portál občana` })
}

/**
 * Confirms the set-up. A session that was waiting for it (an admin's first sign-in) is then
 * complete, under a new id; the recovery codes are returned to be shown this once.
 */
export async function confirmOfficeTotpEnrolment(staff: StaffSession, request: Request, context: AppLoadContext, code: string) {
	const store = townLoginStore(staff.db)
	const { recoveryCodes } = await confirmTotpEnrolment({ store, accountId: staff.me.id, code, ...requestMeta(context) })
	if (staff.isComplete) return { recoveryCodes, cookie: null }
	// The first sign-in of an admin ends here: the new app's code was the second factor.
	await store.updateAccount(staff.me.id, { failedLogins: 0, lockedUntil: null })
	await store.audit({
		action: 'auth.login',
		outcome: 'ok',
		accountId: staff.me.id,
		isActor: true,
		details: { method: 'totp_enrolment' },
		...requestMeta(context),
	})
	const cookie = await createSession(staff.sessionOptions, request, { kind: 'staff', staffUserId: staff.me.id, secondFactorDone: true })
	return { recoveryCodes, cookie }
}
