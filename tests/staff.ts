// Helpers for tests of staff sign-in: members of staff created straight in a town's schema, the
// Remix load context a town request would have, and requests carrying a session cookie.
import type { AppLoadContext } from '@remix-run/node'
import { generate } from 'otplib'
import type { StaffRoleName } from '../app/modules/access/permissions'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { encryptSecret } from '../app/modules/secrets/secrets.server'
import { hashPassword } from '../app/modules/staff/password.server'
import { completeStaffSecondFactor, signInStaff } from '../app/modules/staff/sign-in-staff.server'
import type { ResolvedTenant } from '../app/modules/tenancy/resolve-tenant.server'

export const TEST_PASSWORD = 'správné-heslo-pro-test'
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

type Town = { tenant: { id: string; slug: string } }

export function resolvedTenant(town: Town): ResolvedTenant {
	return { ...town.tenant, name: town.tenant.slug, status: 'active', primaryHost: `${town.tenant.slug}.test` }
}

/** The load context of a request to this town, as server/create-app.ts builds it. */
export function townContext(town: Town, clientIp = '203.0.113.7'): AppLoadContext {
	return { portal: { kind: 'tenant', tenant: resolvedTenant(town), cspNonce: 'nonce', requestId: 'test-request', clientIp } }
}

let sharedHash: Promise<string> | undefined

/** A member of staff with TEST_PASSWORD and, when asked, TOTP (secret TEST_TOTP_SECRET) in force. */
export async function createStaffMember(
	town: Town,
	{ email, roles = ['clerk'], withTotp = false, name = 'Test Referent' }: { email: string; roles?: StaffRoleName[]; withTotp?: boolean; name?: string },
) {
	sharedHash ??= hashPassword(TEST_PASSWORD)
	return getTenantDb(town.tenant).staffUser.create({
		data: {
			email,
			name,
			roles,
			agendas: roles.includes('clerk') ? ['submissions'] : [],
			passwordHash: await sharedHash,
			...(withTotp ? { totpSecret: encryptSecret(TEST_TOTP_SECRET), totpEnabledAt: new Date() } : {}),
		},
	})
}

export function currentCode(secret = TEST_TOTP_SECRET, at = new Date()) {
	return generate({ secret, epoch: Math.floor(at.getTime() / 1000) })
}

/** A request to the town's office carrying the cookie from a Set-Cookie value (or none). */
export function officeRequest(path: string, setCookie?: string | null, init: RequestInit = {}) {
	const headers = new Headers(init.headers)
	if (setCookie) headers.set('cookie', setCookie.split(';')[0]!)
	return new Request(`http://town.test${path}`, { ...init, headers })
}

/** The form body of a login or code step. */
export function form(fields: Record<string, string>) {
	return { method: 'POST', body: new URLSearchParams(fields) }
}

/** A member of staff with TOTP, signed in through both steps as the office would: their session cookie. */
export async function signedInStaffCookie(town: Town, email: string, roles: StaffRoleName[]) {
	await createStaffMember(town, { email, roles, withTotp: true })
	const context = townContext(town)
	const step = await signInStaff({ request: officeRequest('/urad/prihlaseni', null, form({})), context, email, password: TEST_PASSWORD })
	if (!step.ok) throw new Error('sign-in refused')
	const done = await completeStaffSecondFactor({ request: officeRequest('/urad/overeni', step.cookie), context, code: await currentCode() })
	if (!done.ok) throw new Error('code refused')
	return done.cookie
}
