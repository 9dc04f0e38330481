import type { AppLoadContext } from '@remix-run/node'
import { getCurrentUser } from '../auth/current-user.server'
import { createSession } from '../auth/session.server'
import { authenticateStaff } from './authenticate-staff.server'
import { townLoginStore } from './login-store.server'
import { requestMeta } from './office-request.server'
import { getStaffSession } from './require-office-staff.server'
import { verifySecondFactor } from './verify-second-factor.server'

// The office's two sign-in steps, wired to the town's session: each step that raises what the
// session may do starts a new session id (rotation), so no pre-login id ever gains rights.

/** Password step. A clerk without TOTP is then signed in; otherwise the session waits for the code or the set-up. */
export async function signInStaff({ request, context, email, password }: { request: Request; context: AppLoadContext; email: string; password: string }) {
	const user = await getCurrentUser(request, context)
	const result = await authenticateStaff({
		store: townLoginStore(user.db),
		email,
		password,
		...requestMeta(context),
		requiresTotp: (account) => account.roles.includes('admin'),
	})
	if (!result.ok) return result
	const cookie = await createSession(user.sessionOptions, request, {
		kind: 'staff',
		staffUserId: result.account.id,
		secondFactorDone: result.next === 'done',
	})
	return { ok: true as const, next: result.next, cookie }
}

/** Code step: a TOTP code or a recovery code for the session waiting for it. */
export async function completeStaffSecondFactor({ request, context, code }: { request: Request; context: AppLoadContext; code: string }) {
	const pending = await getStaffSession(request, context)
	if (!pending || pending.isComplete || !pending.me.totpEnabledAt) return { ok: false as const, reason: 'no_session' as const }
	const result = await verifySecondFactor({ store: townLoginStore(pending.db), accountId: pending.me.id, code, ...requestMeta(context) })
	if (!result.ok) return result
	const cookie = await createSession(pending.sessionOptions, request, { kind: 'staff', staffUserId: pending.me.id, secondFactorDone: true })
	return { ok: true as const, cookie, recoveryCodesLeft: result.recoveryCodesLeft, method: result.method }
}
