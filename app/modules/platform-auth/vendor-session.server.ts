import { createHash } from 'node:crypto'
import { DEFAULT_IDLE_MINUTES, SESSION_ABSOLUTE_MS } from '../auth/session.server'
import { newSessionToken, readSessionToken, serializeSessionCookie } from '../auth/session-cookie.server'
import type { PlatformDb } from '../db/platform-db.server'

// Vendor staff sessions on the platform host, mirroring auth/session.server.ts: an opaque id in a
// host-only cookie (never sent to a town's host), its sha256 in platform.vendor_session, rotated at
// sign-in, idle timeout and an absolute limit.

const TOUCH_AFTER_MS = 60 * 1000

export function vendorCookieName(secure: boolean) {
	return secure ? '__Host-portal_vendor' : 'portal_vendor'
}

const hashOf = (token: string) => createHash('sha256').update(`vendor:${token}`).digest('hex')

function readToken(request: Request, secure: boolean) {
	return readSessionToken(request, vendorCookieName(secure))
}

function cookie(secure: boolean, value: string, maxAgeSeconds: number) {
	// SameSite=Strict: nothing on the console is reached by a link from another site.
	return serializeSessionCookie(vendorCookieName(secure), value, { maxAgeSeconds, secure, sameSite: 'Strict' })
}

export type VendorSessionOptions = { db: PlatformDb; secure: boolean }

/** A new session (the one the request came with, if any, is ended first); returns Set-Cookie. */
export async function createVendorSession(
	{ db, secure }: VendorSessionOptions,
	request: Request,
	data: { vendorStaffId: string; secondFactorDone: boolean; ip: string | null },
) {
	const old = readToken(request, secure)
	if (old) await db.vendorSession.deleteMany({ where: { idHash: hashOf(old) } })
	const token = newSessionToken()
	await db.vendorSession.create({
		data: {
			idHash: hashOf(token),
			vendorStaffId: data.vendorStaffId,
			secondFactorDone: data.secondFactorDone,
			expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_MS),
			ip: data.ip,
			userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
		},
	})
	return cookie(secure, token, SESSION_ABSOLUTE_MS / 1000)
}

/** The live vendor session of this request, or null (an expired or idle one is removed). */
export async function getVendorSession({ db, secure }: VendorSessionOptions, request: Request, idleMinutes = DEFAULT_IDLE_MINUTES) {
	const token = readToken(request, secure)
	if (!token) return null
	const idHash = hashOf(token)
	const session = await db.vendorSession.findUnique({ where: { idHash } })
	if (!session) return null
	const now = Date.now()
	if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMinutes * 60_000 <= now) {
		await db.vendorSession.deleteMany({ where: { idHash } })
		return null
	}
	if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) await db.vendorSession.update({ where: { idHash }, data: { lastSeenAt: new Date(now) } })
	return { ...session, idleExpiresAt: new Date(Math.min(now + idleMinutes * 60_000, session.expiresAt.getTime())) }
}

/** Ends this request's vendor session; returns the Set-Cookie value that clears the cookie. */
export async function destroyVendorSession({ db, secure }: VendorSessionOptions, request: Request) {
	const token = readToken(request, secure)
	if (token) await db.vendorSession.deleteMany({ where: { idHash: hashOf(token) } })
	return cookie(secure, '', 0)
}

export async function destroyAllVendorSessions(db: PlatformDb, vendorStaffId: string) {
	await db.vendorSession.deleteMany({ where: { vendorStaffId } })
}
