import type { TenantDb } from '../db/tenant-db.server'
import { formatMoney } from '../i18n/format'
import { LOCALES, type Locale } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { enqueueEmail } from '../mail/enqueue-email.server'

/** Tells the applicant of the decision without undue delay, with the reason of a rejection. */
export async function notifyGrantDecision({
	db,
	townSlug,
	townOrigin,
	applicationId,
}: {
	db: TenantDb
	townSlug: string
	townOrigin: string
	applicationId: string
}) {
	const a = await db.grantApplication.findUniqueOrThrow({
		where: { id: applicationId },
		select: {
			number: true,
			state: true,
			awardedAmount: true,
			rejectionReason: true,
			contactEmail: true,
			person: { select: { notifyByEmail: true, notificationEmail: true, email: true, preferredLocale: true, closedAt: true } },
		},
	})
	const to = a.contactEmail ?? a.person.notificationEmail ?? a.person.email
	if (!to || a.person.closedAt) return
	const locale: Locale =
		a.person.preferredLocale && (LOCALES as readonly string[]).includes(a.person.preferredLocale) ? (a.person.preferredLocale as Locale) : 'cs'
	const t = resources[locale].grants.mail
	const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '')
	const paragraphs =
		a.state === 'awarded'
			? [fill(t.awarded, { number: a.number, amount: formatMoney(a.awardedAmount!, locale) })]
			: [fill(t.rejected, { number: a.number, reason: a.rejectionReason ?? '' })]
	await enqueueEmail({
		tenantSlug: townSlug,
		to,
		locale,
		template: 'notification',
		data: { subject: fill(t.subject, { number: a.number }), paragraphs, action: { label: t.open, link: `${townOrigin}/dotace/moje` } },
	})
}
