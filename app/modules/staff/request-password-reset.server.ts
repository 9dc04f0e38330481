import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { isLocale, type Locale } from '../i18n/locales'
import { sendStaffMail } from './send-staff-mail.server'
import { issueStaffToken } from './staff-token.server'

type Options = {
	db: TenantDb
	tenantSlug: string
	email: string
	origin: string
	locale: Locale
	ip?: string | null
	requestId?: string | null
}

// At most one reset e-mail per account per minute: the form cannot be used to flood a mailbox.
const RESEND_AFTER_MS = 60_000

/**
 * E-mails a single-use reset link (1 h) when the address belongs to an active account that has a
 * password. The caller shows the same answer either way, so the form does not reveal accounts.
 */
export async function requestPasswordReset({ db, tenantSlug, email, origin, locale, ip = null, requestId = null }: Options) {
	const address = email.trim().toLowerCase()
	const staff = await db.staffUser.findUnique({ where: { email: address }, select: { id: true, disabledAt: true, passwordHash: true, locale: true } })
	const recent = staff
		? await db.staffToken.count({ where: { staffUserId: staff.id, kind: 'password_reset', createdAt: { gt: new Date(Date.now() - RESEND_AFTER_MS) } } })
		: 0
	const willSend = Boolean(staff && !staff.disabledAt && staff.passwordHash && recent === 0)
	await recordAudit(db, {
		action: 'auth.password_reset_requested',
		outcome: willSend ? 'ok' : 'failed',
		subject: staff ? `StaffUser:${staff.id}` : null,
		details: { email: address.slice(0, 254), sent: willSend },
		ip,
		requestId,
	})
	if (!staff || !willSend) return
	const { token, expiresAt } = await issueStaffToken({ db, staffUserId: staff.id, kind: 'password_reset' })
	await sendStaffMail({
		tenantSlug,
		to: address,
		// The staff member's own language when they chose one (issue 19), else the page's.
		locale: isLocale(staff.locale) ? staff.locale : locale,
		template: 'password-reset',
		data: { link: `${origin}/urad/obnova-hesla/${token}`, expiresAt: expiresAt.toISOString() },
	})
}
