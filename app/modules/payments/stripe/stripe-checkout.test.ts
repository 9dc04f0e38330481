// The official SDK against the Stripe simulator over real HTTP: a CZK Checkout Session is created, paid on the
// hosted page as a browser would, the signed webhook reaches a local receiver and verifyStripeWebhook accepts
// it; forged, stale and other-account webhooks are refused; refunds never exceed what is refundable.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import Stripe from 'stripe'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signPayload, startStripeSimulator, type StripeSimulator } from '../../../../simulators/stripe'
import { createStripeClient } from './create-stripe-client.server'
import { isAllowedStripeEvent } from './allowed-stripe-events'
import { StripeWebhookError, verifyStripeWebhook } from './verify-stripe-webhook.server'

const ZNOJMO = { secretKey: 'sk_test_znojmo_0001', webhookSecret: 'whsec_znojmo_secret' }
const VESELI = { secretKey: 'sk_test_veseli_0002', webhookSecret: 'whsec_veseli_secret' }

type Received = { rawBody: Buffer; signature: string | undefined }
let sim: StripeSimulator
let receiver: http.Server
let receiverUrl: string
const received: Received[] = []
/** Statuses the receiver answers with, one per request; empty = 200. */
const answers: number[] = []

beforeAll(async () => {
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			received.push({ rawBody: Buffer.concat(chunks), signature: req.headers['stripe-signature'] as string | undefined })
			res.statusCode = answers.shift() ?? 200
			res.end()
		})
	})
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/stripe`
	sim = await startStripeSimulator({ accounts: [{ ...ZNOJMO, webhookUrl: receiverUrl }, VESELI], retryDelaysMs: [20, 20] })
})
afterAll(async () => {
	await sim?.stop()
	await new Promise((resolve) => receiver?.close(resolve))
})

const znojmo = () => createStripeClient({ ...ZNOJMO, apiUrl: sim.url })

async function createDogFeeSession(client = znojmo()) {
	return client.checkout.sessions.create({
		mode: 'payment',
		line_items: [
			{ quantity: 1, price_data: { currency: 'czk', unit_amount: 150_000, product_data: { name: 'Poplatek ze psů 2026' } } },
			{ quantity: 2, price_data: { currency: 'czk', unit_amount: 25_050, product_data: { name: 'Známka' } } },
		],
		metadata: { tenant: 'znojmo', paymentId: 'pay_42' },
		success_url: 'https://znojmo.example/platby/navrat?session={CHECKOUT_SESSION_ID}',
		cancel_url: 'https://znojmo.example/platby/zruseno',
		customer_email: 'jana@example.cz',
		locale: 'cs',
		expires_at: Math.floor(Date.now() / 1000) + 3600,
	})
}

/** What the browser does on the hosted page: GET it, then POST the form with the chosen button. */
async function pressOnHostedPage(url: string, action: 'pay' | 'cancel') {
	const page = await fetch(url)
	expect(page.status).toBe(200)
	const html = await page.text()
	const formAction = html.match(/<form method="post" action="([^"]+)"/)![1]
	return fetch(new URL(formAction, url), { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' })
}

async function payAndCollect(sessionId: string, url: string) {
	const before = received.length
	const answer = await pressOnHostedPage(url, 'pay')
	await sim.settleWebhooks()
	return { answer, events: received.slice(before) }
}

describe('Checkout Session in CZK through the official SDK', () => {
	test('is created in haléře with metadata and read back the same, unpaid and open', async () => {
		const session = await createDogFeeSession()
		expect(session).toMatchObject({ object: 'checkout.session', currency: 'czk', amount_total: 200_100, mode: 'payment', status: 'open', payment_status: 'unpaid', payment_intent: null, locale: 'cs', customer_email: 'jana@example.cz' })
		expect(session.metadata).toEqual({ tenant: 'znojmo', paymentId: 'pay_42' })
		expect(session.url).toMatch(new RegExp(`^${sim.url}/c/pay/cs_test_`))
		const again = await znojmo().checkout.sessions.retrieve(session.id)
		expect(again).toMatchObject({ id: session.id, amount_total: 200_100, metadata: { tenant: 'znojmo', paymentId: 'pay_42' } })
		const body = sim.requests.findLast((request) => request.method === 'POST' && request.path === '/checkout/sessions')!.body as Record<string, unknown>
		expect(body).toMatchObject({ line_items: [{ price_data: { currency: 'czk', unit_amount: '150000', product_data: { name: 'Poplatek ze psů 2026' } } }, { quantity: '2' }] })
	})

	test('the hosted page shows the total in Czech crowns and the Pay and Cancel buttons', async () => {
		const session = await createDogFeeSession()
		const html = await (await fetch(session.url!)).text()
		expect(html).toContain('2\u00a0001,00\u00a0Kč')
		expect(html).toMatch(/<html lang="cs">/)
		expect(html).toContain('value="pay"')
		expect(html).toContain('value="cancel"')
	})

	test('Pay completes the session, redirects to success_url with the id, and a signed webhook that verifies arrives', async () => {
		const session = await createDogFeeSession()
		const { answer, events } = await payAndCollect(session.id, session.url!)
		expect(answer.status).toBe(303)
		expect(answer.headers.get('location')).toBe(`https://znojmo.example/platby/navrat?session=${session.id}`)
		const completed = events.map((event) => verifyStripeWebhook({ ...event, webhookSecret: ZNOJMO.webhookSecret })).find((event) => event.type === 'checkout.session.completed')!
		expect(isAllowedStripeEvent(completed.type)).toBe(true)
		const object = completed.data.object as Stripe.Checkout.Session
		expect(object).toMatchObject({ id: session.id, payment_status: 'paid', status: 'complete', metadata: { paymentId: 'pay_42' } })
		// The handler re-fetches rather than trusting the payload; the re-fetch agrees.
		const fetched = await znojmo().checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] })
		expect(fetched.payment_status).toBe('paid')
		expect(fetched.payment_intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount_received: 200_100, currency: 'czk' })
		expect((await znojmo().events.retrieve(completed.id)).id).toBe(completed.id)
		// A second Pay is refused: the session is no longer payable.
		expect((await fetch(session.url!)).status).toBe(410)
	})

	test('Cancel goes back to cancel_url and leaves the session open and unpaid', async () => {
		const session = await createDogFeeSession()
		const answer = await pressOnHostedPage(session.url!, 'cancel')
		expect(answer.headers.get('location')).toBe('https://znojmo.example/platby/zruseno')
		expect(await znojmo().checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', payment_status: 'unpaid' })
	})

	test('expire closes an open session and sends checkout.session.expired; expiring again is a 400', async () => {
		const session = await createDogFeeSession()
		const before = received.length
		expect(await znojmo().checkout.sessions.expire(session.id)).toMatchObject({ status: 'expired', url: null })
		await sim.settleWebhooks()
		expect(received.slice(before).map((event) => verifyStripeWebhook({ ...event, webhookSecret: ZNOJMO.webhookSecret }).type)).toEqual(['checkout.session.expired'])
		await expect(znojmo().checkout.sessions.expire(session.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 })
	})

	test('bad input gets Stripe\'s error shape and nothing is created', async () => {
		const count = sim.requests.length
		await expect(znojmo().checkout.sessions.create({ mode: 'payment', success_url: 'https://x.example/ok', line_items: [] })).rejects.toMatchObject({ statusCode: 400, param: 'line_items' })
		await expect(createStripeClient({ secretKey: 'sk_test_wrong', webhookSecret: 'x', apiUrl: sim.url }).checkout.sessions.retrieve('cs_test_x')).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 })
		expect(sim.requests.length).toBeGreaterThan(count)
	})

	test('another account cannot see the session', async () => {
		const session = await createDogFeeSession()
		const veseli = createStripeClient({ ...VESELI, apiUrl: sim.url })
		await expect(veseli.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
	})

	test('the same Idempotency-Key replays the first answer; other parameters with it are refused', async () => {
		const client = znojmo()
		const params = { mode: 'payment' as const, success_url: 'https://x.example/ok', line_items: [{ quantity: 1, price_data: { currency: 'czk', unit_amount: 5000, product_data: { name: 'A' } } }] }
		const first = await client.checkout.sessions.create(params, { idempotencyKey: 'idem-1' })
		const second = await client.checkout.sessions.create(params, { idempotencyKey: 'idem-1' })
		expect(second.id).toBe(first.id)
		await expect(client.checkout.sessions.create({ ...params, customer_email: 'other@example.cz' }, { idempotencyKey: 'idem-1' })).rejects.toMatchObject({ type: 'StripeIdempotencyError' })
	})
})

describe('verifyStripeWebhook refuses what Stripe did not send', () => {
	async function paidEvent() {
		const session = await createDogFeeSession()
		const { events } = await payAndCollect(session.id, session.url!)
		return events[0]
	}

	test('a body changed after signing', async () => {
		const event = await paidEvent()
		const forged = Buffer.from(event.rawBody.toString('utf8').replace('"paid"', '"unpaid"'))
		expect(() => verifyStripeWebhook({ rawBody: forged, signature: event.signature, webhookSecret: ZNOJMO.webhookSecret })).toThrow(StripeWebhookError)
	})

	test('a missing or malformed signature header', async () => {
		const event = await paidEvent()
		expect(() => verifyStripeWebhook({ rawBody: event.rawBody, signature: undefined, webhookSecret: ZNOJMO.webhookSecret })).toThrow(expect.objectContaining({ reason: 'signature_missing', code: 'stripe_webhook_invalid' }))
		expect(() => verifyStripeWebhook({ rawBody: event.rawBody, signature: 'v1=abc', webhookSecret: ZNOJMO.webhookSecret })).toThrow(expect.objectContaining({ reason: 'signature_invalid' }))
	})

	test('another town\'s secret', async () => {
		const event = await paidEvent()
		expect(() => verifyStripeWebhook({ ...event, webhookSecret: VESELI.webhookSecret })).toThrow(expect.objectContaining({ reason: 'signature_invalid' }))
	})

	test('a correctly signed but old event (replay) outside the tolerance', async () => {
		const event = await paidEvent()
		const payload = event.rawBody.toString('utf8')
		const old = signPayload(payload, ZNOJMO.webhookSecret, Math.floor(Date.now() / 1000) - 600)
		expect(() => verifyStripeWebhook({ rawBody: payload, signature: old, webhookSecret: ZNOJMO.webhookSecret })).toThrow(expect.objectContaining({ reason: 'signature_invalid' }))
		expect(verifyStripeWebhook({ rawBody: payload, signature: old, webhookSecret: ZNOJMO.webhookSecret, toleranceSeconds: 900 }).id).toBeTruthy()
	})

	test('the simulator signs exactly as the SDK\'s test helper does', () => {
		const payload = '{"id":"evt_1","object":"event"}'
		const timestamp = 1_800_000_000
		expect(signPayload(payload, 'whsec_x', timestamp)).toBe(Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_x', timestamp }))
	})
})

describe('webhook delivery', () => {
	test('a receiver answering 500 gets the same event again until it answers 2xx', async () => {
		const session = await createDogFeeSession()
		answers.push(500, 503)
		const { events } = await payAndCollect(session.id, session.url!)
		const ids = events.map((event) => verifyStripeWebhook({ ...event, webhookSecret: ZNOJMO.webhookSecret, toleranceSeconds: 60 }).id)
		const completedId = sim.events(ZNOJMO.secretKey).find((event) => (event.data as { object: { id: string } }).object.id === session.id && event.type === 'checkout.session.completed')!.id
		expect(ids.filter((id) => id === completedId).length).toBeGreaterThanOrEqual(1)
		expect(sim.deliveries.filter((delivery) => delivery.status === 500 || delivery.status === 503)).toHaveLength(2)
		expect(new Set(ids).size).toBeLessThan(ids.length)
	})

	test('resend and duplicate deliver the identical event id again', async () => {
		const event = sim.events(ZNOJMO.secretKey).at(-1)!
		const before = received.length
		await sim.sendDuplicate(event.id)
		await sim.resendEvent(event.id)
		const ids = received.slice(before).map((item) => verifyStripeWebhook({ ...item, webhookSecret: ZNOJMO.webhookSecret }).id)
		expect(ids).toEqual([event.id, event.id, event.id])
	})

	test('a session past expires_at is expired when next read, and checkout.session.expired is sent', async () => {
		const session = await createDogFeeSession()
		const before = received.length
		sim.expireSessionNow(session.id)
		expect(await znojmo().checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired', payment_status: 'unpaid' })
		await sim.settleWebhooks()
		const types = received.slice(before).map((item) => verifyStripeWebhook({ ...item, webhookSecret: ZNOJMO.webhookSecret }).type)
		expect(types).toEqual(['checkout.session.expired'])
		expect((await fetch(session.url!)).status).toBe(410)
	})

	test('a webhook delay holds events back while the redirect already happened', async () => {
		const session = await createDogFeeSession()
		sim.setWebhookDelay(150)
		try {
			const before = received.length
			const answer = await pressOnHostedPage(session.url!, 'pay')
			expect(answer.status).toBe(303)
			expect(received.length).toBe(before)
			await sim.settleWebhooks()
			expect(received.length).toBeGreaterThan(before)
		} finally {
			sim.setWebhookDelay(0)
		}
	})

	test('the HTTP test controls resend an event when the simulator runs on its own', async () => {
		const event = sim.events(ZNOJMO.secretKey).at(-1)!
		const before = received.length
		expect((await fetch(`${sim.url}/_simulator/events/${event.id}/resend`, { method: 'POST' })).status).toBe(204)
		expect(received.slice(before).map((item) => verifyStripeWebhook({ ...item, webhookSecret: ZNOJMO.webhookSecret }).id)).toEqual([event.id])
		expect((await fetch(`${sim.url}/_simulator/events/evt_test_none/resend`, { method: 'POST' })).status).toBe(404)
	})

	test('a hanging API makes the SDK time out instead of waiting forever', async () => {
		sim.setApiHang(true)
		try {
			const client = new Stripe(ZNOJMO.secretKey, { ...sim.sdkOptions, timeout: 300, maxNetworkRetries: 0 })
			await expect(client.checkout.sessions.retrieve('cs_test_any')).rejects.toMatchObject({ type: 'StripeConnectionError' })
		} finally {
			sim.setApiHang(false)
		}
	})
})

describe('refunds', () => {
	async function paidSession() {
		const session = await createDogFeeSession()
		await payAndCollect(session.id, session.url!)
		return znojmo().checkout.sessions.retrieve(session.id)
	}

	test('partial refunds add up; more than what is left is refused and changes nothing', async () => {
		const session = await paidSession()
		const paymentIntent = session.payment_intent as string
		const client = znojmo()
		const first = await client.refunds.create({ payment_intent: paymentIntent, amount: 50_000, reason: 'requested_by_customer' })
		expect(first).toMatchObject({ object: 'refund', amount: 50_000, currency: 'czk', status: 'succeeded', payment_intent: paymentIntent })
		expect((await client.refunds.retrieve(first.id)).amount).toBe(50_000)
		await expect(client.refunds.create({ payment_intent: paymentIntent, amount: 150_101 })).rejects.toMatchObject({ statusCode: 400, param: 'amount' })
		const intent = await client.paymentIntents.retrieve(paymentIntent)
		const charge = await client.charges.retrieve(intent.latest_charge as string)
		expect(charge).toMatchObject({ amount_refunded: 50_000, refunded: false })
		const rest = await client.refunds.create({ payment_intent: paymentIntent })
		expect(rest.amount).toBe(150_100)
		await expect(client.refunds.create({ payment_intent: paymentIntent, amount: 1 })).rejects.toMatchObject({ statusCode: 400, code: 'charge_already_refunded' })
		await sim.settleWebhooks()
		const refundEvents = sim.events(ZNOJMO.secretKey).filter((event) => event.type === 'charge.refunded').slice(-2)
		expect(refundEvents.map((event) => (event.data as { object: { amount_refunded: number; refunded: boolean } }).object)).toMatchObject([
			{ amount_refunded: 50_000, refunded: false },
			{ amount_refunded: 200_100, refunded: true },
		])
	})

	test('a full refund in one go', async () => {
		const session = await paidSession()
		const refund = await znojmo().refunds.create({ payment_intent: session.payment_intent as string })
		expect(refund.amount).toBe(200_100)
	})

	test('another account cannot refund the payment', async () => {
		const session = await paidSession()
		const veseli = createStripeClient({ ...VESELI, apiUrl: sim.url })
		await expect(veseli.refunds.create({ payment_intent: session.payment_intent as string })).rejects.toMatchObject({ statusCode: 404 })
	})
})
