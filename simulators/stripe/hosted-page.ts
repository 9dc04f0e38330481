// Stand-in for Stripe's hosted Checkout page at session.url: the amount and items, Pay and Cancel.
// Pay completes the session (webhooks go out in the background) and redirects to success_url;
// Cancel redirects to cancel_url and leaves the session open, as Stripe's back link does.
import { randomBytes } from 'node:crypto'
import express, { type Response } from 'express'
import { completeSession, refreshExpiry, sessionLineItems } from './checkout'
import type { SimulatorState } from './state'
import type { StripeObject } from './types'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char])
const both = (cs: string, en: string) => `${escapeHtml(cs)} <span class="en" lang="en">${escapeHtml(en)}</span>`

export function formatAmount(amount: number, currency: string) {
	return new Intl.NumberFormat('cs-CZ', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100)
}

const STYLES =
	'body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1f36;background:#f6f9fc}header{background:#635bff;color:#fff;padding:.75rem 1.5rem;font-weight:600}' +
	'main{max-width:36rem;margin:2rem auto;background:#fff;padding:1.5rem;border-radius:.5rem;border:1px solid #d5dbe3}h1{font-size:1.5rem;margin:0 0 1rem}' +
	'.en{display:block;font-size:.85em;font-weight:400;color:#4f566b}button .en{display:inline;color:inherit}table{width:100%;border-collapse:collapse;margin:1rem 0}' +
	'th,td{text-align:left;padding:.25rem 0;border-bottom:1px solid #e3e8ee}td.num,th.num{text-align:right}button{font:inherit;cursor:pointer;padding:.6rem 1.2rem;border-radius:.375rem;margin:.5rem .5rem 0 0;border:2px solid #3d35c9;background:#3d35c9;color:#fff}' +
	'button.secondary{background:#fff;color:#3d35c9}button:focus-visible{outline:3px solid #e8a400;outline-offset:2px}.tag{background:#ffd54f;color:#1a1f36;padding:0 .5rem;border-radius:.25rem;margin-left:.5rem}'

function originOf(url: unknown) {
	try {
		return typeof url === 'string' ? new URL(url).origin : null
	} catch {
		return null
	}
}

/** form-action must also allow where the form's answer redirects (success and cancel URLs), or Chromium blocks the redirect. */
function send(res: Response, status: number, title: string, body: string, redirectTargets: unknown[] = []) {
	const nonce = randomBytes(16).toString('base64')
	const formTargets = [...new Set(redirectTargets.map(originOf).filter((origin): origin is string => Boolean(origin)))].join(' ')
	res
		.status(status)
		.set({
			'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'${formTargets ? ` ${formTargets}` : ''}; base-uri 'none'; frame-ancestors 'none'`,
			'Cache-Control': 'no-store',
			'Referrer-Policy': 'no-referrer',
		})
		.type('html')
		.send(
			`<!doctype html><html lang="cs"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>` +
				`<style nonce="${nonce}">${STYLES}</style></head><body><header>Stripe Checkout <span class="tag">SIMULÁTOR / SIMULATOR</span></header><main>${body}</main></body></html>`,
		)
}

function renderOpen(res: Response, session: StripeObject) {
	const currency = String(session.currency)
	const rows = sessionLineItems(session)
		.map(
			(item) =>
				`<tr><td>${escapeHtml(String(item.description))}${Number(item.quantity) > 1 ? ` × ${Number(item.quantity)}` : ''}</td><td class="num">${formatAmount(Number(item.amount_total), currency)}</td></tr>`,
		)
		.join('')
	const action = `/c/pay/${encodeURIComponent(session.id)}`
	send(
		res,
		200,
		'Platba kartou – Stripe simulátor',
		`<h1>${both('Platba kartou', 'Card payment')}</h1>` +
			(session.customer_email ? `<p>E-mail: ${escapeHtml(String(session.customer_email))}</p>` : '') +
			`<table><caption class="en" lang="en">Items</caption><thead><tr><th scope="col">Položka</th><th scope="col" class="num">Částka</th></tr></thead><tbody>${rows}</tbody>` +
			`<tfoot><tr><th scope="row">Celkem <span lang="en">/ Total</span></th><td class="num" id="total">${formatAmount(Number(session.amount_total), currency)}</td></tr></tfoot></table>` +
			`<p>${both('Testovací karta se nezatíží; jde o simulátor.', 'No card is charged; this is a simulator.')}</p>` +
			`<form method="post" action="${action}"><button type="submit" name="action" value="pay">Zaplatit <span class="en" lang="en">Pay</span></button>` +
			`<button type="submit" name="action" value="cancel" class="secondary">Zrušit a vrátit se <span class="en" lang="en">Cancel and go back</span></button></form>`,
		[session.success_url, session.cancel_url],
	)
}

function renderClosed(res: Response, session: StripeObject | undefined) {
	const [cs, en] = !session
		? ['Platba neexistuje.', 'This payment does not exist.']
		: session.status === 'complete'
			? ['Tato platba již byla zaplacena.', 'This payment has already been made.']
			: ['Platnost této platby vypršela.', 'This payment has expired.']
	send(
		res,
		session ? 410 : 404,
		'Platba není k dispozici – Stripe simulátor',
		`<h1>${both('Platba není k dispozici', 'Payment not available')}</h1><p role="alert">${both(cs, en)}</p>`,
	)
}

export function createHostedPage(state: SimulatorState) {
	const router = express.Router()
	const lookup = (id: string) => {
		const stored = state.objects.get(id)
		if (!stored || stored.value.object !== 'checkout.session') return undefined
		return { account: stored.account, session: refreshExpiry(state, stored.account, stored.value) }
	}
	router.get('/c/pay/:id', (req, res) => {
		const found = lookup(req.params.id)
		if (!found || found.session.status !== 'open') return renderClosed(res, found?.session)
		renderOpen(res, found.session)
	})
	router.post('/c/pay/:id', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
		const found = lookup(req.params.id)
		if (!found || found.session.status !== 'open') return renderClosed(res, found?.session)
		const { session, account } = found
		if (req.body?.action === 'cancel') {
			if (typeof session.cancel_url !== 'string') return renderOpen(res, session)
			return res.redirect(303, session.cancel_url)
		}
		if (req.body?.action !== 'pay') return renderOpen(res, session)
		completeSession(state, account, session)
		res.redirect(303, String(session.success_url).replaceAll('{CHECKOUT_SESSION_ID}', session.id))
	})
	return router
}
