import { AppError } from '../errors/app-error'
import { decryptSecret, encryptSecret } from '../secrets/secrets.server'
import type { LoginStore } from './login-store.server'
import { generateRecoveryCodes } from './recovery-codes.server'
import { createTotpSecret, totpQrDataUrl, totpUri, verifyTotpCode } from './totp.server'

/**
 * Starts (or shows again) setting up an authenticator app: a secret kept encrypted on the account
 * but not yet in force. Reloading the page shows the same secret, so a scanned code stays valid.
 */
export async function startTotpEnrolment({ store, accountId, issuer }: { store: LoginStore; accountId: string; issuer: string }) {
	const account = await store.findById(accountId)
	if (!account) throw new AppError('staff_not_found', 'No such account')
	if (account.totpEnabledAt) throw new AppError('totp_already_enabled', 'The authenticator app is already set up')
	let secret = account.totpSecret ? decryptSecret(account.totpSecret) : null
	if (!secret) {
		secret = createTotpSecret()
		await store.updateAccount(account.id, { totpSecret: encryptSecret(secret) })
	}
	const uri = totpUri({ secret, issuer, label: account.email })
	return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) }
}

/**
 * Confirms the set-up with a code from the app: TOTP is then in force and ten recovery codes are
 * made. The codes are returned once, to be shown once; only their hashes are kept.
 */
export async function confirmTotpEnrolment({
	store,
	accountId,
	code,
	ip = null,
	requestId = null,
}: {
	store: LoginStore
	accountId: string
	code: string
	ip?: string | null
	requestId?: string | null
}) {
	const account = await store.findById(accountId)
	if (!account) throw new AppError('staff_not_found', 'No such account')
	if (account.totpEnabledAt) throw new AppError('totp_already_enabled', 'The authenticator app is already set up')
	if (!account.totpSecret || !(await verifyTotpCode(decryptSecret(account.totpSecret), code))) {
		throw new AppError('totp_invalid', 'The code does not match')
	}
	const { codes, hashes } = await generateRecoveryCodes()
	await store.updateAccount(account.id, { totpEnabledAt: new Date(), recoveryCodes: hashes, failedLogins: 0, lockedUntil: null })
	await store.audit({ action: 'auth.totp_enabled', outcome: 'ok', accountId, isActor: true, ip, requestId })
	return { recoveryCodes: codes }
}
