import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo } from 'node:net'
import { sendNotification } from './notifier'
import { paymentPage } from './payment-page'

export type GoPayAccount = { goId: string; clientId: string; clientSecret: string }
export type SimPayment = {
	id: number
	goId: string
	order_number: string
	order_description: string
	state: string
	amount: number
	refunded: number
	currency: string
	lang: string
	return_url: string
	notification_url: string
}
export type SimulatorControls = {
	/** Extra copies of each notification (tests the receiver's idempotency). */
	duplicates: number
	/** Delay before the first notification attempt. */
	notificationDelayMs: number
	/** Hold notifications until flushNotifications(); flush order can be reversed. */
	holdNotifications: boolean
	/** API requests never answer (until turned off). */
	hang: boolean
}
export type StartGoPaySimulatorOptions = {
	port?: number
	host?: string
	accounts: GoPayAccount[]
	retryDelaysMs?: number[]
	maxAttempts?: number
	tokenLifetimeS?: number
}

const TERMINAL = new Set(['PAID', 'CANCELED', 'TIMEOUTED', 'REFUNDED', 'PARTIALLY_REFUNDED'])

function errorBody(code: number, name: string, field?: string, message?: string) {
	return {
		date_issued: new Date().toISOString(),
		errors: [{ scope: field ? 'F' : 'G', error_code: code, error_name: name, ...(field ? { field } : {}), message: message ?? name }],
	}
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = []
	for await (const c of req) chunks.push(c as Buffer)
	return Buffer.concat(chunks).toString('utf8')
}

export async function startGoPaySimulator(options: StartGoPaySimulatorOptions) {
	const accounts = options.accounts
	const tokens = new Map<string, { account: GoPayAccount; scope: string; expiresAt: number }>()
	const payments = new Map<number, SimPayment>()
	const requests: { method: string; path: string; at: number }[] = []
	const notifications: { url: string; status: number }[] = []
	const held: string[] = []
	const pending: Promise<void>[] = []
	const controls: SimulatorControls = { duplicates: 0, notificationDelayMs: 0, holdNotifications: false, hang: false }
	let nextId = 3000000001
	let tokenSeq = 0

	function notify(p: SimPayment) {
		const url = `${p.notification_url}${p.notification_url.includes('?') ? '&' : '?'}id=${p.id}`
		if (controls.holdNotifications) return held.push(url)
		for (let i = 0; i <= controls.duplicates; i++) {
			pending.push(
				sendNotification(url, {
					retryDelaysMs: options.retryDelaysMs ?? [1000, 5000, 30000, 60000, 300000],
					maxAttempts: options.maxAttempts ?? 20,
					extraDelayMs: controls.notificationDelayMs,
					duplicates: 0,
					log: (e) => notifications.push(e),
				}),
			)
		}
	}

	function setState(p: SimPayment, state: string) {
		p.state = state
		if (state !== 'CREATED' && state !== 'PAYMENT_METHOD_CHOSEN') notify(p)
	}

	const view = (p: SimPayment, base: string) => ({
		id: p.id,
		order_number: p.order_number,
		state: p.state,
		amount: p.amount,
		currency: p.currency,
		lang: p.lang,
		payer: {},
		target: { type: 'ACCOUNT', goid: Number(p.goId) },
		gw_url: `${base}/gw/${p.id}`,
		callback: { return_url: p.return_url, notification_url: p.notification_url },
	})

	function json(res: ServerResponse, status: number, body: unknown) {
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
		res.end(JSON.stringify(body))
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://x')
		const path = url.pathname
		requests.push({ method: req.method ?? 'GET', path, at: Date.now() })
		const base = server.url
		if (path.startsWith('/api/') && controls.hang) return // never answers: tests client timeouts
		const body = await readBody(req)

		if (req.method === 'POST' && path === '/api/oauth2/token') {
			const [id, secret] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
				.toString()
				.split(':')
			const account = accounts.find((a) => a.clientId === id && a.clientSecret === secret)
			if (!account) return json(res, 403, errorBody(202, 'AUTH_WRONG_CREDENTIALS'))
			const params = new URLSearchParams(body)
			if (params.get('grant_type') !== 'client_credentials') return json(res, 400, errorBody(111, 'WRONG_VALUE', 'grant_type'))
			const scope = params.get('scope') ?? ''
			if (scope !== 'payment-create' && scope !== 'payment-all') return json(res, 400, errorBody(111, 'WRONG_VALUE', 'scope'))
			const lifetime = options.tokenLifetimeS ?? 1800
			const token = `sim-${++tokenSeq}-${Math.random().toString(36).slice(2)}`
			tokens.set(token, { account, scope, expiresAt: Date.now() + lifetime * 1000 })
			return json(res, 200, { token_type: 'bearer', access_token: token, expires_in: lifetime })
		}

		if (path.startsWith('/api/payments/')) {
			const t = tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''))
			if (!t || t.expiresAt < Date.now()) return json(res, 403, errorBody(203, 'AUTH_WRONG_TOKEN'))
			if (req.method === 'POST' && path === '/api/payments/payment') {
				type CreateBody = {
					amount?: unknown
					order_number?: string
					order_description?: string
					currency?: string
					lang?: string
					target?: { goid?: unknown }
					callback?: { return_url?: string; notification_url?: string }
				}
				let input: CreateBody
				try {
					input = JSON.parse(body)
				} catch {
					return json(res, 400, errorBody(110, 'MISSING_VALUE', 'body'))
				}
				if (!(Number.isInteger(input.amount) && (input.amount as number) > 0)) return json(res, 409, errorBody(111, 'WRONG_VALUE', 'amount'))
				if (!input.order_number || String(input.order_number).length > 128) return json(res, 409, errorBody(110, 'MISSING_VALUE', 'order_number'))
				if (String(input.target?.goid) !== t.account.goId) return json(res, 409, errorBody(111, 'WRONG_VALUE', 'target.goid'))
				if (!input.callback?.return_url || !input.callback?.notification_url) return json(res, 409, errorBody(110, 'MISSING_VALUE', 'callback'))
				const p: SimPayment = {
					id: nextId++,
					goId: t.account.goId,
					order_number: String(input.order_number),
					order_description: input.order_description ?? '',
					state: 'CREATED',
					amount: input.amount as number,
					refunded: 0,
					currency: input.currency ?? 'CZK',
					lang: input.lang ?? 'CS',
					return_url: input.callback.return_url,
					notification_url: input.callback.notification_url,
				}
				payments.set(p.id, p)
				return json(res, 200, view(p, base))
			}
			const m = path.match(/^\/api\/payments\/payment\/(\d+)(\/refund)?$/)
			const p = m ? payments.get(Number(m[1])) : undefined
			if (!m || !p || p.goId !== t.account.goId) return json(res, 404, errorBody(500, 'PAYMENT_NOT_FOUND'))
			if (t.scope !== 'payment-all') return json(res, 403, errorBody(204, 'AUTH_WRONG_SCOPE'))
			if (req.method === 'GET' && !m[2]) return json(res, 200, view(p, base))
			if (req.method === 'POST' && m[2]) {
				const amount = Number(new URLSearchParams(body).get('amount'))
				if (p.state !== 'PAID' && p.state !== 'PARTIALLY_REFUNDED')
					return json(res, 409, errorBody(330, 'PAYMENT_REFUND_FAILED', undefined, 'payment is not paid'))
				if (!Number.isInteger(amount) || amount <= 0 || amount > p.amount - p.refunded)
					return json(res, 409, errorBody(111, 'WRONG_VALUE', 'amount', 'refund above the paid amount'))
				p.refunded += amount
				setState(p, p.refunded === p.amount ? 'REFUNDED' : 'PARTIALLY_REFUNDED')
				return json(res, 200, { id: p.id, result: 'FINISHED' })
			}
			return json(res, 404, errorBody(500, 'NOT_FOUND'))
		}

		const gw = path.match(/^\/gw\/(\d+)$/)
		if (gw) {
			const p = payments.get(Number(gw[1]))
			if (!p) return json(res, 404, errorBody(500, 'PAYMENT_NOT_FOUND'))
			if (req.method === 'POST') {
				const choice = new URLSearchParams(body).get('outcome')
				const state = choice === 'paid' ? 'PAID' : choice === 'timeout' ? 'TIMEOUTED' : 'CANCELED'
				if (!TERMINAL.has(p.state)) setState(p, state)
				res.writeHead(303, { Location: `${p.return_url}${p.return_url.includes('?') ? '&' : '?'}id=${p.id}` })
				return res.end()
			}
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
			return res.end(paymentPage(p))
		}

		// Test control API: POST /control {duplicates?, notificationDelayMs?, holdNotifications?, hang?}
		if (req.method === 'POST' && path === '/control') {
			Object.assign(controls, JSON.parse(body || '{}'))
			return json(res, 200, controls)
		}
		const st = path.match(/^\/control\/payments\/(\d+)\/state$/)
		if (req.method === 'POST' && st) {
			const p = payments.get(Number(st[1]))
			if (!p) return json(res, 404, errorBody(500, 'PAYMENT_NOT_FOUND'))
			setState(p, JSON.parse(body).state)
			return json(res, 200, view(p, base))
		}
		if (req.method === 'GET' && path === '/control/log') return json(res, 200, { requests, notifications })
		json(res, 404, errorBody(500, 'NOT_FOUND'))
	}

	const http = createServer((req, res) => {
		handle(req, res).catch((e) => json(res, 500, errorBody(500, 'INTERNAL', undefined, String(e))))
	})
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject)
		http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
	})
	const address = http.address() as AddressInfo
	const server = {
		url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
		get apiUrl() {
			return `${server.url}/api`
		},
		controls,
		/** Accounts may be added after start (the demo registers its towns once the database is ready). */
		accounts,
		requests,
		notifications,
		payments,
		setState(id: number, state: string) {
			const p = payments.get(id)
			if (!p) throw new Error(`no payment ${id}`)
			setState(p, state)
		},
		/** Sends held notifications, optionally newest first (out of order). */
		flushNotifications(order: 'fifo' | 'reverse' = 'fifo') {
			controls.holdNotifications = false
			const urls = held.splice(0)
			if (order === 'reverse') urls.reverse()
			for (const u of urls)
				pending.push(
					sendNotification(u, {
						retryDelaysMs: options.retryDelaysMs ?? [1000],
						maxAttempts: options.maxAttempts ?? 20,
						extraDelayMs: 0,
						duplicates: 0,
						log: (e) => notifications.push(e),
					}),
				)
		},
		/** Resolves when every notification so far was delivered or gave up. */
		async settled() {
			while (pending.length) await Promise.all(pending.splice(0))
		},
		stop() {
			http.closeAllConnections()
			return new Promise<void>((r) => http.close(() => r()))
		},
	}
	return server
}
export type GoPaySimulator = Awaited<ReturnType<typeof startGoPaySimulator>>
