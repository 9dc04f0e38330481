import { describe, expect, test } from 'vitest'
import { createTown, sql } from '../../../tests/db'
import { createStaffMember, currentCode, TEST_PASSWORD, TEST_TOTP_SECRET } from '../../../tests/staff'
import { getTenantDb } from '../db/tenant-db.server'
import { decryptSecret } from '../secrets/secrets.server'
import { authenticateStaff } from './authenticate-staff.server'
import { confirmTotpEnrolment, startTotpEnrolment } from './enrol-totp.server'
import { MAX_ACCOUNT_FAILURES } from './login-limits'
import { townLoginStore } from './login-store.server'
import { verifyTotpCode } from './totp.server'
import { verifySecondFactor } from './verify-second-factor.server'

const town = await createTown('totp-town')
const db = getTenantDb(town.tenant)
const store = townLoginStore(db)
const verifyCode = (accountId: string, code: string, now?: Date) => verifySecondFactor({ store, accountId, code, ip: '198.51.100.20', requestId: 'req-2', now })

describe('TOTP', () => {
	test('a code is accepted in its 30-second step and one step either side, not two', async () => {
		const now = new Date('2026-11-26T10:00:15Z')
		const at = (seconds: number) => currentCode(TEST_TOTP_SECRET, new Date(now.getTime() + seconds * 1000))
		expect(await verifyTotpCode(TEST_TOTP_SECRET, await at(0), now)).toBe(true)
		expect(await verifyTotpCode(TEST_TOTP_SECRET, await at(-30), now)).toBe(true)
		expect(await verifyTotpCode(TEST_TOTP_SECRET, await at(30), now)).toBe(true)
		expect(await verifyTotpCode(TEST_TOTP_SECRET, await at(-60), now)).toBe(false)
		expect(await verifyTotpCode(TEST_TOTP_SECRET, await at(60), now)).toBe(false)
		expect(await verifyTotpCode(TEST_TOTP_SECRET, 'abcdef', now)).toBe(false)
		expect(await verifyTotpCode(TEST_TOTP_SECRET, `${(await at(0)).slice(0, 3)} ${(await at(0)).slice(3)}`, now)).toBe(true)
	})

	test('enrolment: the secret is kept encrypted, shown again on reload, in force only after a correct code; ten recovery codes come back once and only their hashes are stored', async () => {
		const staff = await createStaffMember(town, { email: 'enrol@totp.test', roles: ['admin'] })
		const started = await startTotpEnrolment({ store, accountId: staff.id, issuer: 'Obec Test' })
		expect(started.uri).toMatch(/^otpauth:\/\/totp\/Obec%20Test:enrol%40totp\.test\?secret=[A-Z2-7]+/)
		expect(started.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/)
		expect((await startTotpEnrolment({ store, accountId: staff.id, issuer: 'Obec Test' })).secret).toBe(started.secret)
		const [stored] = await sql<{ totp_secret: string; totp_enabled_at: Date | null }>(
			`SELECT totp_secret, totp_enabled_at FROM ${town.schema}.staff_user WHERE id = $1`,
			[staff.id],
		)
		expect(stored.totp_secret).not.toContain(started.secret)
		expect(decryptSecret(stored.totp_secret)).toBe(started.secret)
		expect(stored.totp_enabled_at).toBeNull()

		await expect(confirmTotpEnrolment({ store, accountId: staff.id, code: '000000' })).rejects.toMatchObject({ code: 'totp_invalid' })
		const { recoveryCodes } = await confirmTotpEnrolment({ store, accountId: staff.id, code: await currentCode(started.secret) })
		expect(recoveryCodes).toHaveLength(10)
		expect(new Set(recoveryCodes).size).toBe(10)
		for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/)
		const [after] = await sql<{ recovery_codes: string[]; totp_enabled_at: Date | null }>(
			`SELECT recovery_codes, totp_enabled_at FROM ${town.schema}.staff_user WHERE id = $1`,
			[staff.id],
		)
		expect(after.totp_enabled_at).not.toBeNull()
		expect(after.recovery_codes).toHaveLength(10)
		expect(after.recovery_codes.every((hash) => hash.startsWith('$argon2id$'))).toBe(true)
		expect(JSON.stringify(after.recovery_codes)).not.toContain(recoveryCodes[0]!.replace('-', ''))
		await expect(startTotpEnrolment({ store, accountId: staff.id, issuer: 'Obec Test' })).rejects.toMatchObject({ code: 'totp_already_enabled' })
	})

	test('a recovery code signs in once; the same code a second time is refused', async () => {
		const staff = await createStaffMember(town, { email: 'recovery@totp.test', roles: ['admin'] })
		const { secret } = await startTotpEnrolment({ store, accountId: staff.id, issuer: 'Obec Test' })
		const { recoveryCodes } = await confirmTotpEnrolment({ store, accountId: staff.id, code: await currentCode(secret) })
		const code = recoveryCodes[3]!
		expect(await verifyCode(staff.id, code.toUpperCase())).toEqual({ ok: true, method: 'recovery_code', recoveryCodesLeft: 9 })
		expect(await verifyCode(staff.id, code)).toEqual({ ok: false, reason: 'invalid' })
		expect(await verifyCode(staff.id, recoveryCodes[4]!.replace('-', ' '))).toMatchObject({ ok: true, recoveryCodesLeft: 8 })
		const actions = await sql<{ action: string; details: { method?: string } }>(
			`SELECT action, details FROM ${town.schema}.audit_log WHERE staff_id = $1 OR subject = $2 ORDER BY id`,
			[staff.id, `StaffUser:${staff.id}`],
		)
		expect(actions.map((entry) => entry.action)).toEqual(['auth.totp_enabled', 'auth.login', 'auth.second_factor_failed', 'auth.login'])
		expect(actions[1]!.details.method).toBe('recovery_code')
	})

	test(`wrong codes count towards the lockout: after ${MAX_ACCOUNT_FAILURES} even the right code is refused, and a good password in between does not reset the count`, async () => {
		const staff = await createStaffMember(town, { email: 'guess@totp.test', withTotp: true })
		for (let attempt = 1; attempt < MAX_ACCOUNT_FAILURES; attempt++) {
			expect(await verifyCode(staff.id, '000000')).toEqual({ ok: false, reason: 'invalid' })
			// Whoever guesses codes knows the password: signing in again must not start a new count.
			const again = await authenticateStaff({ store, email: 'guess@totp.test', password: TEST_PASSWORD, ip: '198.51.100.20', requiresTotp: () => false })
			expect(again).toMatchObject({ ok: true, next: 'verify' })
		}
		expect(await verifyCode(staff.id, '000000')).toEqual({ ok: false, reason: 'locked' })
		expect(await verifyCode(staff.id, await currentCode())).toEqual({ ok: false, reason: 'locked' })
		const locked = await sql(`SELECT action, outcome FROM ${town.schema}.audit_log WHERE subject = $1 AND action = 'auth.locked'`, [`StaffUser:${staff.id}`])
		expect(locked).toEqual([{ action: 'auth.locked', outcome: 'denied' }])
	})

	test('the right code signs in (audited auth.login with method totp) and clears earlier failures', async () => {
		const staff = await createStaffMember(town, { email: 'good@totp.test', withTotp: true })
		await verifyCode(staff.id, '000000')
		expect(await verifyCode(staff.id, await currentCode())).toEqual({ ok: true, method: 'totp', recoveryCodesLeft: 0 })
		const [row] = await sql<{ failed_logins: number }>(`SELECT failed_logins FROM ${town.schema}.staff_user WHERE id = $1`, [staff.id])
		expect(row.failed_logins).toBe(0)
	})
})
