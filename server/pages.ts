import { localeCookie } from '../app/modules/i18n/locale.server'
import { DEFAULT_LOCALE, isLocale, type Locale } from '../app/modules/i18n/locales'
import { resources } from '../app/modules/i18n/resources.server'

// Plain pages answered before a town is known, or when it cannot be served. They name no town.
const pages = {
	notFound: {
		title: 'Stránka nenalezena / Not found',
		body: `<h1>Stránka nenalezena</h1><p>Na této adrese žádný portál není. Zkontrolujte prosím adresu.</p><h2 lang="en">Not found</h2><p lang="en">There is no portal at this address. Please check the address.</p>`,
	},
	badRequest: {
		title: 'Chybný požadavek / Bad request',
		body: `<h1>Chybný požadavek</h1><p>Požadavek nemá platnou adresu serveru.</p><h2 lang="en">Bad request</h2><p lang="en">The request does not carry a valid host name.</p>`,
	},
	suspended: {
		title: 'Portál je dočasně mimo provoz / Portal temporarily unavailable',
		body: `<h1>Portál je dočasně mimo provoz</h1><p>Provoz tohoto portálu je pozastaven. Obraťte se prosím přímo na úřad.</p><h2 lang="en">The portal is temporarily unavailable</h2><p lang="en">This portal has been suspended. Please contact the town office directly.</p>`,
	},
	unavailable: {
		title: 'Služba je dočasně nedostupná / Service temporarily unavailable',
		body: `<h1>Služba je dočasně nedostupná</h1><p>Omlouváme se, portál teď nemůže odpovědět. Zkuste to prosím za chvíli znovu.</p><h2 lang="en">Service temporarily unavailable</h2><p lang="en">Sorry, the portal cannot answer right now. Please try again in a moment.</p>`,
	},
} as const

export type PlainPage = keyof typeof pages

export function renderPlainPage(which: PlainPage, nonce: string) {
	const { title, body } = pages[which]
	return `<!doctype html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${title}</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}h1,h2{font-size:1.5rem}</style></head><body><main>${body}</main></body></html>`
}

// Pages in the visitor's language (cs/en/uk): a body too large (413) and a server error (500). They
// are answered by Express itself, so they work whatever broke inside the app, and show no stack.
export type LocalizedPage = { kind: 'tooLarge'; limitBytes: number } | { kind: 'serverError'; requestId: string }

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)

export function renderLocalizedPage(page: LocalizedPage, locale: Locale, nonce: string) {
	const texts = resources[locale].http
	let title: string
	let paragraphs: string[]
	if (page.kind === 'tooLarge') {
		title = texts.tooLarge.title
		paragraphs = [texts.tooLarge.text.replace('{{mb}}', String(Math.floor(page.limitBytes / (1024 * 1024)))), texts.tooLarge.hint]
	} else {
		title = texts.serverError.title
		paragraphs = [texts.serverError.text, `${texts.serverError.requestId} <code>${escapeHtml(page.requestId)}</code>`]
	}
	const back = page.kind === 'tooLarge' ? texts.tooLarge.back : texts.serverError.back
	const body = `<h1>${escapeHtml(title)}</h1>${paragraphs.map((text) => `<p>${text}</p>`).join('')}<p><a href="/">${escapeHtml(back)}</a></p>`
	return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>${escapeHtml(title)}</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}h1{font-size:1.5rem}a{color:#0b57d0}</style></head><body><main>${body}</main></body></html>`
}

/** The language of a page answered outside Remix: ?lng=, the language cookie, then Accept-Language; Czech otherwise. */
export async function plainPageLocale(req: { url: string; headers: { cookie?: string; 'accept-language'?: string } }): Promise<Locale> {
	const asked = new URL(req.url, 'http://portal.invalid').searchParams.get('lng')
	if (isLocale(asked)) return asked
	const remembered: unknown = await localeCookie.parse(req.headers.cookie ?? null).catch(() => null)
	if (isLocale(remembered)) return remembered
	const accepted = (req.headers['accept-language'] ?? '')
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';')
			const q = Number(
				params
					.find((param) => param.trim().startsWith('q='))
					?.trim()
					.slice(2) ?? 1,
			)
			return { language: tag.trim().toLowerCase().split('-')[0], q: Number.isFinite(q) ? q : 0 }
		})
		.filter((entry) => entry.q > 0)
		.sort((a, b) => b.q - a.q)
		.find((entry) => isLocale(entry.language))
	return isLocale(accepted?.language) ? accepted.language : DEFAULT_LOCALE
}
