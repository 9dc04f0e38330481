export type AppErrorCode =
	| 'config_invalid'
	| 'blueprint_invalid'
	| 'migration_checksum_mismatch'
	| 'migration_failed'
	| 'tenant_not_found'
	| 'theme_contrast'
	| 'theme_unknown'
	| 'host_taken'
	| 'database_unavailable'
	| 'nia_config_invalid'
	| 'nia_not_configured'
	| 'staff_exists'
	| 'staff_not_found'
	| 'token_invalid'
	| 'password_invalid'
	| 'totp_invalid'
	| 'totp_already_enabled'
	| 'input_invalid'
	| 'job_payload_invalid'
	| 'mail_not_configured'
	| 'stripe_webhook_invalid'
	| 'gateway_url_refused'
	| 'ares_unavailable'

/** Domain code throws this; only the route and CLI layers turn it into a response or exit code. */
export class AppError extends Error {
	readonly code: AppErrorCode
	readonly details: readonly string[]

	constructor(code: AppErrorCode, message: string, details: readonly string[] = []) {
		super(details.length ? `${message}\n  - ${details.join('\n  - ')}` : message)
		this.name = 'AppError'
		this.code = code
		this.details = details
	}
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
	return error instanceof AppError && (code === undefined || error.code === code)
}
