/**
 * Why a NIA login was refused. The detailed reason goes to the audit log; the citizen sees one of the
 * short page codes below (in the failure page URL), never the raw error.
 */
export const FAILURE_REASONS = [
	'authn_failed', // NIA: cancelled, or the citizen could not be verified (AuthnFailed inside a Success response)
	'loa_too_low',
	'expired', // the assertion's time window has passed (or is not yet open)
	'unknown_request', // InResponseTo names no login we started
	'replayed_request', // InResponseTo already used
	'other_browser', // a genuine answer, but to a login this browser did not start (login CSRF)
	'expired_request', // the login was started too long ago
	'signature', // missing, wrong or wrapped signature
	'decryption',
	'audience',
	'destination',
	'issuer',
	'missing_identifier',
	'malformed',
	'not_configured',
] as const
export type FailureReason = (typeof FAILURE_REASONS)[number]

/**
 * What the failure page explains: cancelled, LoA too low, too slow/expired, finished in another browser
 * than it started in, technical problem, login unavailable.
 */
export const FAILURE_PAGES = ['cancelled', 'loa', 'expired', 'browser', 'technical', 'unavailable'] as const
export type FailurePage = (typeof FAILURE_PAGES)[number]

export function failurePageFor(reason: FailureReason): FailurePage {
	switch (reason) {
		case 'authn_failed':
			return 'cancelled'
		case 'loa_too_low':
			return 'loa'
		case 'expired':
		case 'unknown_request':
		case 'replayed_request':
		case 'expired_request':
			return 'expired'
		case 'other_browser':
			return 'browser'
		case 'not_configured':
			return 'unavailable'
		default:
			return 'technical'
	}
}

export function isFailurePage(value: unknown): value is FailurePage {
	return typeof value === 'string' && (FAILURE_PAGES as readonly string[]).includes(value)
}

export class NiaLoginError extends Error {
	constructor(
		readonly reason: FailureReason,
		message: string,
		readonly details: Record<string, string> = {},
	) {
		super(message)
		this.name = 'NiaLoginError'
	}
}

/** node-saml reports everything as a plain Error; its messages are stable enough to sort them. */
export function classifySamlError(error: unknown): FailureReason {
	const message = error instanceof Error ? error.message : String(error)
	if (/InResponseTo/i.test(message)) return 'unknown_request'
	if (/expired|not yet valid|No valid subject confirmation/i.test(message)) return 'expired'
	if (/audience/i.test(message)) return 'audience'
	if (/decrypt|EncryptedAssertion|EncryptedKey|cipher|bad decrypt|OAEP/i.test(message)) return 'decryption'
	if (/signature|signed|reference|transforms/i.test(message)) return 'signature'
	if (/issuer/i.test(message)) return 'issuer'
	return 'malformed'
}

/** Too many login starts from one client: the route answers 429 with a page saying when to try again. */
export class NiaLoginRateLimitError extends Error {
	constructor(readonly retryAfterSeconds: number) {
		super(`too many NIA login starts from one client; retry after ${retryAfterSeconds} s`)
		this.name = 'NiaLoginRateLimitError'
	}
}
