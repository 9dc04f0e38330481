// Issue 11, items 2 and 3: one rule for what is owed today (claimBalance), in Prague calendar days,
// used by the claim list, the QR and card payments, crediting and the page; and a claim never offers
// a payment of 0 Kč.
import { describe, expect, test } from 'vitest'
import { generateGpc } from '../bank-statements/generate-gpc'
import { importStatement } from '../bank-statements/import-statement.server'
import { pragueToday } from '../dates/prague-date'
import { applyProviderStatus } from '../payments/apply-provider-status.server'
import { paymentTown, wasteClaim } from '../payments/card-payment-test-fixture'
import { claimMoneyNote } from '../payments/claim-money-note'
import { listMyClaims } from '../payments/list-my-claims.server'
import { createOrReuseQrPayment } from '../payments/qr-payment.server'
import { QrPaymentError } from '../payments/qr-payment-error'
import { quoteCardPayment } from '../payments/quote-card-payment.server'
import { claimBalance, type BalanceClaim } from './claim-balance'

const slug = 'balance-town'
const town = await paymentTown(slug)
const { db } = town
let movement = 0
let gateway = 6_200_000_000

const transfer = (vs: string, amount: number, date: string) =>
	importStatement({
		tenant: town.tenant,
		bytes: generateGpc({ account: '1778900100', movements: [{ vs, amount, date, id: String(++movement) }] }),
		fileName: `v-${movement}.gpc`,
		actor: 'test',
	})
const quote = (claimId: string, now: Date) => quoteCardPayment({ db, ability: town.citizen, claimIds: [claimId], locale: 'cs', now })
const qr = (claimId: string, now: Date) => createOrReuseQrPayment({ db, slug, ability: town.citizen, personId: town.person.id, claimIds: [claimId], now })
const listed = async (claimId: string, now: Date) =>
	(await listMyClaims({ db, ability: town.citizen, personId: town.person.id, page: 1, now })).claims.find((c) => c.id === claimId)!
const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => 'accepted',
		(error: unknown) => (error instanceof QrPaymentError ? error.code : (error as Error).message),
	)

/** A card payment started at `startedAt` for what the quote said, then confirmed by the gateway. */
async function payByCard(claimId: string, startedAt: Date) {
	const q = await quote(claimId, startedAt)
	const id = String(++gateway)
	await db.payment.create({
		data: {
			method: 'gopay',
			state: 'pending',
			amount: q.toPay,
			personId: town.person.id,
			providerPaymentId: id,
			discountUntil: q.discountUntil,
			createdAt: startedAt,
			items: { create: [{ claimId, amount: 0 }] },
		},
	})
	await applyProviderStatus({ db, provider: 'gopay', providerPaymentId: id, status: { state: 'paid', amount: q.toPay, raw: 'PAID' }, source: 'notification' })
	return db.claim.findUniqueOrThrow({ where: { id: claimId } })
}

describe('issue 11.2', () => {
	test("11.2 zero amount offered: after the discounted amount is paid by a plain transfer with the claim's own VS, the rest is owed in full and nothing offers 0 Kč; once paid the claim says it is settled", async () => {
		const claim = await wasteClaim(db, town.resident.id)
		const now = new Date()
		const today = pragueToday(now)
		expect(await transfer(claim.variableSymbol, 57_600, today)).toMatchObject({ ok: true, summary: { matched: 1, partly: 1 } })
		const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id } })
		expect(after).toMatchObject({ status: 'partly_paid', paidAmount: 57_600, discountGranted: 0 })

		// The claim's own VS carried no discount (decision 007), and a portal payment of nothing cannot earn one.
		const balance = claimBalance(after, today)
		expect(balance).toMatchObject({ remaining: 14_400, discountAvailable: 0, payableNow: 14_400, isPayable: true, discountLost: 'paid_outside_portal' })
		expect(claimMoneyNote(after, balance)).toBe('discountPaidOutside')
		expect(await listed(claim.id, now)).toMatchObject({ isPayable: true, toPay: 14_400, discount: 0 })
		expect(await quote(claim.id, now)).toMatchObject({ toPay: 14_400, discount: 0, discountUntil: null })
		const payment = await qr(claim.id, now)
		expect(payment.amount).toBe(14_400)

		// Paying the rest through the portal settles it: nothing is offered any more, and the page says so.
		expect(await transfer(payment.variableSymbol, 14_400, today)).toMatchObject({ ok: true, summary: { matched: 1, paid: 1 } })
		const settled = await db.claim.findUniqueOrThrow({ where: { id: claim.id } })
		expect(settled).toMatchObject({ status: 'paid', paidAmount: 72_000, discountGranted: 0 })
		expect(claimBalance(settled, today)).toMatchObject({ payableNow: 0, isPayable: false, isSettled: true })
		expect(claimMoneyNote(settled, claimBalance(settled, today))).toBe('settled')
		expect(await listed(claim.id, now)).toMatchObject({ isPayable: false, toPay: 0 })
		expect(await refusal(quote(claim.id, now))).toBe('claim_not_payable')
		expect(await refusal(qr(claim.id, now))).toBe('claim_not_payable')
	})

	test('11.2 zero amount offered: no combination of payments and days makes a claim payable for 0 Kč', () => {
		const days = ['2027-05-30', '2027-05-31', '2027-06-01']
		for (const paidAmount of [0, 1, 28_800, 57_599, 57_600, 57_601, 71_999, 72_000, 80_000])
			for (const discountGranted of [0, 14_400])
				for (const status of ['open', 'partly_paid', 'paid', 'overpaid', 'cancelled'])
					for (const day of days) {
						const claim: BalanceClaim = {
							status,
							amount: 72_000,
							paidAmount,
							discountGranted,
							discountAmount: 14_400,
							discountUntil: new Date('2027-05-31'),
							dueDate: new Date('2027-05-31'),
						}
						const balance = claimBalance(claim, day)
						// A discount is offered only with money to send for it, and payable means something to pay.
						if (balance.discountAvailable > 0) expect(balance.payableNow, JSON.stringify({ claim, day })).toBeGreaterThan(0)
						expect(balance.isPayable).toBe(balance.payableNow > 0)
						expect(balance.payableNow + balance.discountAvailable).toBe(balance.isPayable ? balance.remaining : 0)
					}
	})
})

describe('issue 11.3', () => {
	// 31 May is summer time (UTC+2): 23:30 in Prague is 21:30 UTC; 00:30 on 1 June is still 31 May in UTC.
	const lastEvening = new Date('2027-05-31T21:30:00Z')
	const nextNight = new Date('2027-05-31T22:30:00Z')

	test('11.3 one rule for what is owed today: on the last day at 23:30 Prague time the discount holds; at 00:30 the next day it is gone and the claim is overdue, in the list, the card quote, the QR payment and crediting', async () => {
		expect([pragueToday(lastEvening), pragueToday(nextNight)]).toEqual(['2027-05-31', '2027-06-01'])
		const claim = await wasteClaim(db, town.resident.id, { discountUntil: '2027-05-31' })

		expect(await listed(claim.id, lastEvening)).toMatchObject({ toPay: 57_600, discount: 14_400, isOverdue: false })
		expect(await listed(claim.id, nextNight)).toMatchObject({ toPay: 72_000, discount: 0, isOverdue: true })
		expect(await quote(claim.id, lastEvening)).toMatchObject({ toPay: 57_600, discount: 14_400 })
		expect(await quote(claim.id, nextNight)).toMatchObject({ toPay: 72_000, discount: 0, discountUntil: null })
		const evening = await qr(claim.id, lastEvening)
		const night = await qr(claim.id, nextNight)
		expect([evening.amount, night.amount]).toEqual([57_600, 72_000])
		expect(await db.payment.findUniqueOrThrow({ where: { id: night.paymentId }, select: { discountUntil: true } })).toEqual({ discountUntil: null })

		// Crediting decides by the same day: a card payment started at 23:30 keeps the discount, even when
		// the gateway confirms later; a payment carrying the deadline but started at 00:30 does not.
		const kept = await payByCard(claim.id, lastEvening)
		expect(kept).toMatchObject({ status: 'paid', paidAmount: 57_600, discountGranted: 14_400 })
		const late = await wasteClaim(db, town.resident.id, { discountUntil: '2027-05-31' })
		const id = String(++gateway)
		await db.payment.create({
			data: {
				method: 'gopay',
				state: 'pending',
				amount: 57_600,
				personId: town.person.id,
				providerPaymentId: id,
				discountUntil: new Date('2027-05-31'),
				createdAt: nextNight,
				items: { create: [{ claimId: late.id, amount: 0 }] },
			},
		})
		await applyProviderStatus({ db, provider: 'gopay', providerPaymentId: id, status: { state: 'paid', amount: 57_600, raw: 'PAID' }, source: 'notification' })
		expect(await db.claim.findUniqueOrThrow({ where: { id: late.id } })).toMatchObject({ status: 'partly_paid', paidAmount: 57_600, discountGranted: 0 })
	})

	test("11.3 one rule for what is owed today: a QR payment opened at 00:30 on New Year's Day in Prague carries the new year in its variable symbol", async () => {
		const claim = await wasteClaim(db, town.resident.id, { discountUntil: null })
		const newYear = await qr(claim.id, new Date('2026-12-31T23:30:00Z'))
		expect(newYear.variableSymbol.slice(0, 2)).toBe('27')
	})
})
