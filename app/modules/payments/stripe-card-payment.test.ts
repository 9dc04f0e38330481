import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { signPayload, startStripeSimulator, type StripeSimulator } from '../../../simulators/stripe'
import type { TenantDb } from '../db/tenant-db.server'
import { paymentTown, wasteClaim } from './card-payment-test-fixture'
import { setGatewayCredential } from './gateway-credentials.server'
import { receiveStripeWebhook } from './receive-stripe-webhook.server'
import { cancelStripePayment } from './cancel-card-payment.server'
import { getMyPayment } from './get-my-payment.server'
import { paymentReceiptPdf } from './render-payment-receipt-pdf.server'
import { RefundError, refundPayment } from './refund-payment.server'
import { startCardPayment } from './start-card-payment.server'
import { getTownProfile } from '../tenancy/town-profile.server'
import { pdfText } from '../../../tests/pdf-text'
import { claimsCsv } from '../claims/claims-csv.server'
import { readClaimFilters } from '../claims/claim-filters'
import { paymentsCsv } from './list-payments.server'
import { readPaymentFilters } from './payment-filters'

const ZNOJMO = { secretKey: 'sk_test_znojmo_pay', webhookSecret: 'whsec_znojmo_pay' }
const OTHER = { secretKey: 'sk_test_other_pay', webhookSecret: 'whsec_other_pay' }
const znojmo = await paymentTown('stripe-town', {
	contact: { address: 'Obroková 1/12, 669 02 Znojmo', email: 'podatelna@stripe-town.example', phone: '+420 515 216 111', ico: '00293881' },
})
const other = await paymentTown('stripe-other')
let sim: StripeSimulator
let server: Server
const received: { body: string; signature: string | undefined; answer: number }[] = []

// The webhook endpoint as the route runs it: the raw body and the signature header of THIS town.
function webhookEndpoint(db: TenantDb) {
	return (rawBody: string, signature: string | undefined) => receiveStripeWebhook({ db, rawBody, signature })
}

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = []
		req.on('data', (chunk: Buffer) => chunks.push(chunk))
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8')
			const signature = req.headers['stripe-signature'] as string | undefined
			const db = req.url?.includes('other') ? other.db : znojmo.db
			void webhookEndpoint(db)(body, signature).then((answer) => {
				received.push({ body, signature, answer: answer.status })
				res.statusCode = answer.status
				res.end(JSON.stringify(answer.body))
			})
		})
	})
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	sim = await startStripeSimulator({
		accounts: [
			{ ...ZNOJMO, webhookUrl: `${base}/znojmo` },
			{ ...OTHER, webhookUrl: `${base}/other` },
		],
		retryDelaysMs: [20, 20],
	})
	await setGatewayCredential({ db: znojmo.db, provider: 'stripe', values: { ...ZNOJMO, apiUrl: sim.url }, actor: 'test' })
	await setGatewayCredential({ db: other.db, provider: 'stripe', values: { ...OTHER, apiUrl: sim.url }, actor: 'test' })
})
afterAll(async () => {
	await sim.stop()
	await new Promise((resolve) => server.close(resolve))
})

async function payDogFee() {
	const claim = await wasteClaim(znojmo.db, znojmo.resident.id, { discountUntil: null, amount: 150_000 })
	const { paymentId, redirectUrl } = await startCardPayment({
		db: znojmo.db,
		ability: znojmo.citizen,
		personId: znojmo.person.id,
		claimIds: [claim.id],
		provider: 'stripe',
		locale: 'cs',
		townSlug: 'stripe-town',
		origin: 'https://znojmo.example',
		description: 'Platba',
	})
	return { claim, paymentId, redirectUrl }
}

async function state(db: TenantDb, paymentId: string, claimId: string) {
	const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } })
	const claim = await db.claim.findUniqueOrThrow({ where: { id: claimId }, include: { events: true } })
	return { payment: payment.state, paid: claim.paidAmount, status: claim.status, credits: claim.events.filter((e) => e.kind === 'payment').length }
}

describe('Stripe card payment', () => {
	test('Checkout Session in CZK with town and payment id in metadata; paying credits the claim once at full price through the signed webhook', async () => {
		const { claim, paymentId, redirectUrl } = await payDogFee()
		const payment = await znojmo.db.payment.findUniqueOrThrow({ where: { id: paymentId } })
		const stripe = (await import('./stripe')).createStripeClient({ ...ZNOJMO, apiUrl: sim.url })
		const session = await stripe.checkout.sessions.retrieve(payment.providerPaymentId!)
		expect(session).toMatchObject({
			currency: 'czk',
			amount_total: 150_000,
			metadata: { tenant: 'stripe-town', paymentId },
			success_url: 'https://znojmo.example/platby/stripe/navrat?session={CHECKOUT_SESSION_ID}',
		})
		const answer = await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
		expect(answer.headers.get('location')).toBe(`https://znojmo.example/platby/stripe/navrat?session=${session.id}`)
		await sim.settleWebhooks()
		expect(await state(znojmo.db, paymentId, claim.id)).toEqual({ payment: 'paid', paid: 150_000, status: 'paid', credits: 1 })
	})

	test("forged webhooks change nothing: a changed body, another town's secret, an old signature, a replay, a duplicate", async () => {
		const { claim, paymentId, redirectUrl } = await payDogFee()
		sim.setWebhookUrl(ZNOJMO.secretKey, 'http://127.0.0.1:9/nowhere') // the genuine delivery never arrives
		try {
			await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
			await sim.settleWebhooks()
		} finally {
			sim.setWebhookUrl(ZNOJMO.secretKey, `http://127.0.0.1:${(server.address() as AddressInfo).port}/znojmo`)
		}
		const completed = sim.events(ZNOJMO.secretKey).findLast((event) => event.type === 'checkout.session.completed')!
		const payload = JSON.stringify(completed, null, 2)
		const endpoint = webhookEndpoint(znojmo.db)
		const before = await state(znojmo.db, paymentId, claim.id)
		expect(before).toMatchObject({ payment: 'pending', credits: 0 })

		expect(await endpoint(payload.replace('"paid"', '"unpaid"'), signPayload(payload, ZNOJMO.webhookSecret))).toMatchObject({
			status: 400,
			body: { outcome: 'signature_invalid' },
		})
		expect(await endpoint(payload, signPayload(payload, OTHER.webhookSecret))).toMatchObject({ status: 400 })
		expect(await endpoint(payload, signPayload(payload, ZNOJMO.webhookSecret, Math.floor(Date.now() / 1000) - 600))).toMatchObject({ status: 400 })
		expect(await endpoint(payload, undefined)).toMatchObject({ status: 400, body: { outcome: 'signature_missing' } })
		// Znojmo's genuine event sent to the other town's endpoint: refused there.
		expect(await webhookEndpoint(other.db)(payload, signPayload(payload, ZNOJMO.webhookSecret))).toMatchObject({ status: 400 })
		expect(await state(znojmo.db, paymentId, claim.id)).toEqual(before)

		// The genuine event, then the same event replayed (fresh signature) and sent twice at once: credited once.
		expect(await endpoint(payload, signPayload(payload, ZNOJMO.webhookSecret))).toMatchObject({ status: 200, body: { outcome: 'credited' } })
		const again = await Promise.all([
			endpoint(payload, signPayload(payload, ZNOJMO.webhookSecret)),
			endpoint(payload, signPayload(payload, ZNOJMO.webhookSecret)),
		])
		expect(again.map((a) => a.body.outcome)).toEqual(['duplicate', 'duplicate'])
		await sim.resendEvent(completed.id)
		await sim.settleWebhooks()
		expect(await state(znojmo.db, paymentId, claim.id)).toEqual({ payment: 'paid', paid: 150_000, status: 'paid', credits: 1 })
	})

	test('a forged "completed" event for an unpaid session, signed with the right secret, is checked against Stripe and changes nothing', async () => {
		const { claim, paymentId } = await payDogFee()
		const payment = await znojmo.db.payment.findUniqueOrThrow({ where: { id: paymentId } })
		const fake = JSON.stringify({
			id: 'evt_forged_1',
			object: 'event',
			type: 'checkout.session.completed',
			data: { object: { id: payment.providerPaymentId, object: 'checkout.session', payment_status: 'paid', amount_total: 150_000 } },
		})
		expect(await webhookEndpoint(znojmo.db)(fake, signPayload(fake, ZNOJMO.webhookSecret))).toMatchObject({ status: 200, body: { outcome: 'unchanged' } })
		expect(await state(znojmo.db, paymentId, claim.id)).toMatchObject({ payment: 'pending', credits: 0, status: 'open' })
	})

	test('events outside the allow-list are answered 200 and ignored', async () => {
		const body = JSON.stringify({ id: 'evt_other_1', object: 'event', type: 'customer.created', data: { object: { id: 'cus_1' } } })
		expect(await webhookEndpoint(znojmo.db)(body, signPayload(body, ZNOJMO.webhookSecret))).toMatchObject({ status: 200, body: { outcome: 'ignored' } })
	})

	test("Cancel on Stripe's page: the session is expired at Stripe and the payment cancelled; the claim stays open and the page cannot be paid any more", async () => {
		const { claim, paymentId, redirectUrl } = await payDogFee()
		const answer = await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }), redirect: 'manual' })
		expect(answer.headers.get('location')).toBe(`https://znojmo.example/platby/stripe/navrat?payment=${paymentId}&cancel=1`)
		const payment = await znojmo.db.payment.findUniqueOrThrow({ where: { id: paymentId } })
		expect(await cancelStripePayment({ db: znojmo.db, providerPaymentId: payment.providerPaymentId! })).toMatchObject({ outcome: 'closed' })
		expect(await state(znojmo.db, paymentId, claim.id)).toEqual({ payment: 'cancelled', paid: 0, status: 'open', credits: 0 })
		expect((await fetch(redirectUrl)).status).toBe(410)
	})

	test('the receipt PDF names the town (coat of arms, IČO), carries a human receipt number, the fee and year; no ISO date, no UUID', async () => {
		const profile = await getTownProfile({ ...znojmo.tenant, name: 'stripe-town', status: 'active', primaryHost: 'stripe-town.test' })
		const { claim, paymentId, redirectUrl } = await payDogFee()
		await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
		await sim.settleWebhooks()
		const payment = await getMyPayment({ db: znojmo.db, ability: znojmo.citizen, paymentId })
		expect(payment?.state).toBe('paid')
		const first = await paymentReceiptPdf({ db: znojmo.db, townSlug: 'stripe-town', profile, locale: 'cs', payment: payment! })
		expect(first.receiptNumber).toMatch(/^STR-PP-20\d\d-\d{6}$/)
		const text = pdfText(first.pdf).replace(/\s+/g, ' ')
		expect(text).toContain('Obec stripe-town')
		expect(text).toContain('IČO: 00293881')
		expect(text).toContain(`Číslo potvrzení: ${first.receiptNumber}`)
		expect(text).toContain('Poplatek za odpad 2026')
		expect(text).toContain(claim.variableSymbol)
		expect(text).toMatch(/Celkem uhrazeno: 1\s500,00\sKč/)
		expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
		expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i)
		expect(text).not.toContain(paymentId)
		// The coat of arms is drawn as an image.
		expect(first.pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/)
		// The same number every time the receipt is made; in Ukrainian too; the next payment takes the next number.
		const again = await paymentReceiptPdf({ db: znojmo.db, townSlug: 'stripe-town', profile, locale: 'uk', payment: payment! })
		expect(again.receiptNumber).toBe(first.receiptNumber)
		expect(pdfText(again.pdf).replace(/\s+/g, ' ')).toContain(`Номер підтвердження: ${first.receiptNumber}`)
		const second = await payDogFee()
		await fetch(second.redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
		await sim.settleWebhooks()
		const secondPayment = await getMyPayment({ db: znojmo.db, ability: znojmo.citizen, paymentId: second.paymentId })
		const next = await paymentReceiptPdf({ db: znojmo.db, townSlug: 'stripe-town', profile, locale: 'cs', payment: secondPayment! })
		expect(Number(next.receiptNumber.slice(-6))).toBe(Number(first.receiptNumber.slice(-6)) + 1)
		// Another citizen cannot fetch it.
		expect(await getMyPayment({ db: znojmo.db, ability: other.citizen, paymentId })).toBeNull()
	})

	test("the clerk's payments and claims exports (CSV) carry Czech dates, names and numbers: no ISO date, no UUID", async () => {
		const { claim, paymentId, redirectUrl } = await payDogFee()
		await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
		await sim.settleWebhooks()
		const collect = async (rows: AsyncIterable<string>) => {
			let text = ''
			for await (const chunk of rows) text += chunk
			return text
		}
		const url = new URL('https://stripe-town.test/urad/platby.csv')
		const payments = await collect(paymentsCsv({ db: znojmo.db, ability: znojmo.clerkAbility, filters: readPaymentFilters(url), locale: 'cs' }))
		const claims = await collect(claimsCsv({ db: znojmo.db, ability: znojmo.clerkAbility, filters: readClaimFilters(url), locale: 'cs' }))
		expect(payments).toContain(claim.variableSymbol)
		expect(payments).toContain('Petr Svoboda')
		expect(payments).toMatch(/\d{1,2}\. \d{1,2}\. 20\d\d \d{1,2}:\d{2}/)
		expect(claims).toContain(claim.variableSymbol)
		expect(claims).toContain('Poplatek za odpad 2026')
		for (const text of [payments, claims]) {
			expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
			expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i)
			expect(text).not.toContain(paymentId)
		}
	})

	test('a clerk refunds part, then the rest, through Stripe: never more than refundable, the claim follows', async () => {
		const { claim, paymentId, redirectUrl } = await payDogFee()
		await fetch(redirectUrl, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' })
		await sim.settleWebhooks()
		const refund = (amount: number) =>
			refundPayment({ db: znojmo.db, ability: znojmo.clerkAbility, paymentId, amount, reason: 'Pes odhlášen', staffId: znojmo.clerk.id })
		await refund(50_000)
		expect(await znojmo.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'partly_paid', paidAmount: 100_000 })
		await expect(refund(100_001)).rejects.toBeInstanceOf(RefundError)
		await refund(100_000)
		expect(await znojmo.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ state: 'refunded', refundedAmount: 150_000 })
		expect(await znojmo.db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({ status: 'open', paidAmount: 0 })
		// What Stripe itself holds: the two refunds we recorded, succeeded, for the session's PaymentIntent.
		const stripe = (await import('./stripe')).createStripeClient({ ...ZNOJMO, apiUrl: sim.url })
		const session = await stripe.checkout.sessions.retrieve((await znojmo.db.payment.findUniqueOrThrow({ where: { id: paymentId } })).providerPaymentId!)
		const recorded = await znojmo.db.refund.findMany({ where: { paymentId }, orderBy: { createdAt: 'asc' } })
		expect(recorded.map((r) => [r.amount, r.state])).toEqual([
			[50_000, 'succeeded'],
			[100_000, 'succeeded'],
		])
		const atStripe = await Promise.all(recorded.map((r) => stripe.refunds.retrieve(r.providerRefundId!)))
		expect(atStripe.map((r) => [r.amount, r.status, r.payment_intent])).toEqual([
			[50_000, 'succeeded', session.payment_intent],
			[100_000, 'succeeded', session.payment_intent],
		])
	})
})
