import { redirect, type AppLoadContext } from '@remix-run/node'
import { defineAbilityFor, type AppAbility } from '../access/ability.server'
import type { Actor } from '../access/permissions'
import { getTenantDb, type TenantDb } from '../db/tenant-db.server'
import { enforcesProductionRules } from '../env/demo-mode'
import { getEnv } from '../env/env.server'
import { requireTenant, requireTownProfile } from '../tenancy/require-town.server'
import type { ResolvedTenant } from '../tenancy/resolve-tenant.server'
import { getSession, type SessionOptions } from './session.server'

export type CurrentUser = {
	tenant: ResolvedTenant
	db: TenantDb
	session: Awaited<ReturnType<typeof getSession>>
	actor: Actor
	ability: AppAbility
	sessionOptions: SessionOptions
}

export function useSecureCookies() {
	// Secure (and __Host-) cookies in production; the demo serves its towns over plain http (demo-mode.ts).
	return enforcesProductionRules(getEnv().NODE_ENV)
}

// A page's loaders all receive the same request object (patches/@remix-run+server-runtime), so the
// root loader (the header) and the page's own loader share one answer: one session lookup and one
// ability per request, not one per loader.
const answered = new WeakMap<Request, Promise<CurrentUser>>()

/** Who is asking in this town (possibly anonymous) and what they may do. */
export function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
	let answer = answered.get(request)
	if (!answer) {
		answer = findCurrentUser(request, context)
		answered.set(request, answer)
	}
	return answer
}

async function findCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const db = getTenantDb(tenant)
	const sessionOptions = { db, tenant, secure: useSecureCookies(), clientIp: context.portal.clientIp ?? null }
	const session = await getSession(sessionOptions, request, profile.sessionIdleMinutes)
	let actor: Actor = { kind: 'anonymous' }
	if (session?.kind === 'citizen' && session.personId) actor = { kind: 'citizen', personId: session.personId }
	if (session?.kind === 'staff' && session.staffUserId && session.secondFactorDone) {
		const staff = await db.staffUser.findUnique({
			where: { id: session.staffUserId },
			select: { roles: true, agendas: true, submissionAgendas: true, disabledAt: true },
		})
		if (staff && !staff.disabledAt)
			actor = { kind: 'staff', staffUserId: session.staffUserId, roles: staff.roles, agendas: staff.agendas, submissionAgendas: staff.submissionAgendas }
	}
	return { tenant, db, session, actor, ability: defineAbilityFor(actor), sessionOptions }
}

function loginRedirect(request: Request, path: string) {
	const url = new URL(request.url)
	return redirect(`${path}?zpet=${encodeURIComponent(url.pathname + url.search)}`)
}

/** A citizen logged in through NIA, or a redirect to the NIA login that comes back here. */
export async function requireCitizen(request: Request, context: AppLoadContext) {
	const user = await getCurrentUser(request, context)
	if (user.actor.kind !== 'citizen') throw loginRedirect(request, '/auth/nia/login')
	return { ...user, actor: user.actor }
}

/** A member of staff who has completed the second factor where required, or the office login. */
export async function requireStaff(request: Request, context: AppLoadContext) {
	const user = await getCurrentUser(request, context)
	if (user.actor.kind !== 'staff') throw loginRedirect(request, '/urad/prihlaseni')
	return { ...user, actor: user.actor }
}

const SAME_HOST_BASE = 'http://portal.invalid'

/** A path the browser reads as a path on this host: one leading '/', no backslash, no control character. */
function isPlainPath(path: string) {
	const hasControl = [...path].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
	return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !hasControl
}

/**
 * Only same-host paths: anything else (other hosts, //evil, javascript:) becomes "/". The value is
 * resolved the way a browser would (dot segments, %2e, backslashes, tabs), and the result is checked
 * again: '/.//evil.example' resolves to '//evil.example', which a browser reads as another host.
 */
export function safeReturnTo(value: string | null | undefined) {
	if (!value || !value.startsWith('/')) return '/'
	try {
		const url = new URL(value, SAME_HOST_BASE)
		if (url.origin !== SAME_HOST_BASE) return '/'
		const path = url.pathname + url.search + url.hash
		if (!isPlainPath(path)) return '/'
		// Resolving the answer once more must change nothing: a browser resolves the Location header again.
		const again = new URL(path, SAME_HOST_BASE)
		return again.origin === SAME_HOST_BASE && again.pathname + again.search + again.hash === path ? path : '/'
	} catch {
		return '/'
	}
}

/** Where a login ends: the asked-for same-host path, or the citizen's overview when none (or the home page). */
export const CITIZEN_LANDING = '/muj-prehled'
export function loginLanding(value: string | null | undefined) {
	const path = safeReturnTo(value)
	return path === '/' || path.startsWith('/?') ? CITIZEN_LANDING : path
}
