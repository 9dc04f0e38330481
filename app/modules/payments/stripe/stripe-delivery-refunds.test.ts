// Webhook delivery (retries, resend, duplicates, delay, expiry, a hanging API) and refunds (partial, full,
// never more than refundable, not from another account), all through the official SDK over real HTTP.
import Stripe from 'stripe'
import { describe, expect, test } from 'vitest'
import { createDogFeeSession, payAndCollect, pressOnHostedPage, useStripeSimulator, ZNOJMO } from './stripe-test-fixture'
import { verifyStripeWebhook } from './verify-stripe-webhook.server'

const ctx = useStripeSimulator()

describe('webhook delivery', () => {
	test('a receiver answering 500 gets the same event again until it answers 2xx', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		ctx.answers.push(500, 503)
		const { events } = await payAndCollect(ctx, session.url!)
		const ids = events.map((event) => verifyStripeWebhook({ ...event, webhookSecret: ZNOJMO.webhookSecret, toleranceSeconds: 60 }).id)
		const completedId = ctx.sim
			.events(ZNOJMO.secretKey)
			.find((event) => (event.data as { object: { id: string } }).object.id === session.id && event.type === 'checkout.session.completed')!.id
		expect(ids.filter((id) => id === completedId).length).toBeGreaterThanOrEqual(1)
		expect(ctx.sim.deliveries.filter((delivery) => delivery.status === 500 || delivery.status === 503)).toHaveLength(2)
		expect(new Set(ids).size).toBeLessThan(ids.length)
	})

	test('resend and duplicate deliver the identical event id again', async () => {
		const event = ctx.sim.events(ZNOJMO.secretKey).at(-1)!
		const before = ctx.received.length
		await ctx.sim.sendDuplicate(event.id)
		await ctx.sim.resendEvent(event.id)
		const ids = ctx.received.slice(before).map((item) => verifyStripeWebhook({ ...item, webhookSecret: ZNOJMO.webhookSecret }).id)
		expect(ids).toEqual([event.id, event.id, event.id])
	})

	test('a session past expires_at is expired when next read, and checkout.session.expired is sent', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		const before = ctx.received.length
		ctx.sim.expireSessionNow(session.id)
		expect(await ctx.znojmo().checkout.sessions.retrieve(session.id)).toMatchObject({ status: 'expired', payment_status: 'unpaid' })
		await ctx.sim.settleWebhooks()
		const types = ctx.received.slice(before).map((item) => verifyStripeWebhook({ ...item, webhookSecret: ZNOJMO.webhookSecret }).type)
		expect(types).toEqual(['checkout.session.expired'])
		expect((await fetch(session.url!)).status).toBe(410)
	})

	test('a webhook delay holds events back while the redirect already happened', async () => {
		const session = await createDogFeeSession(ctx.znojmo())
		ctx.sim.setWebhookDelay(150)
		try {
			const before = ctx.received.length
			const answer = await pressOnHostedPage(session.url!, 'pay')
			expect(answer.status).toBe(303)
			expect(ctx.received.length).toBe(before)
			await ctx.sim.settleWebhooks()
			expect(ctx.received.length).toBeGreaterThan(before)
		} finally {
			ctx.sim.setWebhookDelay(0)
		}
	})

	test('the HTTP test controls resend an event when the simulator runs on its own', async () => {
		const event = ctx.sim.events(ZNOJMO.secretKey).at(-1)!
		const before = ctx.received.length
		expect((await fetch(`${ctx.sim.url}/_simulator/events/${event.id}/resend`, { method: 'POST' })).status).toBe(204)
		expect(ctx.received.slice(before).map((item) => verifyStripeWebhook({ ...item, webhookSecret: ZNOJMO.webhookSecret }).id)).toEqual([event.id])
		expect((await fetch(`${ctx.sim.url}/_simulator/events/evt_test_none/resend`, { method: 'POST' })).status).toBe(404)
	})

	test('a hanging API makes the SDK time out instead of waiting forever', async () => {
		ctx.sim.setApiHang(true)
		try {
			const client = new Stripe(ZNOJMO.secretKey, { ...ctx.sim.sdkOptions, timeout: 300, maxNetworkRetries: 0 })
			await expect(client.checkout.sessions.retrieve('cs_test_any')).rejects.toMatchObject({ type: 'StripeConnectionError' })
		} finally {
			ctx.sim.setApiHang(false)
		}
	})
})

describe('refunds', () => {
	async function paidSession() {
		const session = await createDogFeeSession(ctx.znojmo())
		await payAndCollect(ctx, session.url!)
		return ctx.znojmo().checkout.sessions.retrieve(session.id)
	}

	test('partial refunds add up; more than what is left is refused and changes nothing', async () => {
		const session = await paidSession()
		const paymentIntent = session.payment_intent as string
		const client = ctx.znojmo()
		const first = await client.refunds.create({ payment_intent: paymentIntent, amount: 50_000, reason: 'requested_by_customer' })
		expect(first).toMatchObject({ object: 'refund', amount: 50_000, currency: 'czk', status: 'succeeded', payment_intent: paymentIntent })
		expect((await client.refunds.retrieve(first.id)).amount).toBe(50_000)
		await expect(client.refunds.create({ payment_intent: paymentIntent, amount: 150_101 })).rejects.toMatchObject({ statusCode: 400, param: 'amount' })
		const intent = await client.paymentIntents.retrieve(paymentIntent)
		const charge = await client.charges.retrieve(intent.latest_charge as string)
		expect(charge).toMatchObject({ amount_refunded: 50_000, refunded: false })
		const rest = await client.refunds.create({ payment_intent: paymentIntent })
		expect(rest.amount).toBe(150_100)
		await expect(client.refunds.create({ payment_intent: paymentIntent, amount: 1 })).rejects.toMatchObject({
			statusCode: 400,
			code: 'charge_already_refunded',
		})
		await ctx.sim.settleWebhooks()
		const refundEvents = ctx.sim
			.events(ZNOJMO.secretKey)
			.filter((event) => event.type === 'charge.refunded')
			.slice(-2)
		expect(refundEvents.map((event) => (event.data as { object: { amount_refunded: number; refunded: boolean } }).object)).toMatchObject([
			{ amount_refunded: 50_000, refunded: false },
			{ amount_refunded: 200_100, refunded: true },
		])
	})

	test('a full refund in one go', async () => {
		const session = await paidSession()
		const refund = await ctx.znojmo().refunds.create({ payment_intent: session.payment_intent as string })
		expect(refund.amount).toBe(200_100)
	})

	test('another account cannot refund the payment', async () => {
		const session = await paidSession()
		const veseli = ctx.veseli()
		await expect(veseli.refunds.create({ payment_intent: session.payment_intent as string })).rejects.toMatchObject({ statusCode: 404 })
	})
})
