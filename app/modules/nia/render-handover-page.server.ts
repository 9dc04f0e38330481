import type { Locale } from '../i18n/locales'
import type { resources } from '../i18n/resources.server'

export const COMPLETE_LOGIN_PATH = '/auth/nia/dokonceni'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)

type Texts = (typeof resources)[Locale]['citizen']['loginHandover']

/**
 * The page the ACS answers NIA's cross-site POST with: it posts the SAMLResponse on to
 * /auth/nia/dokonceni from this origin, at once with JavaScript, with a button without it. That second
 * POST is same-site, so the browser sends the SameSite=Lax login-binding (and session) cookies that it
 * withholds from the cross-site one. The page is served from a resource route (Remix refuses cross-site
 * POSTs to page routes), so it is plain HTML under the response's CSP nonce.
 */
export function renderHandoverPage({
	locale,
	texts,
	townName,
	nonce,
	samlResponse,
}: {
	locale: Locale
	texts: Texts
	townName: string
	nonce: string
	samlResponse: string
}) {
	const style =
		'body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}' +
		'h1{font-size:1.5rem}button{font:inherit;font-weight:600;padding:.5rem 1rem;border:2px solid #17375e;border-radius:.375rem;background:#17375e;color:#fff;cursor:pointer}' +
		'button:focus-visible{outline:3px solid #b45309;outline-offset:2px}'
	return (
		`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<meta name="robots" content="noindex"><title>${escapeHtml(`${texts.title} – ${townName}`)}</title><style nonce="${nonce}">${style}</style></head>` +
		`<body><main><h1>${escapeHtml(texts.title)}</h1><p>${escapeHtml(texts.text)}</p>` +
		`<form method="post" action="${COMPLETE_LOGIN_PATH}"><input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">` +
		`<p>${escapeHtml(texts.noScript)}</p><button type="submit">${escapeHtml(texts.continue)}</button></form></main>` +
		`<script nonce="${nonce}">document.forms[0].submit()</script></body></html>`
	)
}
