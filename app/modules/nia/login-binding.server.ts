import { createHash } from 'node:crypto'
import { REQUEST_ID_LIFETIME_MS } from './nia-protocol'

// Login CSRF (issue 11 item 5): a SAMLResponse is a bearer token for whoever posts it. Without a tie
// to the browser that started the login, an attacker's own response, posted from any site to the ACS,
// logs the victim's browser in as the attacker. So the login start leaves a short-lived cookie holding
// a hash of the AuthnRequest id, and the login is completed only in a request that carries it.
//
// The cookie is SameSite=Lax, so it is NOT sent on NIA's cross-site POST to the ACS; the ACS hands the
// answer on to /auth/nia/dokonceni through a same-origin page (decision 005), where it is sent.

/** At most this many logins started in one browser can be pending at once (tabs); the oldest drops out. */
const MAX_PENDING = 3
const HASH = /^[\w-]{43}$/

export function loginBindingCookieName(secure: boolean) {
	// __Host-: Secure, Path=/, no Domain, so no other host (not even a sibling subdomain) can set it.
	return secure ? '__Host-portal_nia_login' : 'portal_nia_login'
}

/** The browser is on https (or the deployment is production): then the cookie is Secure and __Host-. */
export function isSecureRequest(request: Request, isProduction: boolean) {
	return isProduction || new URL(request.url).protocol === 'https:'
}

function hashOf(requestId: string) {
	return createHash('sha256').update(`nia-login:${requestId}`).digest('base64url')
}

function readHashes(request: Request, secure: boolean) {
	const name = loginBindingCookieName(secure)
	for (const part of (request.headers.get('cookie') ?? '').split(';')) {
		const [key, ...rest] = part.trim().split('=')
		if (key === name)
			return rest
				.join('=')
				.split('.')
				.filter((value) => HASH.test(value))
	}
	return []
}

function serialize(secure: boolean, hashes: string[], maxAgeSeconds: number) {
	const attributes = [`${loginBindingCookieName(secure)}=${hashes.join('.')}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`]
	return [...attributes, ...(secure ? ['Secure'] : [])].join('; ')
}

/** Set-Cookie for the login start: this request id joins the ones this browser already has pending. */
export function bindLoginToBrowser({ request, requestId, secure }: { request: Request; requestId: string; secure: boolean }) {
	const hashes = [hashOf(requestId), ...readHashes(request, secure)].slice(0, MAX_PENDING)
	return serialize(secure, hashes, REQUEST_ID_LIFETIME_MS / 1000)
}

/** Whether this browser started the login that `requestId` (the response's InResponseTo) answers. */
export function isLoginBoundToBrowser({ request, requestId, secure }: { request: Request; requestId: string | null | undefined; secure: boolean }) {
	return !!requestId && readHashes(request, secure).includes(hashOf(requestId))
}

/** Set-Cookie after a completed login: the id is used up, the other pending ones stay. */
export function releaseLoginBinding({ request, requestId, secure }: { request: Request; requestId: string | null | undefined; secure: boolean }) {
	const rest = readHashes(request, secure).filter((hash) => !requestId || hash !== hashOf(requestId))
	return serialize(secure, rest, rest.length ? REQUEST_ID_LIFETIME_MS / 1000 : 0)
}
