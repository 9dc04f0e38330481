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

	constructor(code: AppErrorCode, message: string, details: readonly string[] = [], options?: { cause?: unknown }) {
		super(details.length ? `${message}\n  - ${details.join('\n  - ')}` : message, options)
		this.name = 'AppError'
		this.code = code
		this.details = details
	}
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
	return error instanceof AppError && (code === undefined || error.code === code)
}

/**
 * A domain's refusal with a typed reason. Each domain lists its reasons once (`XXX_ERROR_REASONS`,
 * `as const`); the route maps a reason to a translated message with an exhaustive switch ending in
 * `unreachable(reason)`, so a new reason without a message does not compile, and
 * errors/reason-messages.test.ts checks every reason of the list has that message in cs, en and uk.
 * Routes never look at `message`: it is English for logs only.
 */
export class DomainError<Reason extends string> extends AppError {
	readonly reason: Reason
	constructor(reason: Reason, message: string = reason, options?: { code?: AppErrorCode; cause?: unknown }) {
		super(options?.code ?? 'input_invalid', message, [], options?.cause === undefined ? undefined : { cause: options.cause })
		this.reason = reason
	}
}

/** The `default:` of an exhaustive switch over a reason union: a missed case is a compile error. */
export function unreachable(value: never): never {
	throw new Error(`Unhandled case: ${String(value)}`)
}
