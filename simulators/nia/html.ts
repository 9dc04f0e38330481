// Page shell, styles and the small pages (error, auto-submitting POST form). Czech first with English
// subtitles, like the real login pages a citizen sees. No external resources; one CSP nonce per page.
import { randomBytes } from 'node:crypto'

export interface Page {
	status: number
	html: string
	/** The Content-Security-Policy header value for this page. */
	csp: string
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function escapeHtml(text: string) {
	return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char])
}

/** Czech text with its English subtitle. */
export function bilingual(cs: string, en: string) {
	return `${escapeHtml(cs)} <span class="en" lang="en">${escapeHtml(en)}</span>`
}

const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f3f5f8}
.banner{background:#17375e;color:#fff;padding:.75rem 1.5rem}
.banner p{margin:0;font-weight:600}
.banner .tag{display:inline-block;margin-left:.5rem;padding:0 .5rem;border-radius:.25rem;background:#ffd54f;color:#1b1f24;font-size:.85rem}
main{max-width:64rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .75rem}
h3{font-size:1.1rem;margin:0 0 .25rem}
.en{display:block;font-size:.85em;font-weight:400;color:#4a5563}
button .en,.inline .en{display:inline;color:inherit;opacity:.9}
.note{background:#fff8e1;border-left:4px solid #b7791f;padding:.5rem .75rem}
.error{background:#fdecea;border-left:4px solid #b42318;padding:.75rem 1rem}
.personas{list-style:none;padding:0;display:grid;gap:1rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))}
.persona{background:#fff;border:1px solid #c9d1db;border-radius:.5rem;padding:1rem;height:100%}
dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:.75rem 0;font-size:.9rem}
dt{color:#4a5563}dd{margin:0}
button{font:inherit;cursor:pointer;border-radius:.375rem;padding:.5rem 1rem;margin:.25rem .25rem 0 0;border:2px solid #17375e;background:#17375e;color:#fff}
button.secondary{background:#fff;color:#17375e}
button.danger{border-color:#b42318;background:#fff;color:#b42318}
button:focus-visible,select:focus-visible,summary:focus-visible,a:focus-visible{outline:3px solid #e8a400;outline-offset:2px}
details{margin-top:.75rem;font-size:.9rem}
select{font:inherit;margin:.25rem 0}
code{font-size:.85rem;word-break:break-all}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`

export function renderPage(options: { title: string; body: string; status?: number; script?: string; formTarget?: string }): Page {
	const nonce = randomBytes(16).toString('base64')
	const script = options.script ? `<script nonce="${nonce}">${options.script}</script>` : ''
	const formAction = ["'self'", options.formTarget && new URL(options.formTarget).origin].filter(Boolean).join(' ')
	return {
		status: options.status ?? 200,
		csp: `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
		html:
			`<!doctype html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<title>${escapeHtml(options.title)}</title><style nonce="${nonce}">${STYLES}</style></head><body>` +
			`<header class="banner"><p>Národní identitní autorita <span class="tag">SIMULÁTOR / SIMULATOR</span></p></header>` +
			`<main>${options.body}</main>${script}</body></html>`,
	}
}

/** What NIA does with a request it will not serve: an error page, and nothing sent to the SeP. */
export function renderErrorPage(errors: string[], status = 400): Page {
	return renderPage({
		title: 'Chyba přihlášení – NIA simulátor',
		status,
		body:
			`<h1>${bilingual('Požadavek nelze zpracovat', 'The request cannot be processed')}</h1>` +
			`<div class="error" role="alert"><p>${bilingual('Poskytovatel služby poslal požadavek, který NIA odmítá.', 'The service provider sent a request that NIA refuses.')}</p>` +
			`<ul>${errors.map((error) => `<li lang="en">${escapeHtml(error)}</li>`).join('')}</ul></div>`,
	})
}

/**
 * The HTTP-POST binding's hand-back: a form the browser submits at once (nonce'd script), with a visible
 * "Pokračovat" button for when scripts do not run.
 */
export function renderAutoPostPage(options: { action: string; fields: Record<string, string | undefined>; heading: { cs: string; en: string } }): Page {
	const inputs = Object.entries(options.fields)
		.filter((entry): entry is [string, string] => entry[1] !== undefined)
		.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
		.join('')
	return renderPage({
		title: `${options.heading.cs} – NIA simulátor`,
		formTarget: options.action,
		script: 'document.forms[0].submit()',
		body:
			`<h1>${bilingual(options.heading.cs, options.heading.en)}</h1>` +
			`<form method="post" action="${escapeHtml(options.action)}">${inputs}` +
			`<p>${bilingual('Pokud nejste přesměrováni automaticky, pokračujte tlačítkem.', 'If you are not redirected automatically, press the button.')}</p>` +
			`<button type="submit">Pokračovat <span class="en" lang="en">Continue</span></button></form>`,
	})
}
