import type { AgendaName, StaffRoleName } from '../access/permissions'
import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { AppError } from '../errors/app-error'
import type { Locale } from '../i18n/locales'
import { sendStaffMail } from './send-staff-mail.server'
import { issueStaffToken } from './staff-token.server'

type Options = {
	db: TenantDb
	tenantSlug: string
	townName: string
	email: string
	name: string
	roles: StaffRoleName[]
	agendas: AgendaName[]
	/** Who invites (null: the CLI, for a town's first admin). */
	invitedBy: { id: string; name: string } | null
	/** Where the town's pages are, e.g. https://veseli.example (the link points there). */
	origin: string
	/** The invitee's language: the invitation goes out in it and their account keeps it (issue 19). */
	locale: Locale
	ip?: string | null
	requestId?: string | null
}

/**
 * Creates a staff account without a password and e-mails a single-use link (72 h) to set one.
 * Agendas only mean something for clerks. An e-mail already on staff is refused.
 */
export async function inviteStaff({ db, tenantSlug, townName, email, name, roles, agendas, invitedBy, origin, locale, ip = null, requestId = null }: Options) {
	const address = email.trim().toLowerCase()
	if (await db.staffUser.findUnique({ where: { email: address }, select: { id: true } })) {
		throw new AppError('staff_exists', `${address} is already a member of staff`)
	}
	const staffAgendas = roles.includes('clerk') ? agendas : []
	const { staff, token, expiresAt } = await db.$transaction(async (tx) => {
		const staff = await tx.staffUser.create({ data: { email: address, name: name.trim(), roles, agendas: staffAgendas, locale }, select: { id: true } })
		const issued = await issueStaffToken({ db: tx, staffUserId: staff.id, kind: 'invitation' })
		await recordAudit(tx, {
			action: 'staff.invited',
			staffId: invitedBy?.id ?? null,
			subject: `StaffUser:${staff.id}`,
			details: { email: address, roles, agendas: staffAgendas, by: invitedBy ? 'staff' : 'cli' },
			ip,
			requestId,
		})
		return { staff, ...issued }
	})
	const link = `${origin}/urad/pozvanka/${token}`
	await sendStaffMail({
		tenantSlug,
		to: address,
		locale,
		template: 'staff-invitation',
		data: { link, expiresAt: expiresAt.toISOString(), inviterName: invitedBy?.name ?? townName },
	})
	return { staffUserId: staff.id, link, expiresAt }
}
