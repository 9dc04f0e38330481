import { pickText, type Locale, type LocalizedText } from '../i18n/locales'

export type MailSender = { from: { name: string; address: string }; replyTo?: string }

/**
 * Who an e-mail comes from: always the town, by its name in the mail's language. The address is the
 * town's contact e-mail (blueprint `contact.email`), unless MAIL_FROM_DOMAIN is set: then it is
 * <town slug>@<MAIL_FROM_DOMAIN>, a domain the operator's relay may send for (SPF, DKIM), and
 * replies still go to the town's contact e-mail.
 */
export function mailSender(town: { slug: string; name: LocalizedText; contact: { email: string } }, locale: Locale, fromDomain?: string): MailSender {
	const name = pickText(town.name, locale)
	if (!fromDomain) return { from: { name, address: town.contact.email } }
	return { from: { name, address: `${town.slug}@${fromDomain}` }, replyTo: town.contact.email }
}
