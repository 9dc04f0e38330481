import type { EmailData } from '../email-schema'
import { formatMailDateTime } from '../mail-i18n'
import type { MailContent, TemplateContext } from './content'

/** A one-time link to set a new password, with its expiry. */
export function passwordReset(data: EmailData<'password-reset'>, { t, town, locale }: TemplateContext): MailContent {
	return {
		subject: t('passwordReset.subject', { town }),
		heading: t('passwordReset.heading'),
		blocks: [
			{ kind: 'paragraph', text: t('passwordReset.intro', { town }) },
			{ kind: 'action', label: t('passwordReset.action'), href: data.link },
			{ kind: 'paragraph', text: t('passwordReset.expiry', { expiresAt: formatMailDateTime(data.expiresAt, locale) }) },
			{ kind: 'note', text: t('passwordReset.ignore') },
		],
	}
}
