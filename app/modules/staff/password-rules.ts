import { z } from 'zod'
import '../util/zod-jitless'
import type { NewPasswordProblem } from './password-error'

// Password rules, shared by the browser (Conform) and the server. Messages are translation keys in
// the `office` namespace. Length over composition rules (NIST SP 800-63B); the upper bound keeps
// argon2 from hashing megabytes.
export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 200

export const PasswordSchema = z
	.string({ error: 'validation.required' })
	.min(PASSWORD_MIN_LENGTH, { error: 'validation.passwordTooShort' })
	.max(PASSWORD_MAX_LENGTH, { error: 'validation.passwordTooLong' })

/** The problem with a new password for this account, or null: the rules above, and not the e-mail. */
export function passwordProblem(password: string, email: string): NewPasswordProblem | null {
	const result = PasswordSchema.safeParse(password)
	if (!result.success) return result.error.issues[0]?.code === 'too_big' ? 'too_long' : 'too_short'
	return isPasswordTheEmail(password, email) ? 'is_email' : null
}

function isPasswordTheEmail(password: string, email: string) {
	const lower = password.trim().toLowerCase()
	const address = email.trim().toLowerCase()
	return lower === address || lower === address.split('@')[0]
}

/** A new password typed twice, for the account with this e-mail. */
export function newPasswordFormSchema(email: string) {
	return z.object({ password: PasswordSchema, confirm: z.string({ error: 'validation.required' }) }).superRefine((value, ctx) => {
		if (isPasswordTheEmail(value.password, email)) ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.passwordIsEmail' })
		if (value.password !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwordsDiffer' })
	})
}

/** Changing the password while signed in: the current one, then the new one twice. */
export function changePasswordFormSchema(email: string) {
	return z
		.object({
			currentPassword: z.string({ error: 'validation.required' }).max(PASSWORD_MAX_LENGTH),
			password: PasswordSchema,
			confirm: z.string({ error: 'validation.required' }),
		})
		.superRefine((value, ctx) => {
			if (isPasswordTheEmail(value.password, email)) ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.passwordIsEmail' })
			if (value.password !== value.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwordsDiffer' })
			if (value.password === value.currentPassword) ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.passwordUnchanged' })
		})
}
