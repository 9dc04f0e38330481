// Invitations and password resets: single-use links that expire, the e-mail they put on the queue,
// and what a reset does to sessions.
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember, resolvedTenant, TEST_PASSWORD } from '../../../tests/staff'
import { createSession, getSession } from '../auth/session.server'
import { getPool } from '../db/pool.server'
import { getTenantDb } from '../db/tenant-db.server'
import { startJobs, stopJobs } from '../jobs/jobs.server'
import { acceptInvitation } from './accept-invitation.server'
import { inviteStaff } from './invite-staff.server'
import { verifyPassword } from './password.server'
import { requestPasswordReset } from './request-password-reset.server'
import { resetPassword } from './reset-password.server'

const town = await createTown('links-town')
const db = getTenantDb(town.tenant)
const sessionOptions = { db, tenant: resolvedTenant(town), secure: false }
const withCookie = (setCookie: string) => new Request('http://links-town.test/urad', { headers: { cookie: setCookie.split(';')[0]! } })
const mailJobs = (to: string) =>
	sql<{ data: { template: string; tenantSlug: string; locale: string; data: { link: string; expiresAt: string; inviterName?: string } } }>(
		`SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1 ORDER BY created_on`,
		[to],
	)
const invite = (email: string, roles: ('clerk' | 'admin' | 'auditor')[] = ['clerk']) =>
	inviteStaff({
		db,
		tenantSlug: 'links-town',
		townName: 'Obec Odkazy',
		email,
		name: 'Nová Referentka',
		roles,
		agendas: ['payments'],
		invitedBy: { id: '00000000-0000-4000-8000-000000000001', name: 'Jana Správcová' },
		origin: 'https://links-town.test',
		locale: 'cs',
	})
const tokenOf = (link: string) => link.split('/').at(-1)!

beforeAll(() => startJobs({ pool: getPool(), log: pino({ level: 'silent' }) }))
afterAll(() => stopJobs())

describe('invitations', () => {
	test('an invitation creates the account without a password, stores only the hash of the link token and queues the e-mail with the link', async () => {
		const { link, staffUserId, expiresAt } = await invite('Nova@Links.test')
		expect(link).toMatch(/^https:\/\/links-town\.test\/urad\/pozvanka\/[\w-]{43}$/)
		expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600_000)
		const [staff] = await sql(`SELECT email, password_hash, roles::text[], agendas::text[] FROM ${town.schema}.staff_user WHERE id = $1`, [staffUserId])
		expect(staff).toEqual({ email: 'nova@links.test', password_hash: null, roles: ['clerk'], agendas: ['payments'] })
		const tokens = await sql<{ token_hash: string }>(`SELECT token_hash FROM ${town.schema}.staff_token WHERE staff_user_id = $1`, [staffUserId])
		expect(tokens).toHaveLength(1)
		expect(tokens[0]!.token_hash).not.toContain(tokenOf(link))
		const [job] = await mailJobs('nova@links.test')
		expect(job?.data).toMatchObject({ template: 'staff-invitation', tenantSlug: 'links-town', locale: 'cs', data: { link, inviterName: 'Jana Správcová' } })
		await expect(invite('nova@links.test')).rejects.toMatchObject({ code: 'staff_exists' })
	})

	test('accepting sets the password once: the same link a second time is refused and changes nothing', async () => {
		const { link, staffUserId } = await invite('once@links.test', ['admin'])
		const staff = await acceptInvitation({ db, token: tokenOf(link), password: TEST_PASSWORD })
		expect(staff).toMatchObject({ id: staffUserId, roles: ['admin'], totpEnabledAt: null })
		await expect(acceptInvitation({ db, token: tokenOf(link), password: 'a different password' })).rejects.toMatchObject({ code: 'token_invalid' })
		const [row] = await sql<{ password_hash: string }>(`SELECT password_hash FROM ${town.schema}.staff_user WHERE id = $1`, [staffUserId])
		expect(await verifyPassword(row.password_hash, TEST_PASSWORD)).toBe(true)
	})

	test('an expired invitation is refused; a weak password is refused without using the link up', async () => {
		const expired = await invite('late@links.test')
		await sql(`UPDATE ${town.schema}.staff_token SET expires_at = now() - interval '1 second' WHERE staff_user_id = $1`, [expired.staffUserId])
		await expect(acceptInvitation({ db, token: tokenOf(expired.link), password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'token_invalid' })

		const weak = await invite('weak@links.test')
		await expect(acceptInvitation({ db, token: tokenOf(weak.link), password: 'weak@links.test' })).rejects.toMatchObject({
			code: 'password_invalid',
			message: 'validation.passwordIsEmail',
		})
		await expect(acceptInvitation({ db, token: tokenOf(weak.link), password: 'short' })).rejects.toMatchObject({ code: 'password_invalid' })
		expect(await acceptInvitation({ db, token: tokenOf(weak.link), password: TEST_PASSWORD })).toMatchObject({ id: weak.staffUserId })
		await expect(acceptInvitation({ db, token: 'not-even-a-token', password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'token_invalid' })
	})
})

describe('password reset', () => {
	test('a reset ends every session of the account, lifts a lock, and the link works once; it is valid for an hour', async () => {
		const staff = await createStaffMember(town, { email: 'reset@links.test' })
		const laptop = await createSession(sessionOptions, new Request('http://x/'), { kind: 'staff', staffUserId: staff.id, secondFactorDone: true })
		const phone = await createSession(sessionOptions, new Request('http://x/'), { kind: 'staff', staffUserId: staff.id, secondFactorDone: true })
		await db.staffUser.update({ where: { id: staff.id }, data: { failedLogins: 5, lockedUntil: new Date(Date.now() + 600_000) } })

		await requestPasswordReset({ db, tenantSlug: 'links-town', email: 'RESET@links.test', origin: 'https://links-town.test', locale: 'en' })
		const [job] = await mailJobs('reset@links.test')
		expect(job?.data).toMatchObject({ template: 'password-reset', locale: 'en' })
		const link = job!.data.data.link
		expect(link).toMatch(/^https:\/\/links-town\.test\/urad\/obnova-hesla\/[\w-]{43}$/)
		const lifetime = new Date(job!.data.data.expiresAt).getTime() - Date.now()
		expect(lifetime).toBeGreaterThan(59 * 60_000)
		expect(lifetime).toBeLessThanOrEqual(60 * 60_000)

		await resetPassword({ db, token: tokenOf(link), password: 'úplně nové heslo' })
		expect(await getSession(sessionOptions, withCookie(laptop))).toBeNull()
		expect(await getSession(sessionOptions, withCookie(phone))).toBeNull()
		const [row] = await sql<{ password_hash: string; failed_logins: number; locked_until: Date | null }>(
			`SELECT password_hash, failed_logins, locked_until FROM ${town.schema}.staff_user WHERE id = $1`,
			[staff.id],
		)
		expect(await verifyPassword(row.password_hash, 'úplně nové heslo')).toBe(true)
		expect(row).toMatchObject({ failed_logins: 0, locked_until: null })
		await expect(resetPassword({ db, token: tokenOf(link), password: 'ještě jiné heslo' })).rejects.toMatchObject({ code: 'token_invalid' })
	})

	test('an unknown address gets no e-mail (and the caller answers the same); a second request within a minute sends nothing more', async () => {
		await requestPasswordReset({ db, tenantSlug: 'links-town', email: 'ghost@links.test', origin: 'https://links-town.test', locale: 'cs' })
		expect(await mailJobs('ghost@links.test')).toHaveLength(0)
		const [audit] = await sql(
			`SELECT outcome, details FROM ${town.schema}.audit_log WHERE action = 'auth.password_reset_requested' AND details->>'email' = 'ghost@links.test'`,
		)
		expect(audit).toEqual({ outcome: 'failed', details: { email: 'ghost@links.test', sent: false } })

		await createStaffMember(town, { email: 'twice@links.test' })
		for (let attempt = 0; attempt < 2; attempt++)
			await requestPasswordReset({ db, tenantSlug: 'links-town', email: 'twice@links.test', origin: 'https://links-town.test', locale: 'cs' })
		expect(await mailJobs('twice@links.test')).toHaveLength(1)
	})
})
