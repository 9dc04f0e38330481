import { decryptSecret } from '../secrets/secrets.server'
import { countFailure, type SignInRefusal } from './authenticate-staff.server'
import { IP_WINDOW_MINUTES, MAX_IP_FAILURES } from './login-limits'
import type { LoginStore } from './login-store.server'
import { consumeRecoveryCode, looksLikeRecoveryCode } from './recovery-codes.server'
import { verifyTotpCode } from './totp.server'

type Options = {
	store: LoginStore
	accountId: string
	code: string
	ip: string | null
	requestId?: string | null
	now?: Date
}

export type SecondFactorResult = { ok: true; method: 'totp' | 'recovery_code'; recoveryCodesLeft: number } | { ok: false; reason: SignInRefusal }

/**
 * The second step of a sign-in: a TOTP code, or one of the recovery codes (used up by this). Wrong
 * codes count towards the same lockout as wrong passwords, so six digits cannot be guessed.
 */
export async function verifySecondFactor({ store, accountId, code, ip, requestId = null, now = new Date() }: Options): Promise<SecondFactorResult> {
	const account = await store.findById(accountId)
	if (!account || account.disabledAt || !account.totpSecret || !account.totpEnabledAt) return { ok: false, reason: 'invalid' }
	const attempt = (success: boolean) => store.recordAttempt({ identifier: account.email, ip, success })
	const refuse = (reason: string) =>
		store.audit({ action: 'auth.second_factor_failed', outcome: 'failed', accountId, details: { email: account.email, reason }, ip, requestId })

	if (ip && (await store.countFailures({ ip }, new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000))) >= MAX_IP_FAILURES) {
		await attempt(false)
		await refuse('ip_rate_limited')
		return { ok: false, reason: 'rate_limited' }
	}
	if (account.lockedUntil && account.lockedUntil > now) {
		await attempt(false)
		await refuse('locked')
		return { ok: false, reason: 'locked' }
	}

	let method: 'totp' | 'recovery_code' | null = null
	let recoveryCodes = account.recoveryCodes
	if (await verifyTotpCode(decryptSecret(account.totpSecret), code, now)) method = 'totp'
	else if (looksLikeRecoveryCode(code)) {
		const left = await consumeRecoveryCode(account.recoveryCodes, code)
		if (left) {
			method = 'recovery_code'
			recoveryCodes = left
		}
	}
	if (!method) {
		await attempt(false)
		const reason = await countFailure({ store, account, now, reason: 'wrong_code', ip, requestId, email: account.email, action: 'auth.second_factor_failed' })
		return { ok: false, reason }
	}

	await attempt(true)
	await store.updateAccount(account.id, { failedLogins: 0, lockedUntil: null, ...(method === 'recovery_code' ? { recoveryCodes } : {}) })
	const details = { method, ...(method === 'recovery_code' ? { recoveryCodesLeft: recoveryCodes.length } : {}) }
	await store.audit({ action: 'auth.login', outcome: 'ok', accountId, isActor: true, details, ip, requestId })
	return { ok: true, method, recoveryCodesLeft: recoveryCodes.length }
}
