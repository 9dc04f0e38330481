import type { EmailData } from '../email-schema'
import { formatMailDateTime } from '../mail-i18n'
import type { MailContent, TemplateContext } from './content'

/** An invitation for a clerk or town admin: who invites, to which town, the link and until when. */
export function staffInvitation(data: EmailData<'staff-invitation'>, { t, town, locale }: TemplateContext): MailContent {
	return {
		subject: t('staffInvitation.subject', { town }),
		heading: t('staffInvitation.heading'),
		blocks: [
			{ kind: 'paragraph', text: t('staffInvitation.intro', { inviter: data.inviterName, town }) },
			{ kind: 'action', label: t('staffInvitation.action'), href: data.link },
			{ kind: 'paragraph', text: t('staffInvitation.expiry', { expiresAt: formatMailDateTime(data.expiresAt, locale) }) },
			{ kind: 'note', text: t('staffInvitation.ignore') },
		],
	}
}
