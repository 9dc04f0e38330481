import type { EmailData } from '../email-schema'
import type { MailContent } from './content'

/** A general message: the caller's subject and paragraphs (already in the mail's language), and maybe one action. */
export function notification(data: EmailData<'notification'>): MailContent {
	return {
		subject: data.subject,
		heading: data.subject,
		blocks: [
			...data.paragraphs.map((text) => ({ kind: 'paragraph' as const, text })),
			...(data.action ? [{ kind: 'action' as const, label: data.action.label, href: data.action.link }] : []),
		],
	}
}
