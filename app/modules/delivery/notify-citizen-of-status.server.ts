import type { TenantDb } from '../db/tenant-db.server'
import { LOCALES, type Locale } from '../i18n/locales'
import { enqueueEmail } from '../mail/enqueue-email.server'
import { notify } from '../notifications/notify.server'
import { wantsNotification } from '../notifications/preferences.server'
import type { StatusUpdate } from './connector'
import { deliveryTranslator } from './delivery-i18n'

/** E-mails the citizen about a status change, unless they switched such e-mail off in their settings. */
export async function notifyCitizenOfStatus({
	db,
	townSlug,
	townOrigin,
	update,
	documentName,
}: {
	db: TenantDb
	townSlug: string
	townOrigin: string
	update: StatusUpdate
	/** The office attached a decision document (downloadable on the submission page). */ documentName?: string | undefined
}) {
	const submission = await db.submission.findUniqueOrThrow({
		where: { id: update.submissionId },
		select: {
			number: true,
			personId: true,
			locale: true,
			contactEmail: true,
			referenceNumber: true,
			person: { select: { notifyByEmail: true, notificationEmail: true, email: true, preferredLocale: true, closedAt: true } },
			formVersion: { select: { definition: true } },
		},
	})
	const person = submission.person
	// In the portal's notification list once per status event (the event id is the key), whatever the e-mail does.
	if (submission.personId && person && !person.closedAt) {
		await notify(db, {
			personId: submission.personId,
			kind: 'submission_status',
			eventKey: `submission-status:${update.eventId}`,
			link: `/podani/${submission.number}`,
			params: { number: submission.number, status: update.status },
		})
		if (!(await wantsNotification(db, submission.personId, 'submission_status', 'email'))) return
	}
	if (person && (!person.notifyByEmail || person.closedAt)) return
	const to = submission.contactEmail ?? person?.notificationEmail ?? person?.email
	if (!to) return
	const locale = ((person?.preferredLocale && (LOCALES as readonly string[]).includes(person.preferredLocale) ? person.preferredLocale : submission.locale) ||
		'cs') as Locale
	const t = deliveryTranslator(locale)
	const title = (submission.formVersion.definition as { title?: Record<string, string> }).title
	const vars = { number: submission.number, form: title?.[locale] ?? title?.cs ?? '', status: t(`status.${update.status}`) }
	const paragraphs = [
		t('citizen.intro', vars),
		...(submission.referenceNumber ? [t('citizen.reference', { reference: submission.referenceNumber })] : []),
		...(update.assignee ? [t('citizen.assignee', { assignee: [update.assignee.name, update.assignee.department].filter(Boolean).join(', ') })] : []),
		...(update.message ? [t('citizen.message', { message: update.message })] : []),
		...(documentName ? [t('citizen.document', { name: documentName })] : []),
	]
	const link = `${townOrigin}/podani/${encodeURIComponent(submission.number)}`
	await enqueueEmail({
		tenantSlug: townSlug,
		to,
		locale: (LOCALES as readonly string[]).includes(locale) ? locale : 'cs',
		template: 'notification',
		data: { subject: t('citizen.subject', vars), paragraphs, action: { label: t('citizen.open'), link } },
	})
}
