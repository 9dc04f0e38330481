// The simulator's HTML: a list of filed documents and one page per document with a form that sends a
// status update back to the portal. Czech by default, English with ?lang=en. No scripts; one nonce'd style.
import { randomBytes } from 'node:crypto'
import type { ReceivedDocument } from './types'

export type Lang = 'cs' | 'en'
export type Page = { status: number; html: string; csp: string }

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const esc = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]!)

const T = {
	cs: {
		system: 'Spisová služba',
		sim: 'SIMULÁTOR',
		list: 'Přijaté dokumenty',
		empty: 'Zatím nebyl přijat žádný dokument.',
		ref: 'Číslo jednací',
		town: 'Obec',
		number: 'Číslo podání',
		form: 'Formulář',
		received: 'Přijato',
		status: 'Stav',
		assignee: 'Zpracovatel',
		down: 'Systém je vypnutý: webhooky dostávají 503.',
		up: 'Systém běží.',
		toggleDown: 'Vypnout (503)',
		toggleUp: 'Zapnout',
		back: 'Zpět na seznam',
		send: 'Odeslat stav portálu',
		name: 'Jméno zpracovatele',
		department: 'Odbor',
		message: 'Zpráva pro občana',
		callbacks: 'Odeslaná oznámení',
		noCallbacks: 'Žádná oznámení zatím nebyla odeslána.',
		answers: 'Doplnění od občana',
		noAnswers: 'Občan zatím nic nedoplnil.',
		answer: 'Odpověď portálu',
		unreachable: 'nedostupný',
		attachments: 'Přílohy',
		other: 'English',
		duplicates: 'Opakovaná doručení',
		notFound: 'Dokument nenalezen.',
		pages: 'Stránkování',
		page: 'Strana',
		newer: 'Novější',
		older: 'Starší',
	},
	en: {
		system: 'Records system',
		sim: 'SIMULATOR',
		list: 'Received documents',
		empty: 'No document has been received yet.',
		ref: 'Reference number',
		town: 'Town',
		number: 'Submission number',
		form: 'Form',
		received: 'Received',
		status: 'Status',
		assignee: 'Handled by',
		down: 'The system is down: webhooks get 503.',
		up: 'The system is up.',
		toggleDown: 'Switch off (503)',
		toggleUp: 'Switch on',
		back: 'Back to the list',
		send: 'Send the status to the portal',
		name: 'Clerk name',
		department: 'Department',
		message: 'Message to the citizen',
		callbacks: 'Callbacks sent',
		noCallbacks: 'No callback sent yet.',
		answers: 'Answers from the citizen',
		noAnswers: 'No answer from the citizen yet.',
		answer: 'Portal answered',
		unreachable: 'unreachable',
		attachments: 'Attachments',
		other: 'Česky',
		duplicates: 'Repeated deliveries',
		notFound: 'Document not found.',
		pages: 'Pages',
		page: 'Page',
		newer: 'Newer',
		older: 'Older',
	},
}

const STATUS_LABELS: Record<Lang, Record<ReceivedDocument['status'], string>> = {
	cs: { delivered: 'zaevidováno', assigned: 'přiděleno', in_progress: 'v řešení', needs_info: 'potřeba doplnit', resolved: 'vyřízeno', rejected: 'zamítnuto' },
	en: {
		delivered: 'registered',
		assigned: 'assigned',
		in_progress: 'in progress',
		needs_info: 'needs information',
		resolved: 'resolved',
		rejected: 'rejected',
	},
}

const STYLES = `body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1f24;background:#f6f7f9}
header{background:#3b2f63;color:#fff;padding:.75rem 1.5rem}header p{margin:0;font-weight:600}
.tag{margin-left:.5rem;padding:0 .4rem;border-radius:.25rem;background:#ffd54f;color:#1b1f24;font-size:.85rem}
header a{color:#fff}main{max-width:70rem;margin:0 auto;padding:1.5rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #c9d1db;padding:.4rem .6rem;text-align:left;vertical-align:top}
a{color:#1d4ed8}label{display:block;margin-top:.6rem;font-weight:600}input,select,textarea{font:inherit;width:100%;max-width:30rem;padding:.3rem}
button{font:inherit;margin-top:.8rem;padding:.45rem 1rem;border:2px solid #3b2f63;background:#3b2f63;color:#fff;border-radius:.3rem;cursor:pointer}
:focus-visible{outline:3px solid #e8a400;outline-offset:2px}.down{background:#fdecea;border-left:4px solid #b42318;padding:.5rem .75rem}
.up{background:#e7f6ec;border-left:4px solid #1a7f37;padding:.5rem .75rem}pre{white-space:pre-wrap;word-break:break-all;font-size:.85rem}`

function shell(lang: Lang, title: string, body: string, status = 200, selfPath = '/'): Page {
	const nonce = randomBytes(16).toString('base64')
	const t = T[lang]
	const otherLang = lang === 'cs' ? 'en' : 'cs'
	const sep = selfPath.includes('?') ? '&' : '?'
	return {
		status,
		csp: `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
		html:
			`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
			`<title>${esc(title)} – ${esc(t.system)}</title><style nonce="${nonce}">${STYLES}</style></head><body>` +
			`<header><p>${esc(t.system)} <span class="tag">${t.sim}</span> · <a href="${esc(`${selfPath}${sep}lang=${otherLang}`)}" lang="${otherLang}">${t.other}</a></p></header>` +
			`<main>${body}</main></body></html>`,
	}
}

export const PAGE_SIZE = 50

export function renderList(lang: Lang, documents: ReceivedDocument[], isDown: boolean, page = 1): Page {
	const t = T[lang]
	const pages = Math.max(1, Math.ceil(documents.length / PAGE_SIZE))
	const current = Math.min(Math.max(1, page), pages)
	const nav =
		pages > 1
			? `<nav aria-label="${t.pages}"><p>${current > 1 ? `<a href="/?lang=${lang}&amp;page=${current - 1}" rel="prev">${t.newer}</a> ` : ''}${t.page} ${current} / ${pages}${current < pages ? ` <a href="/?lang=${lang}&amp;page=${current + 1}" rel="next">${t.older}</a>` : ''}</p></nav>`
			: ''
	const rows = documents
		.slice()
		.reverse()
		.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
		.map(
			(doc) =>
				`<tr><td><a href="/documents/${esc(doc.id)}?lang=${lang}">${esc(doc.referenceNumber)}</a></td><td>${esc(doc.town)}</td><td>${esc(doc.payload.number)}</td>` +
				`<td>${esc(doc.payload.form?.title)}</td><td>${esc(doc.receivedAt.toISOString())}</td><td>${esc(STATUS_LABELS[lang][doc.status])}</td>` +
				`<td>${esc(doc.assignee ? `${doc.assignee.name}${doc.assignee.department ? `, ${doc.assignee.department}` : ''}` : '')}</td></tr>`,
		)
		.join('')
	const table = documents.length
		? `<table><caption>${t.list}</caption><thead><tr><th scope="col">${t.ref}</th><th scope="col">${t.town}</th><th scope="col">${t.number}</th><th scope="col">${t.form}</th><th scope="col">${t.received}</th><th scope="col">${t.status}</th><th scope="col">${t.assignee}</th></tr></thead><tbody>${rows}</tbody></table>`
		: `<p>${t.empty}</p>`
	const switcher = `<form method="post" action="/down?lang=${lang}"><p class="${isDown ? 'down' : 'up'}">${isDown ? t.down : t.up}</p><input type="hidden" name="down" value="${isDown ? 'false' : 'true'}"><button type="submit">${isDown ? t.toggleUp : t.toggleDown}</button></form>`
	return shell(lang, t.list, `<h1>${t.list}</h1>${switcher}${table}${nav}`, 200, '/')
}

export function renderDocument(lang: Lang, doc: ReceivedDocument | undefined): Page {
	const t = T[lang]
	if (!doc) return shell(lang, t.notFound, `<h1>${t.notFound}</h1><p><a href="/?lang=${lang}">${t.back}</a></p>`, 404)
	const options = (Object.keys(STATUS_LABELS[lang]) as ReceivedDocument['status'][])
		.filter((status) => status !== 'delivered')
		.map((status) => `<option value="${status}">${esc(STATUS_LABELS[lang][status])}</option>`)
		.join('')
	const attachments = (doc.payload.attachments as { fileName?: string; size?: number }[] | undefined) ?? []
	const callbacks = doc.callbacks.length
		? `<ul>${doc.callbacks.map((cb) => `<li>${esc(cb.sentAt.toISOString())}: <code>${esc(JSON.parse(cb.body).status)}</code>, ${t.answer}: ${cb.responseStatus ?? t.unreachable} <code>${esc(cb.responseBody.slice(0, 200))}</code></li>`).join('')}</ul>`
		: `<p>${t.noCallbacks}</p>`
	const answers = doc.answers.length
		? `<ul>${doc.answers.map((a) => `<li>${esc(a.receivedAt.toISOString())} <code>${esc(a.answerId)}</code>: ${esc(a.payload.message)}${a.payload.attachments?.length ? ` (${esc(a.payload.attachments.map((f) => f.fileName).join(', '))})` : ''}${a.duplicates ? ` ×${a.duplicates + 1}` : ''}</li>`).join('')}</ul>`
		: `<p>${t.noAnswers}</p>`
	const body =
		`<p><a href="/?lang=${lang}">${t.back}</a></p><h1>${esc(doc.referenceNumber)}</h1>` +
		`<dl><dt>${t.town}</dt><dd>${esc(doc.town)}</dd><dt>${t.number}</dt><dd>${esc(doc.payload.number)}</dd><dt>${t.form}</dt><dd>${esc(doc.payload.form?.title)} (v${esc(doc.payload.form?.version)})</dd>` +
		`<dt>${t.status}</dt><dd>${esc(STATUS_LABELS[lang][doc.status])}</dd><dt>${t.duplicates}</dt><dd>${doc.duplicates}</dd>` +
		`<dt>${t.attachments}</dt><dd>${attachments.map((a) => `${esc(a.fileName)} (${esc(a.size)} B)`).join(', ') || '–'}</dd></dl>` +
		`<h2>${t.send}</h2><form method="post" action="/documents/${esc(doc.id)}/status?lang=${lang}">` +
		`<label for="status">${t.status}</label><select id="status" name="status">${options}</select>` +
		`<label for="assigneeName">${t.name}</label><input id="assigneeName" name="assigneeName" autocomplete="off" value="${esc(doc.assignee?.name ?? '')}">` +
		`<label for="department">${t.department}</label><input id="department" name="department" autocomplete="off" value="${esc(doc.assignee?.department ?? '')}">` +
		`<label for="message">${t.message}</label><textarea id="message" name="message" rows="3"></textarea>` +
		`<button type="submit">${t.send}</button></form><h2>${t.answers}</h2>${answers}<h2>${t.callbacks}</h2>${callbacks}` +
		`<h2>JSON</h2><pre>${esc(JSON.stringify({ ...doc.payload, attachments: attachments.map((a) => ({ ...a, contentBase64: '…' })), pdf: '…' }, null, 2))}</pre>`
	return shell(lang, doc.referenceNumber, body, 200, `/documents/${doc.id}`)
}
