import { redirect, type AppLoadContext } from '@remix-run/node'
import { defineAbilityFor, type AppAbility } from '../access/ability.server'
import type { Actor } from '../access/permissions'
import { getTenantDb, type TenantDb } from '../db/tenant-db.server'
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
	return getEnv().NODE_ENV === 'production'
}

/** Who is asking in this town (possibly anonymous) and what they may do. */
export async function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const db = getTenantDb(tenant)
	const sessionOptions = { db, tenant, secure: useSecureCookies() }
	const session = await getSession(sessionOptions, request, profile.sessionIdleMinutes)
	let actor: Actor = { kind: 'anonymous' }
	if (session?.kind === 'citizen' && session.personId) actor = { kind: 'citizen', personId: session.personId }
	if (session?.kind === 'staff' && session.staffUserId && session.secondFactorDone) {
		const staff = await db.staffUser.findUnique({ where: { id: session.staffUserId }, select: { roles: true, agendas: true, submissionAgendas: true, disabledAt: true } })
		if (staff && !staff.disabledAt) actor = { kind: 'staff', staffUserId: session.staffUserId, roles: staff.roles, agendas: staff.agendas, submissionAgendas: staff.submissionAgendas }
	}
	return { tenant, db, session, actor, ability: defineAbilityFor(actor), sessionOptions }
}

function loginRedirect(request: Request, path: string) {
	const url = new URL(request.url)
	return redirect(`${path}?returnTo=${encodeURIComponent(url.pathname + url.search)}`)
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

/** Only same-host paths: anything else (other hosts, //evil, javascript:) becomes "/". */
export function safeReturnTo(value: string | null | undefined) {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
	try {
		const url = new URL(value, 'http://portal.invalid')
		return url.host === 'portal.invalid' ? url.pathname + url.search + url.hash : '/'
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
