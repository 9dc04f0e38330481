import { recordAudit } from '../audit/record-audit.server'
import type { TenantDb } from '../db/tenant-db.server'
import { isLocale } from '../i18n/locales'
import { enqueueEmail } from '../mail/enqueue-email.server'
import { deliveryTranslator } from './delivery-i18n'

/**
 * After the last attempt (the citizen's timeline already says so: the move to failed wrote it), the audit log keeps the
 * error, and every active admin of the town gets an e-mail (in their language, else the town's default) so that someone fixes the cause and resends.
 */
export async function notifyDeliveryFailed({
	db,
	townSlug,
	submissionId,
	error,
	attempts,
}: {
	db: TenantDb
	townSlug: string
	submissionId: string
	error: string
	attempts: number
	at?: Date
}) {
	const submission = await db.submission.findUniqueOrThrow({
		where: { id: submissionId },
		select: { number: true, locale: true, formVersion: { select: { form: { select: { code: true } } } } },
	})
	await recordAudit(db, {
		action: 'submission.delivery_failed',
		outcome: 'failed',
		subject: `Submission:${submissionId}`,
		details: { number: submission.number, attempts, error },
	})
	const admins = await db.staffUser.findMany({ where: { roles: { has: 'admin' }, disabledAt: null }, select: { email: true, locale: true } })
	// Each admin gets it in their own language (issue 19); one who chose none, in the town's default language.
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { defaultLocale: true } })
	const townLocale = isLocale(settings?.defaultLocale) ? settings.defaultLocale : 'cs'
	const vars = { number: submission.number, form: submission.formVersion.form.code, error }
	for (const admin of admins) {
		const locale = isLocale(admin.locale) ? admin.locale : townLocale
		const t = deliveryTranslator(locale)
		await enqueueEmail({
			tenantSlug: townSlug,
			to: admin.email,
			locale,
			template: 'notification',
			data: { subject: t('adminFailed.subject', vars), paragraphs: [t('adminFailed.body', vars), t('adminFailed.action')] },
		})
	}
}
