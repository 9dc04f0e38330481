import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember, TEST_PASSWORD } from '../../../tests/staff'
import { getTenantDb } from '../db/tenant-db.server'
import { authenticateStaff } from './authenticate-staff.server'
import { LOCK_MINUTES, MAX_ACCOUNT_FAILURES, MAX_IP_FAILURES } from './login-limits'
import { townLoginStore } from './login-store.server'

const town = await createTown('auth-town')
const db = getTenantDb(town.tenant)
// Each account's tries come from its own address, so the per-IP limit only shows where a test wants it.
const ipOf = (email: string) => `198.51.100.${[...email].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 250}`
const signIn = (email: string, password: string, ip = ipOf(email), now?: Date) =>
	authenticateStaff({ store: townLoginStore(db), email, password, ip, requestId: 'req-1', requiresTotp: (account) => account.roles.includes('admin'), now })
const auditOf = (email: string) =>
	sql<{ action: string; outcome: string; ip: string; request_id: string; details: Record<string, unknown> }>(
		`SELECT action, outcome, ip, request_id, details FROM ${town.schema}.audit_log WHERE details->>'email' = $1 ORDER BY id`,
		[email],
	)

describe('staff sign-in: password step', () => {
	test('the right password signs a clerk without TOTP straight in; an admin is sent to TOTP set-up; one with TOTP to the code', async () => {
		await createStaffMember(town, { email: 'clerk@auth.test' })
		await createStaffMember(town, { email: 'admin@auth.test', roles: ['admin'] })
		await createStaffMember(town, { email: 'totp@auth.test', withTotp: true })
		expect(await signIn('Clerk@Auth.test ', TEST_PASSWORD)).toMatchObject({ ok: true, next: 'done' })
		expect(await signIn('admin@auth.test', TEST_PASSWORD)).toMatchObject({ ok: true, next: 'enrol' })
		expect(await signIn('totp@auth.test', TEST_PASSWORD)).toMatchObject({ ok: true, next: 'verify' })
	})

	test(`lockout: after ${MAX_ACCOUNT_FAILURES} wrong passwords the account is locked, audited with ip and request id, and even the right password is refused`, async () => {
		const email = 'lock@auth.test'
		await createStaffMember(town, { email })
		for (let attempt = 1; attempt < MAX_ACCOUNT_FAILURES; attempt++) expect(await signIn(email, 'wrong password!')).toEqual({ ok: false, reason: 'invalid' })
		expect(await signIn(email, 'wrong password!')).toEqual({ ok: false, reason: 'locked' })
		expect(await signIn(email, TEST_PASSWORD)).toEqual({ ok: false, reason: 'locked' })

		const [row] = await sql<{ failed_logins: number; locked_until: Date }>(
			`SELECT failed_logins, locked_until FROM ${town.schema}.staff_user WHERE email = $1`,
			[email],
		)
		expect(row.failed_logins).toBe(MAX_ACCOUNT_FAILURES)
		expect(row.locked_until.getTime() - Date.now()).toBeGreaterThan((LOCK_MINUTES - 1) * 60_000)

		const audit = await auditOf(email)
		expect(audit.map((entry) => entry.action)).toEqual([...Array(MAX_ACCOUNT_FAILURES).fill('auth.login_failed'), 'auth.locked', 'auth.login_failed'])
		expect(audit.at(-2)).toMatchObject({ outcome: 'denied', ip: ipOf(email), request_id: 'req-1' })
		expect(audit.at(-1)?.details).toMatchObject({ reason: 'locked' })
		expect(audit.every((entry) => entry.ip === ipOf(email) && entry.request_id === 'req-1')).toBe(true)
	})

	test('the lock ends after its time: the right password then signs in and clears the count', async () => {
		const email = 'unlock@auth.test'
		await createStaffMember(town, { email })
		for (let attempt = 0; attempt < MAX_ACCOUNT_FAILURES; attempt++) await signIn(email, 'wrong password!')
		expect(await signIn(email, TEST_PASSWORD)).toMatchObject({ ok: false, reason: 'locked' })
		const later = new Date(Date.now() + (LOCK_MINUTES + 1) * 60_000)
		expect(await signIn(email, TEST_PASSWORD, '198.51.100.2', later)).toMatchObject({ ok: true, next: 'done' })
		const [row] = await sql<{ failed_logins: number; locked_until: Date | null }>(
			`SELECT failed_logins, locked_until FROM ${town.schema}.staff_user WHERE email = $1`,
			[email],
		)
		expect(row).toEqual({ failed_logins: 0, locked_until: null })
	})

	test('a wrong password after an expired lock starts a fresh count (one more failure does not lock again)', async () => {
		const email = 'fresh@auth.test'
		await createStaffMember(town, { email })
		for (let attempt = 0; attempt < MAX_ACCOUNT_FAILURES; attempt++) await signIn(email, 'wrong password!')
		const later = new Date(Date.now() + (LOCK_MINUTES + 1) * 60_000)
		expect(await signIn(email, 'wrong password!', '198.51.100.3', later)).toEqual({ ok: false, reason: 'invalid' })
	})

	test('an unknown e-mail gets the same answers as a real account: "invalid", then "locked" after as many tries', async () => {
		const email = 'nobody@auth.test'
		for (let attempt = 1; attempt < MAX_ACCOUNT_FAILURES; attempt++) expect(await signIn(email, 'whatever password')).toEqual({ ok: false, reason: 'invalid' })
		expect(await signIn(email, 'whatever password')).toEqual({ ok: false, reason: 'locked' })
		expect((await auditOf(email)).map((entry) => entry.details.reason)).toEqual(Array(MAX_ACCOUNT_FAILURES).fill('unknown_account'))
	})

	test('a disabled account and one still waiting for its invitation answer like a wrong password', async () => {
		const disabled = await createStaffMember(town, { email: 'disabled@auth.test' })
		await db.staffUser.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } })
		await db.staffUser.create({ data: { email: 'invited@auth.test', name: 'Pozvaný', roles: ['clerk'] } })
		expect(await signIn('disabled@auth.test', TEST_PASSWORD)).toEqual({ ok: false, reason: 'invalid' })
		expect(await signIn('invited@auth.test', '')).toEqual({ ok: false, reason: 'invalid' })
	})

	test(`per IP: after ${MAX_IP_FAILURES} failures from one address in the window it is refused, even for another account with the right password; other addresses are not`, async () => {
		const ip = '192.0.2.99'
		await createStaffMember(town, { email: 'victim@auth.test' })
		for (let attempt = 0; attempt < MAX_IP_FAILURES; attempt++) await signIn(`spray-${attempt % 10}@auth.test`, 'guess-guess-guess', ip)
		expect(await signIn('victim@auth.test', TEST_PASSWORD, ip)).toEqual({ ok: false, reason: 'rate_limited' })
		expect(await signIn('victim@auth.test', TEST_PASSWORD, '192.0.2.100')).toMatchObject({ ok: true })
		const [audit] = await sql(`SELECT ip, outcome FROM ${town.schema}.audit_log WHERE details->>'reason' = 'ip_rate_limited'`)
		expect(audit).toEqual({ ip, outcome: 'failed' })
	})
})
