import { IP_WINDOW_MINUTES, LOCK_MINUTES, MAX_ACCOUNT_FAILURES, MAX_IP_FAILURES } from './login-limits'
import type { LoginAccount, LoginStore } from './login-store.server'
import { verifyAgainstDummy, verifyPassword } from './password.server'

export type SignInRefusal = 'invalid' | 'locked' | 'rate_limited'

export type AuthenticateResult =
	/** next: 'done' = signed in; 'verify' = TOTP or recovery code next; 'enrol' = must set up TOTP first. */
	{ ok: true; account: LoginAccount; next: 'done' | 'verify' | 'enrol' } | { ok: false; reason: SignInRefusal }

type Options = {
	store: LoginStore
	email: string
	password: string
	ip: string | null
	requestId?: string | null
	/** Whether this account must have a second factor (town admins, every vendor). */
	requiresTotp: (account: LoginAccount) => boolean
	now?: Date
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000)

/**
 * The password step of a staff or vendor sign-in. The refusal never says whether the account
 * exists: an unknown e-mail costs the same argon2 time, and after MAX_ACCOUNT_FAILURES tries it is
 * "locked" just like a real account. Every refusal is written to the audit log.
 */
export async function authenticateStaff({
	store,
	email,
	password,
	ip,
	requestId = null,
	requiresTotp,
	now = new Date(),
}: Options): Promise<AuthenticateResult> {
	const identifier = email.trim().toLowerCase().slice(0, 254)
	const audit = (action: string, reason: string, accountId?: string) =>
		store.audit({ action, outcome: action === 'auth.locked' ? 'denied' : 'failed', accountId, details: { email: identifier, reason }, ip, requestId })
	const failed = () => store.recordAttempt({ identifier, ip, success: false })

	if (ip && (await store.countFailures({ ip }, minutesBefore(now, IP_WINDOW_MINUTES))) >= MAX_IP_FAILURES) {
		await failed()
		await audit('auth.login_failed', 'ip_rate_limited')
		return { ok: false, reason: 'rate_limited' }
	}

	const account = await store.findByEmail(identifier)
	if (!account) {
		await verifyAgainstDummy(password)
		await failed()
		const failures = await store.countFailures({ identifier }, minutesBefore(now, LOCK_MINUTES))
		await audit('auth.login_failed', 'unknown_account')
		return { ok: false, reason: failures >= MAX_ACCOUNT_FAILURES ? 'locked' : 'invalid' }
	}

	if (account.lockedUntil && account.lockedUntil > now) {
		// A correct password changes nothing while the lock lasts.
		await failed()
		await audit('auth.login_failed', 'locked', account.id)
		return { ok: false, reason: 'locked' }
	}

	const isValid = account.passwordHash ? await verifyPassword(account.passwordHash, password) : await verifyAgainstDummy(password)
	if (!isValid || account.disabledAt) {
		await failed()
		const reason = !isValid ? (account.passwordHash ? 'wrong_password' : 'no_password') : 'disabled'
		return { ok: false, reason: await countFailure({ store, account, now, reason, ip, requestId, email: identifier }) }
	}

	await store.recordAttempt({ identifier, ip, success: true })
	const next = account.totpEnabledAt ? 'verify' : requiresTotp(account) ? 'enrol' : 'done'
	// The failure counter is cleared only when the whole sign-in succeeds: a known password must not
	// reset the count of wrong second-factor codes.
	if (next === 'done') {
		await store.updateAccount(account.id, { failedLogins: 0, lockedUntil: null })
		await store.audit({ action: 'auth.login', outcome: 'ok', accountId: account.id, isActor: true, details: { method: 'password' }, ip, requestId })
	}
	return { ok: true, account, next }
}

/**
 * One more failure against an existing account (password or second factor): audited, and at
 * MAX_ACCOUNT_FAILURES the account is locked for LOCK_MINUTES (audited as auth.locked).
 */
export async function countFailure({
	store,
	account,
	now,
	reason,
	ip,
	requestId,
	email,
	action = 'auth.login_failed',
}: {
	store: LoginStore
	account: LoginAccount
	now: Date
	reason: string
	ip: string | null
	requestId: string | null
	email: string
	action?: string
}): Promise<'invalid' | 'locked'> {
	// A lock that has run out starts a fresh count.
	if (account.lockedUntil && account.lockedUntil <= now) await store.updateAccount(account.id, { failedLogins: 0, lockedUntil: null })
	const failures = await store.incrementFailures(account.id)
	await store.audit({ action, outcome: 'failed', accountId: account.id, details: { email, reason, failures }, ip, requestId })
	if (failures < MAX_ACCOUNT_FAILURES) return 'invalid'
	const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000)
	await store.updateAccount(account.id, { lockedUntil })
	await store.audit({
		action: 'auth.locked',
		outcome: 'denied',
		accountId: account.id,
		details: { email, failures, lockedUntil: lockedUntil.toISOString() },
		ip,
		requestId,
	})
	return 'locked'
}
