// The official SDK against the Stripe simulator over real HTTP: a CZK Checkout Session is created, paid on the
// hosted page as a browser would, the signed webhook reaches a local receiver and verifyStripeWebhook accepts
// it; forged, stale and other-account webhooks are refused. Delivery and refunds: stripe-delivery-refunds.test.ts.
import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { signPayload } from '../../../../simulators/stripe'
import { createStripeClient } from './create-stripe-client.server'
import { isAllowedStripeEvent } from './allowed-stripe-events'
import { createDogFeeSession, payAndCollect, pressOnHostedPage, useStripeSimulator, VESELI, ZNOJMO } from './stripe-test-fixture'
import { StripeWebhookError, verifyStripeWebhook } from './verify-stripe-webhook.server'

const ctx = useStripeSimulator()

describe('Checkout Session in CZK through the official SDK', () => {
	test('is created in haléře with metadata and read back the same, unpaid and open', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		expect(session).toMatchObject({
			object: 'checkout.session',
			currency: 'czk',
			amount_total: 200_100,
			mode: 'payment',
			status: 'open',
			payment_status: 'unpaid',
			payment_intent: null,
			locale: 'cs',
			customer_email: 'jana@example.cz',
		})
		expect(session.metadata).toEqual({ tenant: 'znojmo', paymentId: 'pay_42' })
		expect(session.url).toMatch(new RegExp(`^${ctx.sim.url}/c/pay/cs_test_`))
		const again = await ctx.znojmo().checkout.sessions.retrieve(session.id)
		expect(again).toMatchObject({ id: session.id, amount_total: 200_100, metadata: { tenant: 'znojmo', paymentId: 'pay_42' } })
		const body = ctx.sim.requests.findLast((request) => request.method === 'POST' && request.path === '/checkout/sessions')!.body as Record<string, unknown>
		expect(body).toMatchObject({
			line_items: [{ price_data: { currency: 'czk', unit_amount: '150000', product_data: { name: 'Poplatek ze psů 2026' } } }, { quantity: '2' }],
		})
	})

	test('the hosted page shows the total in Czech crowns and the Pay and Cancel buttons', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		const html = await (await fetch(session.url!)).text()
		expect(html).toContain('2\u00a0001,00\u00a0Kč')
		expect(html).toMatch(/<html lang="cs">/)
		expect(html).toContain('value="pay"')
		expect(html).toContain('value="cancel"')
	})

	test('Pay completes the session, redirects to success_url with the id, and a signed webhook that verifies arrives', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		const { answer, events } = await payAndCollect(ctx, session.url!)
		expect(answer.status).toBe(303)
		expect(answer.headers.get('location')).toBe(`https://znojmo.example/platby/navrat?session=${session.id}`)
		const completed = events
			.map((event) => verifyStripeWebhook({ ...event, webhookSecret: ZNOJMO.webhookSecret }))
			.find((event) => event.type === 'checkout.session.completed')!
		expect(isAllowedStripeEvent(completed.type)).toBe(true)
		const object = completed.data.object as Stripe.Checkout.Session
		expect(object).toMatchObject({ id: session.id, payment_status: 'paid', status: 'complete', metadata: { paymentId: 'pay_42' } })
		// The handler re-fetches rather than trusting the payload; the re-fetch agrees.
		const fetched = await ctx.znojmo().checkout.sessions.retrieve(session.id, { expand: ['payment_intent'] })
		expect(fetched.payment_status).toBe('paid')
		expect(fetched.payment_intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount_received: 200_100, currency: 'czk' })
		expect((await ctx.znojmo().events.retrieve(completed.id)).id).toBe(completed.id)
		// A second Pay is refused: the session is no longer payable.
		expect((await fetch(session.url!)).status).toBe(410)
	})

	test('Cancel goes back to cancel_url and leaves the session open and unpaid', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		const answer = await pressOnHostedPage(session.url!, 'cancel')
		expect(answer.headers.get('location')).toBe('https://znojmo.example/platby/zruseno')
		expect(await ctx.znojmo().checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'open', payment_status: 'unpaid' })
	})

	test('expire closes an open session and sends checkout.session.expired; expiring again is a 400', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		const before = ctx.received.length
		expect(await ctx.znojmo().checkout.sessions.expire(session.id)).toMatchObject({ status: 'expired', url: null })
		await ctx.sim.settleWebhooks()
		expect(ctx.received.slice(before).map((event) => verifyStripeWebhook({ ...event, webhookSecret: ZNOJMO.webhookSecret }).type)).toEqual([
			'checkout.session.expired',
		])
		await expect(ctx.znojmo().checkout.sessions.expire(session.id)).rejects.toMatchObject({ type: 'StripeInvalidRequestError', statusCode: 400 })
	})

	test("bad input gets Stripe's error shape and nothing is created", async () => {
		const count = ctx.sim.requests.length
		await expect(ctx.znojmo().checkout.sessions.create({ mode: 'payment', success_url: 'https://x.example/ok', line_items: [] })).rejects.toMatchObject({
			statusCode: 400,
			param: 'line_items',
		})
		await expect(
			createStripeClient({ secretKey: 'sk_test_wrong', webhookSecret: 'x', apiUrl: ctx.sim.url }).checkout.sessions.retrieve('cs_test_x'),
		).rejects.toMatchObject({ type: 'StripeAuthenticationError', statusCode: 401 })
		expect(ctx.sim.requests.length).toBeGreaterThan(count)
	})

	test('another account cannot see the session', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		const veseli = ctx.veseli()
		await expect(veseli.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' })
	})

	test('the same Idempotency-Key replays the first answer; other parameters with it are refused', async () => {
		const client = ctx.znojmo()
		const params = {
			mode: 'payment' as const,
			success_url: 'https://x.example/ok',
			line_items: [{ quantity: 1, price_data: { currency: 'czk', unit_amount: 5000, product_data: { name: 'A' } } }],
		}
		const first = await client.checkout.sessions.create(params, { idempotencyKey: 'idem-1' })
		const second = await client.checkout.sessions.create(params, { idempotencyKey: 'idem-1' })
		expect(second.id).toBe(first.id)
		await expect(client.checkout.sessions.create({ ...params, customer_email: 'other@example.cz' }, { idempotencyKey: 'idem-1' })).rejects.toMatchObject({
			type: 'StripeIdempotencyError',
		})
	})
})

describe('verifyStripeWebhook refuses what Stripe did not send', () => {
	async function paidEvent() {
		const session = await createDogFeeSession(ctx.znojmo())
		const { events } = await payAndCollect(ctx, session.url!)
		return events[0]
	}

	test('a body changed after signing', async () => {
		const event = await paidEvent()
		const forged = Buffer.from(event.rawBody.toString('utf8').replace('"paid"', '"unpaid"'))
		expect(() => verifyStripeWebhook({ rawBody: forged, signature: event.signature, webhookSecret: ZNOJMO.webhookSecret })).toThrow(StripeWebhookError)
	})

	test('a missing or malformed signature header', async () => {
		const event = await paidEvent()
		expect(() => verifyStripeWebhook({ rawBody: event.rawBody, signature: undefined, webhookSecret: ZNOJMO.webhookSecret })).toThrow(
			expect.objectContaining({ reason: 'signature_missing', code: 'stripe_webhook_invalid' }),
		)
		expect(() => verifyStripeWebhook({ rawBody: event.rawBody, signature: 'v1=abc', webhookSecret: ZNOJMO.webhookSecret })).toThrow(
			expect.objectContaining({ reason: 'signature_invalid' }),
		)
	})

	test("another town's secret", async () => {
		const event = await paidEvent()
		expect(() => verifyStripeWebhook({ ...event, webhookSecret: VESELI.webhookSecret })).toThrow(expect.objectContaining({ reason: 'signature_invalid' }))
	})

	test('a correctly signed but old event (replay) outside the tolerance', async () => {
		const event = await paidEvent()
		const payload = event.rawBody.toString('utf8')
		const old = signPayload(payload, ZNOJMO.webhookSecret, Math.floor(Date.now() / 1000) - 600)
		expect(() => verifyStripeWebhook({ rawBody: payload, signature: old, webhookSecret: ZNOJMO.webhookSecret })).toThrow(
			expect.objectContaining({ reason: 'signature_invalid' }),
		)
		expect(verifyStripeWebhook({ rawBody: payload, signature: old, webhookSecret: ZNOJMO.webhookSecret, toleranceSeconds: 900 }).id).toBeTruthy()
	})

	test("the simulator signs exactly as the SDK's test helper does", () => {
		const payload = '{"id":"evt_1","object":"event"}'
		const timestamp = 1_800_000_000
		expect(signPayload(payload, 'whsec_x', timestamp)).toBe(Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_x', timestamp }))
	})
})
