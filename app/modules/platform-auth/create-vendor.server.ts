import { getPlatformDb } from '../db/platform-db.server'
import { AppError } from '../errors/app-error'
import { encryptSecret } from '../secrets/secrets.server'
import { hashPassword } from '../staff/password.server'
import { passwordProblem } from '../staff/password-rules'
import { generateRecoveryCodes } from '../staff/recovery-codes.server'
import { createTotpSecret, totpUri } from '../staff/totp.server'

type Options = { email: string; name: string; password: string; actor: string; totpSecret?: string }

/**
 * A vendor staff account, ready to sign in: password set and TOTP in force from the start (the
 * console has no enrolment page: vendor staff can onboard every town, so no account of theirs
 * ever exists without a second factor). Returns the TOTP secret and recovery codes, to show once.
 */
export async function createVendor({ email, name, password, actor, totpSecret }: Options) {
	const address = email.trim().toLowerCase()
	const db = getPlatformDb()
	const problem = passwordProblem(password, address)
	if (problem) throw new AppError('password_invalid', `The password is not acceptable (${problem}): at least 12 characters, not the e-mail`)
	if (await db.vendorStaff.findUnique({ where: { email: address }, select: { id: true } })) {
		throw new AppError('staff_exists', `${address} is already a vendor account`)
	}
	const secret = totpSecret ?? createTotpSecret()
	const { codes, hashes } = await generateRecoveryCodes()
	const vendor = await db.vendorStaff.create({
		data: {
			email: address,
			name: name.trim(),
			passwordHash: await hashPassword(password),
			totpSecret: encryptSecret(secret),
			totpEnabledAt: new Date(),
			recoveryCodes: hashes,
		},
		select: { id: true },
	})
	await db.platformAudit.create({ data: { actor, action: 'vendor.create', details: { vendorId: vendor.id, email: address } } })
	return { id: vendor.id, secret, uri: totpUri({ secret, issuer: 'Portál občana – dodavatel', label: address }), recoveryCodes: codes }
}
