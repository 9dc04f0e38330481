// The /v1 surface the official SDK talks to: Bearer secret-key auth, form bodies in bracket notation
// (parsed by qs, as Stripe's own parser reads them), JSON answers, Stripe's error shape, Idempotency-Key.
import express, { type NextFunction, type Request, type Response } from 'express'
import { missing, StripeApiError } from './api-error'
import { createSession, expireSession, refreshExpiry, sessionLineItems } from './checkout'
import { createRefund } from './refunds'
import { find, newId, type Account, type SimulatorState } from './state'
import type { StripeObject } from './types'

type Handler = (account: Account, req: Request) => StripeObject | { object: 'list'; data: unknown[]; has_more: boolean; url: string }

function authenticate(state: SimulatorState, req: Request): Account {
	const header = req.get('authorization') ?? ''
	// Stripe takes the key as Bearer (the SDK) or as a Basic user name (curl -u sk_test_…:).
	const key = header.startsWith('Bearer ')
		? header.slice(7)
		: header.startsWith('Basic ')
			? Buffer.from(header.slice(6), 'base64').toString('utf8').split(':')[0]
			: undefined
	if (!key)
		throw new StripeApiError(
			401,
			'invalid_request_error',
			"You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
		)
	const account = state.accounts.get(key)
	if (!account)
		throw new StripeApiError(
			401,
			'invalid_request_error',
			`Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
		)
	return account
}

const expandList = (req: Request) => {
	const expand = (req.method === 'GET' ? req.query.expand : (req.body as Record<string, unknown>)?.expand) ?? []
	return (Array.isArray(expand) ? expand : Object.values(expand as object)).map(String)
}

function withExpansions(state: SimulatorState, account: Account, value: StripeObject, expand: string[]) {
	const copy: StripeObject = { ...value }
	for (const field of expand) {
		const id = copy[field]
		if (typeof id === 'string') copy[field] = state.objects.get(id)?.account === account ? state.objects.get(id)!.value : id
	}
	return copy
}

function session(state: SimulatorState, account: Account, id: string) {
	const found = find(state, account, id, 'checkout.session')
	if (!found) throw missing(id, 'checkout.session')
	return refreshExpiry(state, account, found)
}

export function createApi(state: SimulatorState) {
	const api = express.Router()
	api.use(express.urlencoded({ extended: true, limit: '256kb', parameterLimit: 2000 }))

	const route = (method: 'get' | 'post', path: string, handler: Handler) =>
		api[method](path, (req: Request, res: Response, next: NextFunction) => {
			const log = {
				at: new Date(),
				method: req.method,
				path: req.path,
				idempotencyKey: req.get('idempotency-key'),
				body: req.method === 'POST' ? req.body : req.query,
				status: 0,
			}
			state.requests.push(log as SimulatorState['requests'][number])
			if (state.apiHang) return // never answered: the client's timeout is what is being tested
			res.set({ 'Request-Id': newId('req'), 'Stripe-Version': req.get('stripe-version') ?? '' })
			const reply = (status: number, body: unknown) => {
				log.status = status
				res.status(status).json(body)
			}
			try {
				const account = authenticate(state, req)
				Object.assign(log, { keySuffix: account.secretKey.slice(-4) })
				const idempotencyKey = req.method === 'POST' ? log.idempotencyKey : undefined
				const cacheKey = idempotencyKey && `${account.secretKey}\u0000${idempotencyKey}`
				const fingerprint = JSON.stringify(req.body ?? {})
				const earlier = cacheKey ? state.idempotency.get(cacheKey) : undefined
				if (earlier) {
					if (earlier.path !== req.path || earlier.bodyFingerprint !== fingerprint)
						throw new StripeApiError(
							400,
							'idempotency_error',
							`Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
						)
					res.set('Idempotent-Replayed', 'true')
					return reply(earlier.status, earlier.body)
				}
				const body = withExpansions(state, account, handler(account, req) as StripeObject, expandList(req))
				if (cacheKey) state.idempotency.set(cacheKey, { path: req.path, bodyFingerprint: fingerprint, status: 200, body })
				reply(200, body)
			} catch (error) {
				if (error instanceof StripeApiError) return reply(error.status, error.toJSON())
				next(error)
			}
		})

	route('post', '/checkout/sessions', (account, req) => createSession(state, account, req.body ?? {}))
	route('get', '/checkout/sessions/:id', (account, req) => session(state, account, req.params.id))
	route('get', '/checkout/sessions/:id/line_items', (account, req) => {
		const data = sessionLineItems(session(state, account, req.params.id))
		return { object: 'list', data, has_more: false, url: `/v1/checkout/sessions/${req.params.id}/line_items` }
	})
	route('post', '/checkout/sessions/:id/expire', (account, req) => expireSession(state, account, session(state, account, req.params.id)))
	route('post', '/refunds', (account, req) => createRefund(state, account, req.body ?? {}))
	for (const [path, object] of [
		['/payment_intents/:id', 'payment_intent'],
		['/charges/:id', 'charge'],
		['/refunds/:id', 'refund'],
		['/events/:id', 'event'],
	] as const)
		route('get', path, (account, req) => find(state, account, req.params.id, object) ?? throwMissing(req.params.id, object))

	api.use((req, res) =>
		res
			.status(404)
			.json(
				new StripeApiError(
					404,
					'invalid_request_error',
					`Unrecognized request URL (${req.method}: ${req.originalUrl}). The Stripe simulator covers Checkout Sessions, PaymentIntents, Charges, Refunds and Events.`,
				).toJSON(),
			),
	)
	return api
}

function throwMissing(id: string, object: string): never {
	throw missing(id, object)
}
