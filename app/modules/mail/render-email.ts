import { pickText, type LocalizedText } from '../i18n/locales'
import type { TownContact } from '../tenancy/town-profile.server'
import type { ThemeTokens } from '../theming/tokens'
import type { EmailMessage } from './email-schema'
import { mailTranslator } from './mail-i18n'
import type { MailContent, TemplateContext } from './templates/content'
import { renderHtml, renderText } from './templates/layout'
import { notification } from './templates/notification'
import { passwordReset } from './templates/password-reset'
import { staffInvitation } from './templates/staff-invitation'

export type RenderedEmail = { subject: string; html: string; text: string }

export type RenderEmailOptions = {
	email: EmailMessage
	town: { name: LocalizedText; theme: ThemeTokens; contact: Pick<TownContact, 'email' | 'phone'> }
	/** Content-ID of the coat of arms attached inline, or null. */
	logoCid: string | null
}

/** Subject, HTML and text of one e-mail, in its language, in the town's look. No I/O. */
export function renderEmail({ email, town, logoCid }: RenderEmailOptions): RenderedEmail {
	const t = mailTranslator(email.locale)
	const context: TemplateContext = { locale: email.locale, town: pickText(town.name, email.locale), t }
	const content = composeContent(email, context)
	const layout = { ...context, theme: town.theme, contact: town.contact, logoCid }
	return { subject: content.subject, html: renderHtml(content, layout), text: renderText(content, layout) }
}

function composeContent(email: EmailMessage, context: TemplateContext): MailContent {
	switch (email.template) {
		case 'staff-invitation':
			return staffInvitation(email.data, context)
		case 'password-reset':
			return passwordReset(email.data, context)
		case 'notification':
			return notification(email.data)
	}
}
