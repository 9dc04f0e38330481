// The office's guards as a page loader meets them: which session reaches /urad, and where the others go.
import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember, currentCode, form, officeRequest, TEST_PASSWORD, townContext } from '../../../tests/staff'
import { requireStaff } from '../auth/current-user.server'
import { getTenantDb } from '../db/tenant-db.server'
import { confirmOfficeTotpEnrolment, startOfficeTotpEnrolment } from './enrol-office-totp.server'
import { getStaffSession, requireOfficeStaff } from './require-office-staff.server'
import { requirePermission } from './require-permission.server'
import { completeStaffSecondFactor, signInStaff } from './sign-in-staff.server'

const town = await createTown('guard-town')
const context = townContext(town)

/** Where a guard sends the request (the Location of the redirect it throws), or 'allowed'. */
async function outcome(guard: (request: Request, context: AppLoadContext) => Promise<unknown>, setCookie: string | null, path = '/urad') {
	try {
		await guard(officeRequest(path, setCookie), context)
		return 'allowed'
	} catch (error) {
		if (error instanceof Response) return error.headers.get('location')
		throw error
	}
}

async function passwordStep(email: string) {
	const result = await signInStaff({ request: officeRequest('/urad/prihlaseni', null, form({})), context, email, password: TEST_PASSWORD })
	if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`)
	return result
}

describe('office guards', () => {
	test('without a session, /urad redirects to the login and comes back afterwards', async () => {
		expect(await outcome(requireOfficeStaff, null, '/urad/audit?strana=2')).toBe('/urad/prihlaseni?zpet=%2Furad%2Faudit%3Fstrana%3D2')
	})

	test('requireStaff refuses a session whose second factor is not done yet; after the code it is accepted, under a new session id', async () => {
		await createStaffMember(town, { email: 'clerk-totp@guard.test', withTotp: true })
		const step = await passwordStep('clerk-totp@guard.test')
		expect(step.next).toBe('verify')
		expect(await outcome(requireStaff, step.cookie)).toMatch(/^\/urad\/prihlaseni\?zpet=/)
		expect(await outcome(requireOfficeStaff, step.cookie)).toBe('/urad/overeni')

		const done = await completeStaffSecondFactor({ request: officeRequest('/urad/overeni', step.cookie), context, code: await currentCode() })
		if (!done.ok) throw new Error('code refused')
		expect(await outcome(requireStaff, done.cookie)).toBe('allowed')
		expect(await outcome(requireOfficeStaff, done.cookie)).toBe('allowed')
		// The id the password step gave is gone: rotation at the second factor.
		expect(await outcome(requireOfficeStaff, step.cookie)).toMatch(/^\/urad\/prihlaseni/)
	})

	test('an admin without TOTP cannot reach /urad: after the password every office page sends them to set it up', async () => {
		await createStaffMember(town, { email: 'admin-no-totp@guard.test', roles: ['admin'] })
		const step = await passwordStep('admin-no-totp@guard.test')
		expect(step.next).toBe('enrol')
		for (const path of ['/urad', '/urad/uzivatele', '/urad/audit']) expect(await outcome(requireOfficeStaff, step.cookie, path)).toBe('/urad/dvoufaktor')
		expect(await outcome(requireStaff, step.cookie)).toMatch(/^\/urad\/prihlaseni/)
		// The code step is no way round it either: there is no code to give.
		expect(await completeStaffSecondFactor({ request: officeRequest('/urad/overeni', step.cookie), context, code: '123456' })).toEqual({
			ok: false,
			reason: 'no_session',
		})
	})

	test("an admin's first sign-in is finished by setting up TOTP: then /urad opens, under a new session id", async () => {
		await createStaffMember(town, { email: 'admin-enrols@guard.test', roles: ['admin'] })
		const step = await passwordStep('admin-enrols@guard.test')
		const pending = await getStaffSession(officeRequest('/urad/dvoufaktor', step.cookie), context)
		if (!pending) throw new Error('no pending session')
		const { secret } = await startOfficeTotpEnrolment(pending, 'Obec Stráž')
		const { recoveryCodes, cookie } = await confirmOfficeTotpEnrolment(
			pending,
			officeRequest('/urad/dvoufaktor', step.cookie),
			context,
			await currentCode(secret),
		)
		expect(recoveryCodes).toHaveLength(10)
		expect(await outcome(requireOfficeStaff, cookie)).toBe('allowed')
		expect(await outcome(requireOfficeStaff, step.cookie)).toMatch(/^\/urad\/prihlaseni/)
	})

	test('a clerk made admin while signed in is sent to set up TOTP before anything else', async () => {
		const clerk = await createStaffMember(town, { email: 'promoted@guard.test' })
		const step = await passwordStep('promoted@guard.test')
		expect(step.next).toBe('done')
		expect(await outcome(requireOfficeStaff, step.cookie)).toBe('allowed')
		await getTenantDb(town.tenant).staffUser.update({ where: { id: clerk.id }, data: { roles: ['clerk', 'admin'] } })
		expect(await outcome(requireOfficeStaff, step.cookie)).toBe('/urad/dvoufaktor')
	})

	test('a disabled account loses access at once, with its session still in hand', async () => {
		const clerk = await createStaffMember(town, { email: 'disabled@guard.test' })
		const step = await passwordStep('disabled@guard.test')
		await getTenantDb(town.tenant).staffUser.update({ where: { id: clerk.id }, data: { disabledAt: new Date() } })
		expect(await outcome(requireOfficeStaff, step.cookie)).toMatch(/^\/urad\/prihlaseni/)
	})

	test('a clerk opening the audit log is refused with 403, and the denial is in the audit log', async () => {
		const clerk = await createStaffMember(town, { email: 'nosy@guard.test' })
		const step = await passwordStep('nosy@guard.test')
		const request = officeRequest('/urad/audit', step.cookie)
		const user = await requireOfficeStaff(request, context)
		await expect(requirePermission(user, 'read', 'AuditLog', { request, context })).rejects.toMatchObject({ init: { status: 403 } })
		await requirePermission(user, 'read', 'StaffUser', { request, context })
		const denials = await sql(
			`SELECT outcome, subject, details, ip, request_id FROM ${town.schema}.audit_log WHERE action = 'access.denied' AND staff_id = $1`,
			[clerk.id],
		)
		expect(denials).toEqual([
			{ outcome: 'denied', subject: 'AuditLog', details: { want: 'read', path: '/urad/audit', method: 'GET' }, ip: '203.0.113.7', request_id: 'test-request' },
		])
	})
})
