// Shared set-up for the Stripe tests: the simulator with two town accounts, a local webhook receiver that keeps
// raw bodies and signatures, and the steps a browser takes on the hosted page.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type Stripe from 'stripe'
import { afterAll, beforeAll, expect } from 'vitest'
import { startStripeSimulator, type StripeSimulator } from '../../../../simulators/stripe'
import { createStripeClient } from './create-stripe-client.server'

export const ZNOJMO = { secretKey: 'sk_test_znojmo_0001', webhookSecret: 'whsec_znojmo_secret' }
export const VESELI = { secretKey: 'sk_test_veseli_0002', webhookSecret: 'whsec_veseli_secret' }

export type Received = { rawBody: Buffer; signature: string | undefined }

export interface StripeTestContext {
	sim: StripeSimulator
	received: Received[]
	/** Statuses the receiver answers with, one per request; empty = 200. */
	answers: number[]
	znojmo(): Stripe
	veseli(): Stripe
}

/** Registers beforeAll/afterAll; the returned context is filled in before the first test runs. */
export function useStripeSimulator(): StripeTestContext {
	let receiver: http.Server
	const ctx = {
		received: [],
		answers: [],
		znojmo: () => createStripeClient({ ...ZNOJMO, apiUrl: ctx.sim.url }),
		veseli: () => createStripeClient({ ...VESELI, apiUrl: ctx.sim.url }),
	} as unknown as StripeTestContext
	beforeAll(async () => {
		receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = []
			req.on('data', (chunk: Buffer) => chunks.push(chunk))
			req.on('end', () => {
				ctx.received.push({ rawBody: Buffer.concat(chunks), signature: req.headers['stripe-signature'] as string | undefined })
				res.statusCode = ctx.answers.shift() ?? 200
				res.end()
			})
		})
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
		const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/stripe`
		ctx.sim = await startStripeSimulator({ accounts: [{ ...ZNOJMO, webhookUrl: receiverUrl }, VESELI], retryDelaysMs: [20, 20] })
	})
	afterAll(async () => {
		await ctx.sim?.stop()
		await new Promise((resolve) => receiver?.close(resolve))
	})
	return ctx
}

export function createDogFeeSession(client: Stripe) {
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
export async function pressOnHostedPage(url: string, action: 'pay' | 'cancel') {
	const page = await fetch(url)
	expect(page.status).toBe(200)
	const html = await page.text()
	const formAction = html.match(/<form method="post" action="([^"]+)"/)![1]
	return fetch(new URL(formAction, url), { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' })
}

/** Pays on the hosted page and returns the redirect and the webhooks that arrived for it. */
export async function payAndCollect(ctx: StripeTestContext, url: string) {
	const before = ctx.received.length
	const answer = await pressOnHostedPage(url, 'pay')
	await ctx.sim.settleWebhooks()
	return { answer, events: ctx.received.slice(before) }
}
