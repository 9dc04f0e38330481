// Checkout Sessions in payment mode: create, pay (hosted page), expire. A payment creates a PaymentIntent
// and its Charge, as Stripe does, and the session then points at the PaymentIntent.
import { invalid, required, StripeApiError } from './api-error'
import { emitEvent } from './webhooks'
import { newId, nowSeconds, store, type Account, type SimulatorState } from './state'
import type { StripeObject } from './types'

type Form = Record<string, unknown>
const asRecord = (value: unknown): Form => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Form) : {})
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [])

function integer(value: unknown, param: string, min = 0) {
	if (typeof value !== 'string' || !/^\d+$/.test(value)) throw invalid(`Invalid integer: ${String(value)}`, param)
	const number = Number(value)
	if (number < min) throw invalid(`This value must be greater than or equal to ${min}.`, param)
	return number
}

function metadata(value: unknown, param = 'metadata') {
	const entries = Object.entries(asRecord(value))
	if (entries.length > 50) throw invalid('Metadata can have at most 50 keys.', param)
	for (const [key, item] of entries) {
		if (typeof item !== 'string') throw invalid(`Invalid metadata value for ${key}.`, `${param}[${key}]`)
		if (key.length > 40 || item.length > 500) throw invalid('Metadata keys are at most 40 characters and values at most 500.', `${param}[${key}]`)
	}
	return Object.fromEntries(entries) as Record<string, string>
}

function lineItems(value: unknown) {
	const items = asList(value)
	if (!items.length) throw required('line_items')
	let currency: string | undefined
	const stored = items.map((raw, index) => {
		const item = asRecord(raw)
		const param = `line_items[${index}]`
		const price = asRecord(item.price_data)
		if (!item.price_data) throw required(`${param}[price_data]`)
		const lineCurrency = String(price.currency ?? '').toLowerCase()
		if (!lineCurrency) throw required(`${param}[price_data][currency]`)
		if (currency && lineCurrency !== currency) throw invalid('All line items must use the same currency.', `${param}[price_data][currency]`)
		currency = lineCurrency
		const name = asRecord(price.product_data).name
		if (typeof name !== 'string' || !name) throw required(`${param}[price_data][product_data][name]`)
		const unitAmount = integer(price.unit_amount, `${param}[price_data][unit_amount]`)
		const quantity = integer(item.quantity ?? '1', `${param}[quantity]`, 1)
		return {
			id: newId('li'),
			object: 'item',
			description: name,
			currency: lineCurrency,
			quantity,
			amount_subtotal: unitAmount * quantity,
			amount_total: unitAmount * quantity,
			price: { object: 'price', currency: lineCurrency, unit_amount: unitAmount, product_data: { name } },
		}
	})
	return { items: stored, currency: currency!, total: stored.reduce((sum, item) => sum + item.amount_total, 0) }
}

function url(value: unknown, param: string) {
	if (typeof value !== 'string') throw required(param)
	try {
		new URL(value.replace('{CHECKOUT_SESSION_ID}', 'x'))
	} catch {
		throw invalid('Not a valid URL', param)
	}
	return value
}

export function createSession(state: SimulatorState, account: Account, body: Form): StripeObject {
	const mode = body.mode ?? 'payment'
	if (mode !== 'payment') throw invalid(`The simulator supports mode=payment only, not ${String(mode)}.`, 'mode')
	const { items, currency, total } = lineItems(body.line_items)
	// Stripe's minimum charge for CZK is 15 Kč.
	if (currency === 'czk' && total < 1500) throw invalid("The Checkout Session's total amount due must add up to at least Kč15.00 czk", 'line_items')
	const created = nowSeconds()
	const expiresAt = body.expires_at === undefined ? created + 24 * 3600 : integer(body.expires_at, 'expires_at')
	if (expiresAt < created + 30 * 60 || expiresAt > created + 24 * 3600)
		throw invalid('expires_at must be between 30 minutes and 24 hours from now.', 'expires_at')
	const id = newId('cs')
	const session: StripeObject = {
		id,
		object: 'checkout.session',
		amount_subtotal: total,
		amount_total: total,
		cancel_url: body.cancel_url === undefined ? null : url(body.cancel_url, 'cancel_url'),
		client_reference_id: typeof body.client_reference_id === 'string' ? body.client_reference_id : null,
		created,
		currency,
		customer_details: null,
		customer_email: typeof body.customer_email === 'string' ? body.customer_email : null,
		expires_at: expiresAt,
		livemode: false,
		locale: typeof body.locale === 'string' ? body.locale : null,
		metadata: metadata(body.metadata),
		mode: 'payment',
		payment_intent: null,
		payment_method_types: ['card'],
		payment_status: 'unpaid',
		status: 'open',
		success_url: url(body.success_url, 'success_url'),
		url: `${state.publicUrl}/c/pay/${id}`,
	}
	// Kept beside the session (Stripe serves them from /line_items, not on the session itself).
	Object.defineProperty(session, '_lineItems', { value: items, enumerable: false })
	Object.defineProperty(session, '_paymentIntentMetadata', {
		value: metadata(asRecord(body.payment_intent_data).metadata, 'payment_intent_data[metadata]'),
		enumerable: false,
	})
	return store(state, account, session)
}

export const sessionLineItems = (session: StripeObject) => (session as unknown as { _lineItems: StripeObject[] })._lineItems

/** Stripe expires open sessions once expires_at passes; the simulator does it when the session is next read. */
export function refreshExpiry(state: SimulatorState, account: Account, session: StripeObject) {
	if (session.status === 'open' && Number(session.expires_at) <= nowSeconds()) expireSession(state, account, session)
	return session
}

export function expireSession(state: SimulatorState, account: Account, session: StripeObject) {
	if (session.status !== 'open')
		throw new StripeApiError(
			400,
			'invalid_request_error',
			`Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${String(session.status)}".`,
		)
	Object.assign(session, { status: 'expired', url: null })
	emitEvent(state, account, 'checkout.session.expired', session)
	return session
}

/** The citizen pressed Pay on the hosted page. */
export function completeSession(state: SimulatorState, account: Account, session: StripeObject) {
	const amount = Number(session.amount_total)
	const created = nowSeconds()
	const paymentIntent = store(state, account, {
		id: newId('pi'),
		object: 'payment_intent',
		amount,
		amount_capturable: 0,
		amount_received: amount,
		currency: session.currency,
		created,
		latest_charge: null,
		livemode: false,
		metadata: (session as unknown as { _paymentIntentMetadata: Record<string, string> })._paymentIntentMetadata,
		payment_method_types: ['card'],
		status: 'succeeded',
	})
	const charge = store(state, account, {
		id: newId('ch'),
		object: 'charge',
		amount,
		amount_captured: amount,
		amount_refunded: 0,
		captured: true,
		created,
		currency: session.currency,
		livemode: false,
		paid: true,
		payment_intent: paymentIntent.id,
		refunded: false,
		status: 'succeeded',
	})
	paymentIntent.latest_charge = charge.id
	Object.assign(session, {
		status: 'complete',
		payment_status: 'paid',
		payment_intent: paymentIntent.id,
		url: null,
		customer_details: { email: session.customer_email, name: 'Test Citizen', address: null, phone: null, tax_exempt: 'none', tax_ids: [] },
	})
	emitEvent(state, account, 'checkout.session.completed', session)
	emitEvent(state, account, 'payment_intent.succeeded', paymentIntent)
	return session
}
