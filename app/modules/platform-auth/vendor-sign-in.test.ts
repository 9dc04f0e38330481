import type { AppLoadContext } from '@remix-run/node'
import { describe, expect, test } from 'vitest'
import { migrate, sql } from '../../../tests/db'
import { currentCode, officeRequest, TEST_PASSWORD, TEST_TOTP_SECRET } from '../../../tests/staff'
import { getPlatformDb } from '../db/platform-db.server'
import { hashPassword } from '../staff/password.server'
import { createVendor } from './create-vendor.server'
import { getVendorUser, requireVendor } from './require-vendor.server'
import { completeVendorSecondFactor, signInVendor } from './sign-in-vendor.server'

await migrate()
const platform: AppLoadContext = { portal: { kind: 'platform', cspNonce: '', requestId: 'vendor-req', clientIp: '203.0.113.50' } }
const request = (setCookie?: string | null) => officeRequest('/platform', setCookie)

describe('vendor staff sign-in', () => {
	test('creating a vendor sets the password and TOTP at once and returns the secret and ten recovery codes to show once', async () => {
		const created = await createVendor({
			email: 'Vendor@Portal.test',
			name: 'Věra Dodavatelová',
			password: TEST_PASSWORD,
			actor: 'test',
			totpSecret: TEST_TOTP_SECRET,
		})
		expect(created.secret).toBe(TEST_TOTP_SECRET)
		expect(created.recoveryCodes).toHaveLength(10)
		const [row] = await sql<{ email: string; totp_secret: string; totp_enabled_at: Date | null }>(
			`SELECT email, totp_secret, totp_enabled_at FROM platform.vendor_staff WHERE id = $1`,
			[created.id],
		)
		expect(row.email).toBe('vendor@portal.test')
		expect(row.totp_secret).toMatch(/^enc:v1:/)
		expect(row.totp_enabled_at).not.toBeNull()
		await expect(createVendor({ email: 'vendor@portal.test', name: 'Again', password: TEST_PASSWORD, actor: 'test' })).rejects.toMatchObject({
			code: 'staff_exists',
		})
		await expect(createVendor({ email: 'weak@portal.test', name: 'Weak', password: 'weak@portal.test', actor: 'test' })).rejects.toMatchObject({
			code: 'password_invalid',
		})
	})

	test('the password alone reaches nothing: the console needs the TOTP code, and then the session id changes', async () => {
		const step = await signInVendor({ request: request(), context: platform, email: 'vendor@portal.test', password: TEST_PASSWORD })
		if (!step.ok) throw new Error(step.reason)
		expect(step.cookie).toMatch(/^portal_vendor=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/)
		await expect(requireVendor(request(step.cookie), platform)).rejects.toMatchObject({ headers: expect.any(Headers) })
		const redirect = await requireVendor(request(step.cookie), platform).catch((error: Response) => error.headers.get('location'))
		expect(redirect).toBe('/platform/overeni')

		expect(await completeVendorSecondFactor({ request: request(step.cookie), context: platform, code: '000000' })).toEqual({ ok: false, reason: 'invalid' })
		const done = await completeVendorSecondFactor({ request: request(step.cookie), context: platform, code: await currentCode() })
		if (!done.ok) throw new Error(done.reason)
		expect((await requireVendor(request(done.cookie), platform)).vendor.email).toBe('vendor@portal.test')
		expect(await getVendorUser(request(step.cookie), platform)).toBeNull()
		const actions = await sql<{ action: string }>(`SELECT action FROM platform.platform_audit WHERE action LIKE 'auth.%' ORDER BY id`)
		expect(actions.map((entry) => entry.action)).toEqual(['auth.second_factor_failed', 'auth.login'])
	})

	test('a vendor account without TOTP cannot sign in at all', async () => {
		await getPlatformDb().vendorStaff.create({ data: { email: 'no-totp@portal.test', name: 'Bez TOTP', passwordHash: await hashPassword(TEST_PASSWORD) } })
		expect(await signInVendor({ request: request(), context: platform, email: 'no-totp@portal.test', password: TEST_PASSWORD })).toEqual({
			ok: false,
			reason: 'no_totp',
		})
	})

	test('a town session cookie means nothing on the platform, and vendor pages answer 404 on a town host', async () => {
		expect(await getVendorUser(officeRequest('/platform', 'portal_session=' + 'a'.repeat(43)), platform)).toBeNull()
		const town: AppLoadContext = {
			portal: {
				kind: 'tenant',
				tenant: { id: '00000000-0000-4000-8000-000000000000', slug: 'x', name: 'x', status: 'active', primaryHost: 'x.test' },
				cspNonce: '',
				requestId: 'r',
			},
		}
		await expect(getVendorUser(request(), town)).rejects.toMatchObject({ init: { status: 404 } })
	})

	test('wrong passwords lock a vendor account too, recorded in the platform audit', async () => {
		await createVendor({ email: 'brute@portal.test', name: 'Brute', password: TEST_PASSWORD, actor: 'test' })
		for (let attempt = 0; attempt < 5; attempt++)
			await signInVendor({ request: request(), context: platform, email: 'brute@portal.test', password: 'wrong-wrong-wrong' })
		expect(await signInVendor({ request: request(), context: platform, email: 'brute@portal.test', password: TEST_PASSWORD })).toEqual({
			ok: false,
			reason: 'locked',
		})
		const [locked] = await sql<{ details: Record<string, unknown> }>(`SELECT details FROM platform.platform_audit WHERE action = 'auth.locked'`)
		expect(locked.details).toMatchObject({ email: 'brute@portal.test', outcome: 'denied', ip: '203.0.113.50', requestId: 'vendor-req' })
	})
})
