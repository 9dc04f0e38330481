import type { Locale } from '../i18n/locales'
import { enqueueEmail } from '../mail/enqueue-email.server'

type StaffMail =
	| { template: 'staff-invitation'; data: { link: string; expiresAt: string; inviterName: string } }
	| { template: 'password-reset'; data: { link: string; expiresAt: string } }

/**
 * Queues an invitation or password-reset e-mail (the send-email job renders it in the town's look
 * and language and sends it, with retries). Returns the job id.
 */
export function sendStaffMail(mail: StaffMail & { tenantSlug: string; to: string; locale: Locale }) {
	return enqueueEmail(mail)
}
