import { createHash } from 'node:crypto'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'
import type { TenantDb } from '../db/tenant-db.server'
import { newSessionToken, readSessionToken, serializeSessionCookie } from './session-cookie.server'

// Server-side sessions, one table per town. The cookie carries only a random id; the database
// keeps sha256(town id + id), so a cookie is meaningless to any other town even if it got there
// (it cannot: the cookie is host-only), and a leaked database row cannot be replayed as a cookie.

export const SESSION_ABSOLUTE_MS = 8 * 60 * 60 * 1000
export const DEFAULT_IDLE_MINUTES = 20
const TOUCH_AFTER_MS = 60 * 1000

export function sessionCookieName(secure: boolean) {
	// __Host-: Secure, Path=/, no Domain: the browser refuses it for any other host.
	return secure ? '__Host-portal_session' : 'portal_session'
}

function hashOf(tenant: ResolvedTenant, token: string) {
	return createHash('sha256').update(`${tenant.id}:${token}`).digest('hex')
}

function readToken(request: Request, secure: boolean) {
	return readSessionToken(request, sessionCookieName(secure))
}

function cookie(secure: boolean, value: string, maxAgeSeconds: number) {
	return serializeSessionCookie(sessionCookieName(secure), value, { maxAgeSeconds, secure, sameSite: 'Lax' })
}

/** clientIp: the request's address as the server resolved it (the socket's, or the proxy's X-Forwarded-For only when TRUST_PROXY is set). */
export type SessionOptions = { db: TenantDb; tenant: ResolvedTenant; secure: boolean; clientIp?: string | null }

export type NewSession = {
	kind: 'citizen' | 'staff'
	personId?: string
	staffUserId?: string
	secondFactorDone?: boolean
	niaNameId?: string
	niaSessionIndex?: string
}

/**
 * Starts a session and returns its Set-Cookie value. Callers rotate: the session the request came
 * with (if any) is ended first, so a login never keeps a pre-login id (session fixation).
 */
export async function createSession({ db, tenant, secure, clientIp }: SessionOptions, request: Request, data: NewSession) {
	const old = readToken(request, secure)
	if (old) await db.session.deleteMany({ where: { idHash: hashOf(tenant, old) } })
	const token = newSessionToken()
	await db.session.create({
		data: {
			idHash: hashOf(tenant, token),
			...data,
			expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
			// Never a header read here: X-Forwarded-For is whatever the client wrote unless a proxy is trusted.
			ip: clientIp ?? null,
			userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
		},
	})
	return cookie(secure, token, SESSION_ABSOLUTE_MS / 1000)
}

/** The live session of this request, or null (unknown, expired, or idle too long: then it is removed). */
export async function getSession({ db, tenant, secure }: SessionOptions, request: Request, idleMinutes = DEFAULT_IDLE_MINUTES) {
	const token = readToken(request, secure)
	if (!token) return null
	const idHash = hashOf(tenant, token)
	const session = await db.session.findUnique({ where: { idHash } })
	if (!session) return null
	const now = Date.now()
	if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMinutes * 60_000 <= now) {
		await db.session.deleteMany({ where: { idHash } })
		return null
	}
	if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
		await db.session.update({ where: { idHash }, data: { lastSeenAt: new Date(now) } })
	}
	return { ...session, idleExpiresAt: new Date(Math.min(now + idleMinutes * 60_000, session.expiresAt.getTime())) }
}

export async function updateSession({ db, tenant, secure }: SessionOptions, request: Request, data: { secondFactorDone?: boolean }) {
	const token = readToken(request, secure)
	if (token) await db.session.updateMany({ where: { idHash: hashOf(tenant, token) }, data })
}

/** Ends this request's session; returns the Set-Cookie value that clears the cookie. */
export async function destroySession({ db, tenant, secure }: SessionOptions, request: Request) {
	const token = readToken(request, secure)
	if (token) await db.session.deleteMany({ where: { idHash: hashOf(tenant, token) } })
	return cookie(secure, '', 0)
}

/** "Log out everywhere" for a member of staff (and after a password change). */
export async function destroyAllStaffSessions(db: TenantDb, staffUserId: string) {
	await db.session.deleteMany({ where: { staffUserId } })
}
