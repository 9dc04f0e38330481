import { redirect, type AppLoadContext } from '@remix-run/node'
import { getCurrentUser, safeReturnTo, type CurrentUser } from '../auth/current-user.server'

// The office's guards, on top of getCurrentUser (which counts a staff session only once its second
// factor is done). A session between the password and the second factor reaches exactly two pages:
// /urad/overeni (enter a code) and /urad/dvoufaktor (set up the app). Admins must have TOTP.

export const OFFICE_LOGIN = '/urad/prihlaseni'
export const OFFICE_VERIFY = '/urad/overeni'
export const OFFICE_ENROL = '/urad/dvoufaktor'

const STAFF_SELECT = { id: true, name: true, email: true, roles: true, agendas: true, totpEnabledAt: true, disabledAt: true } as const

function loginRedirect(request: Request) {
	const url = new URL(request.url)
	return redirect(`${OFFICE_LOGIN}?zpet=${encodeURIComponent(safeReturnTo(url.pathname + url.search))}`)
}

async function findStaff(user: CurrentUser, id: string) {
	const staff = await user.db.staffUser.findUnique({ where: { id }, select: STAFF_SELECT })
	return staff && !staff.disabledAt ? staff : null
}

/** The signed-in member of staff (second factor done, TOTP set up if an admin), or a redirect. */
export async function requireOfficeStaff(request: Request, context: AppLoadContext) {
	const user = await getCurrentUser(request, context)
	if (user.actor.kind === 'staff') {
		const me = await findStaff(user, user.actor.staffUserId)
		if (!me) throw loginRedirect(request)
		// An admin without an authenticator app (e.g. a clerk just made admin) sets one up first.
		if (me.roles.includes('admin') && !me.totpEnabledAt) throw redirect(OFFICE_ENROL)
		return { ...user, actor: user.actor, me }
	}
	const pending = await getStaffSession(request, context, user)
	if (pending) throw redirect(pending.me.totpEnabledAt ? OFFICE_VERIFY : OFFICE_ENROL)
	throw loginRedirect(request)
}

/** Any staff session of this request, finished or between the two steps; null when there is none. */
export async function getStaffSession(request: Request, context: AppLoadContext, current?: CurrentUser) {
	const user = current ?? (await getCurrentUser(request, context))
	const { session } = user
	if (session?.kind !== 'staff' || !session.staffUserId) return null
	const me = await findStaff(user, session.staffUserId)
	if (!me) return null
	return { ...user, session, me, isComplete: user.actor.kind === 'staff' }
}
