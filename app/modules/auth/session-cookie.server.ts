import { randomBytes } from 'node:crypto'

// The cookie side of every session (town citizens and staff, vendor staff): an opaque random id,
// host-only (no Domain), HttpOnly, Secure in production.

export function newSessionToken() {
	return randomBytes(32).toString('base64url')
}

/** The session id from the named cookie, or null when absent or not shaped like one of ours. */
export function readSessionToken(request: Request, name: string) {
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const [key, ...rest] = part.trim().split('=')
		if (key === name) {
			const value = rest.join('=')
			return /^[\w-]{43}$/.test(value) ? value : null
		}
	}
	return null
}

export function serializeSessionCookie(name: string, value: string, options: { maxAgeSeconds: number; secure: boolean; sameSite: 'Lax' | 'Strict' }) {
	return [
		`${name}=${value}`,
		'Path=/',
		'HttpOnly',
		`SameSite=${options.sameSite}`,
		`Max-Age=${options.maxAgeSeconds}`,
		...(options.secure ? ['Secure'] : []),
	].join('; ')
}
