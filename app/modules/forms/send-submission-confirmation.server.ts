import { formatDate } from '../i18n/format'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { enqueueEmail } from '../mail/enqueue-email.server'

type Options = {
	request: Request
	tenant: { slug: string }
	townName: LocalizedText
	locale: Locale
	to: string | null
	number: string
	formTitle: LocalizedText
	submittedAt: Date
	/** The citizen's page of the submission, or an anonymous submitter's private follow-up link (decision 023). */
	link: string | null
}

/** Queues the confirmation e-mail in the citizen's language (no address, no e-mail). */
export async function sendSubmissionConfirmation({ tenant, locale, to, number, formTitle, submittedAt, link }: Options) {
	if (!to) return null
	const t = resources[locale].forms.email
	const at = `${formatDate(submittedAt, locale)} ${submittedAt.toLocaleTimeString('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })}`
	const fill = (text: string) => text.replace('{{number}}', number).replace('{{form}}', pickText(formTitle, locale)).replace('{{at}}', at)
	return enqueueEmail({
		tenantSlug: tenant.slug,
		to,
		locale,
		template: 'notification',
		data: { subject: fill(t.subject), paragraphs: [fill(t.body), t.next], action: link ? { label: t.action, link } : undefined },
	})
}
