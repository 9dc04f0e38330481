import type office from '../../locales/cs/office.json'
import { DomainError, unreachable } from '../errors/app-error'

/** Why a password was refused: the current one was wrong, or the new one breaks a rule of password-rules.ts. */
export const PASSWORD_ERROR_REASONS = ['current_password_wrong', 'too_short', 'too_long', 'is_email'] as const
export type PasswordErrorReason = (typeof PASSWORD_ERROR_REASONS)[number]
export type NewPasswordProblem = Exclude<PasswordErrorReason, 'current_password_wrong'>

type ValidationKey = `validation.${keyof typeof office.validation}`

/** The office message for a refused password (the same keys the browser-side zod rules use). */
export function passwordErrorMessage(reason: PasswordErrorReason): ValidationKey {
	switch (reason) {
		case 'current_password_wrong':
			return 'validation.currentPasswordWrong'
		case 'too_short':
			return 'validation.passwordTooShort'
		case 'too_long':
			return 'validation.passwordTooLong'
		case 'is_email':
			return 'validation.passwordIsEmail'
		default:
			return unreachable(reason)
	}
}

/** The form field a refusal belongs to. */
export function passwordErrorField(reason: PasswordErrorReason): 'currentPassword' | 'password' {
	return reason === 'current_password_wrong' ? 'currentPassword' : 'password'
}

export class PasswordError extends DomainError<PasswordErrorReason> {
	override readonly name = 'PasswordError'
	constructor(reason: PasswordErrorReason) {
		// The message is the translation key, as it always was for password_invalid.
		super(reason, passwordErrorMessage(reason), { code: 'password_invalid' })
	}
}
