// Data for the demo mail page on the platform host (app/routes/platform.mail*.tsx). The page exists
// only while a capture server runs (the demo), for signed-in vendor staff: anywhere else it is a 404.
import { data, type AppLoadContext } from '@remix-run/node'
import type { Locale } from '../i18n/locales'
import { requireVendor } from '../platform-auth/require-vendor.server'
import { getMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher.server'

export const MAIL_CATCHER_PAGE_SIZE = 20

const intlLocale: Record<Locale, string> = { cs: 'cs-CZ', en: 'en-GB', uk: 'uk-UA' }

/**
 * The demo's mail catcher: citizens' and staff's captured e-mail (reset and invitation links among
 * them), so only on the platform host of a running demo (a 404 anywhere else, signed in or not) and
 * only for signed-in vendor staff (others are sent to the vendor sign-in).
 */
export async function requireMailCatcher(request: Request, context: AppLoadContext): Promise<MailCatcher> {
	const inbox = context.portal?.kind === 'platform' ? getMailCatcher() : null
	if (!inbox) throw data(null, { status: 404 })
	await requireVendor(request, context)
	return inbox
}

/** A date and time with seconds, Prague time, formatted on the server so that hydration matches. */
function formatReceivedAt(date: Date, locale: Locale) {
	return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Prague' }).format(date)
}

function sender(mail: CaughtMail) {
	return mail.from?.name || mail.from?.address || mail.tenant || ''
}

/** One page of the list, newest first. A page number out of range shows the nearest page. */
export function listCaughtMail(inbox: MailCatcher, requestedPage: number, locale: Locale) {
	const all = inbox.messages().reverse()
	const pages = Math.max(1, Math.ceil(all.length / MAIL_CATCHER_PAGE_SIZE))
	const page = Number.isInteger(requestedPage) ? Math.min(Math.max(requestedPage, 1), pages) : 1
	const items = all.slice((page - 1) * MAIL_CATCHER_PAGE_SIZE, page * MAIL_CATCHER_PAGE_SIZE).map((mail) => ({
		id: mail.id,
		subject: mail.subject,
		to: mail.to.join(', '),
		sender: sender(mail),
		receivedAt: mail.receivedAt.toISOString(),
		receivedAtText: formatReceivedAt(mail.receivedAt, locale),
	}))
	return { items, page, pages, total: all.length }
}

function formatSize(bytes: number, locale: Locale) {
	const kib = bytes / 1024
	const number = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: kib < 10 ? 1 : 0 })
	return kib < 1 ? `${bytes} B` : `${number.format(kib)} KiB`
}

/** One message for the detail page: headers, links, text, parts; a 404 when it is not (or no longer) there. */
export function getCaughtMail(inbox: MailCatcher, id: string, locale: Locale) {
	const mail = inbox.find(id)
	if (!mail) throw data(null, { status: 404 })
	return {
		id: mail.id,
		subject: mail.subject,
		from: mail.from ? (mail.from.name ? `${mail.from.name} <${mail.from.address}>` : mail.from.address) : '',
		to: mail.to.join(', '),
		tenant: mail.tenant,
		template: mail.template,
		receivedAt: mail.receivedAt.toISOString(),
		receivedAtText: formatReceivedAt(mail.receivedAt, locale),
		links: mail.links,
		text: mail.text,
		htmlSize: mail.html === null ? null : formatSize(Buffer.byteLength(mail.html), locale),
		attachments: mail.attachments.map((attachment, index) => ({
			key: `${index}-${attachment.cid ?? attachment.filename ?? ''}`,
			name: attachment.filename ?? attachment.cid ?? `#${index + 1}`,
			contentType: attachment.contentType,
			size: formatSize(attachment.size, locale),
			inline: attachment.inline,
			// Images only, as data: URLs (the CSP allows img-src data:); an SVG in <img> runs no script.
			preview:
				attachment.contentType.startsWith('image/') && attachment.size <= 200_000
					? `data:${attachment.contentType};base64,${attachment.content.toString('base64')}`
					: null,
		})),
	}
}

/** The raw message (RFC 5322), for opening in a mail program. */
export function getCaughtMailSource(inbox: MailCatcher, id: string) {
	const mail = inbox.find(id)
	if (!mail) throw data(null, { status: 404 })
	return mail.raw
}
