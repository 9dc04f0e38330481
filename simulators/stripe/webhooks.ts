// Events and their delivery: one POST per attempt, signed the way Stripe signs
// (Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the whsec_ secret>),
// retried with backoff while the receiver answers non-2xx or cannot be reached.
import { createHmac } from 'node:crypto'
import { loopbackRequest } from '../loopback-request'
import { API_VERSION, newId, nowSeconds, type Account, type SimulatorState } from './state'
import type { StripeObject } from './types'

export function signPayload(payload: string, secret: string, timestamp = nowSeconds()) {
	const v1 = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex')
	return `t=${timestamp},v1=${v1}`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function attempt(state: SimulatorState, account: Account, event: StripeObject, url: string, number: number) {
	// Stripe sends pretty-printed JSON; a receiver that re-serialises before verifying fails, as it would live.
	const payload = JSON.stringify(event, null, 2)
	const delivery = { at: new Date(), eventId: event.id, eventType: String(event.type), url, attempt: number } as SimulatorState['deliveries'][number]
	state.deliveries.push(delivery)
	const status = await loopbackRequest(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
			'stripe-signature': signPayload(payload, account.webhookSecret),
		},
		body: payload,
		timeoutMs: 10_000,
	})
	if (status === 0) {
		delivery.error = 'unreachable or no answer within 10 s'
		return false
	}
	delivery.status = status
	return status >= 200 && status < 300
}

async function deliver(state: SimulatorState, account: Account, event: StripeObject) {
	if (state.webhookDelayMs > 0) await sleep(state.webhookDelayMs)
	const url = account.webhookUrl
	if (!url) return
	for (let number = 1; ; number++) {
		if (await attempt(state, account, event, url, number)) return
		const wait = state.retryDelaysMs[number - 1]
		if (wait === undefined) return
		await sleep(wait)
	}
}

/** Starts a delivery in the background; settleWebhooks() waits for all of them. */
export function sendEvent(state: SimulatorState, account: Account, event: StripeObject) {
	const job = deliver(state, account, event).finally(() => state.pendingDeliveries.delete(job))
	state.pendingDeliveries.add(job)
	return job
}

/** Records an event with a snapshot of the object as it is now, and sends it. */
export function emitEvent(state: SimulatorState, account: Account, type: string, object: StripeObject, previous?: Record<string, unknown>) {
	const event: StripeObject = {
		id: newId('evt'),
		object: 'event',
		api_version: API_VERSION,
		created: nowSeconds(),
		data: { object: structuredClone(object), ...(previous ? { previous_attributes: previous } : {}) },
		livemode: false,
		pending_webhooks: account.webhookUrl ? 1 : 0,
		request: { id: null, idempotency_key: null },
		type,
	}
	account.events.push(event)
	state.objects.set(event.id, { account, value: event })
	void sendEvent(state, account, event)
	return event
}
