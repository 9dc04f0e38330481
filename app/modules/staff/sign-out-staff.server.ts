import type { AppLoadContext } from '@remix-run/node'
import { recordAudit } from '../audit/record-audit.server'
import { getCurrentUser } from '../auth/current-user.server'
import { destroyAllStaffSessions, destroySession } from '../auth/session.server'
import { requestMeta } from './office-request.server'

/** Ends this browser's session (any kind, finished or not); returns the Set-Cookie that clears it. */
export async function signOutStaff(request: Request, context: AppLoadContext) {
	const user = await getCurrentUser(request, context)
	if (user.session?.kind === 'staff' && user.session.staffUserId) {
		await recordAudit(user.db, {
			action: 'auth.logout',
			staffId: user.session.staffUserId,
			subject: `StaffUser:${user.session.staffUserId}`,
			...requestMeta(context),
		})
	}
	return destroySession(user.sessionOptions, request)
}

/** "Log out everywhere": every session of this member of staff ends, in every browser. */
export async function signOutStaffEverywhere(request: Request, context: AppLoadContext, staffUserId: string) {
	const user = await getCurrentUser(request, context)
	await destroyAllStaffSessions(user.db, staffUserId)
	await recordAudit(user.db, { action: 'auth.logout_everywhere', staffId: staffUserId, subject: `StaffUser:${staffUserId}`, ...requestMeta(context) })
	return destroySession(user.sessionOptions, request)
}
