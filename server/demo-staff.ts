import { readdir } from 'node:fs/promises'
import type pg from 'pg'
import type { Logger } from 'pino'
import { recordAudit } from '../app/modules/audit/record-audit.server'
import { getPlatformDb } from '../app/modules/db/platform-db.server'
import { getTenantDb } from '../app/modules/db/tenant-db.server'
import { encryptSecret } from '../app/modules/secrets/secrets.server'
import { DEMO_CANNED_REPLY, DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_TOWN_STAFF, DEMO_VENDOR, demoStaffEmail } from '../app/modules/staff/demo-staff'
import { hashPassword } from '../app/modules/staff/password.server'

/**
 * Demo only (`--demo`): in every demo town a clerk, an admin, an auditor, evaluators, one-agenda clerks and a canned reply, and on the platform a
 * vendor, all with the known password and TOTP secret (app/modules/staff/demo-staff.ts). Accounts
 * already there are left as they are, so this is idempotent and keeps changes made in the demo.
 */
export async function seedDemoStaff(pool: pg.Pool, logger: Logger) {
	const folders = new Set((await readdir('tenants', { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name))
	const { rows } = await pool.query<{ id: string; slug: string; host: string }>(
		`SELECT t.id, t.slug, h.host FROM platform.tenant t JOIN platform.tenant_host h ON h.tenant_id = t.id AND h.is_primary ORDER BY t.slug`,
	)
	let passwordHash: string | undefined
	const secrets = () => ({ totpSecret: encryptSecret(DEMO_TOTP_SECRET), totpEnabledAt: new Date() })
	for (const town of rows.filter((row) => folders.has(row.slug))) {
		const db = getTenantDb(town)
		// The demo clerk works every submission agenda of the town (decision 008), so the inbox has content.
		const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { submissionAgendas: true } })
		const townAgendas = ((settings?.submissionAgendas ?? []) as { code: string }[]).map((agenda) => agenda.code)
		for (const member of DEMO_TOWN_STAFF) {
			const ownAgendas = member.onlySubmissionAgendas ? townAgendas.filter((code) => member.onlySubmissionAgendas!.includes(code)) : townAgendas
			// A one-agenda clerk only in towns that have that agenda.
			if (member.onlySubmissionAgendas && ownAgendas.length === 0) continue
			const email = demoStaffEmail(member.local, town.host)
			if (await db.staffUser.findUnique({ where: { email }, select: { id: true } })) continue
			passwordHash ??= await hashPassword(DEMO_PASSWORD)
			const created = await db.staffUser.create({
				data: {
					email,
					name: member.name,
					roles: [...member.roles],
					agendas: [...member.agendas],
					submissionAgendas: member.agendas.includes('submissions') ? ownAgendas : [],
					passwordHash,
					...secrets(),
				},
				select: { id: true },
			})
			await recordAudit(db, { action: 'staff.created', subject: `StaffUser:${created.id}`, details: { email, by: 'demo' } })
			logger.info({ tenant: town.slug }, `demo staff ${email} created`)
		}
		if ((await db.cannedReply.count()) === 0) await db.cannedReply.create({ data: { ...DEMO_CANNED_REPLY } })
	}
	const platform = getPlatformDb()
	if (!(await platform.vendorStaff.findUnique({ where: { email: DEMO_VENDOR.email }, select: { id: true } }))) {
		passwordHash ??= await hashPassword(DEMO_PASSWORD)
		await platform.vendorStaff.create({ data: { email: DEMO_VENDOR.email, name: DEMO_VENDOR.name, passwordHash, ...secrets() } })
		await platform.platformAudit.create({ data: { actor: 'demo', action: 'vendor.create', details: { email: DEMO_VENDOR.email } } })
		logger.info(`demo vendor ${DEMO_VENDOR.email} created`)
	}
}

/** Lines for the demo's start-up banner: who can sign in where. */
export function demoStaffBanner(port: number, platformHost: string) {
	return [
		'  Staff sign-in (demo accounts; password for all: ' + DEMO_PASSWORD + '):',
		`    Office Veselí       http://veseli.localhost:${port}/urad   referent@veseli.example, spravce@veseli.example, auditor@veseli.example, hodnotitel@veseli.example, hodnotitelka@veseli.example, odpady@veseli.example (waste only), doprava@veseli.example (transport only)`,
		`    Office Znojmo       http://znojmo.localhost:${port}/urad   referent@znojmo.example, spravce@znojmo.example, auditor@znojmo.example, hodnotitel@znojmo.example, hodnotitelka@znojmo.example`,
		`    Vendor console      http://${platformHost}:${port}/platform   ${DEMO_VENDOR.email}`,
		`    TOTP secret (all):  ${DEMO_TOTP_SECRET}   (add it to an authenticator app, or: npm run cli -- demo totp)`,
	]
}
