// Errors that mean "the database cannot be reached right now" (as opposed to a bad query): the
// request gets a 503 page and the pool recovers by itself once the database is back.
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'ENOTFOUND',
	'EPIPE',
	'57P01',
	'57P02',
	'57P03',
	'08000',
	'08001',
	'08003',
	'08006',
])
const CONNECTION_MESSAGES =
	/ECONNREFUSED|ECONNRESET|Connection terminated|timeout exceeded when trying to connect|terminating connection|the database system is (starting up|shutting down)|DatabaseNotReachable|Can't reach database|ConnectionClosed/i

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 4) return false
	const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
	if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true
	if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true
	if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true
	return isDatabaseUnavailable(e.cause, depth + 1)
}
