// Issue 11, item 1: a QR payment left open after the claim was paid by card. Paying the claim cancels
// the other open QR payments covering it (through the state machine, logged); their page shows no
// code; money still sent to one is credited as an overpayment, waits in the office's refund queue
// ("k vrácení") and the citizen is told in their language, once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type MailCapture } from '../../../simulators/smtp/mail-capture'
import { startMailAndJobs, stopMailAndJobs } from '../../../tests/mail'
import { generateGpc } from '../bank-statements/generate-gpc'
import { importStatement } from '../bank-statements/import-statement.server'
import { claimBalance } from '../claims/claim-balance'
import { closeClaim } from '../claims/close-claim.server'
import { pragueToday } from '../dates/prague-date'
import { applyProviderStatus } from './apply-provider-status.server'
import { paymentTown, wasteClaim } from './card-payment-test-fixture'
import { claimMoneyNote } from './claim-money-note'
import { findOpenQrPayments } from './find-open-qr-payments.server'
import { getMyQrPayment } from './get-my-qr-payment.server'
import { listPayments } from './list-payments.server'
import { notifyOverpayments } from './notify-overpayments.server'
import { createOrReuseQrPayment } from './qr-payment.server'
import { refundPayment } from './refund-payment.server'
import { townUrl } from '../tenancy/town-origin.server'

const slug = 'stale-qr-town'
const town = await paymentTown(slug)
const { db } = town
await db.person.update({ where: { id: town.person.id }, data: { preferredLocale: 'uk' } })
let capture: MailCapture
let movement = 0

beforeAll(async () => {
	capture = await startMailAndJobs()
})
afterAll(async () => {
	await stopMailAndJobs(capture)
})

const transfer = (vs: string, amount: number) =>
	importStatement({
		tenant: { ...town.tenant, primaryHost: `${slug}.test` },
		bytes: generateGpc({ account: '1778900100', movements: [{ vs, amount, date: pragueToday(), id: String(++movement) }] }),
		fileName: `vypis-${movement}.gpc`,
		actor: 'test',
	})
const openQr = (claimId: string) => createOrReuseQrPayment({ db, slug, ability: town.citizen, personId: town.person.id, claimIds: [claimId] })
const refundQueue = async () => (await listPayments({ db, ability: town.clerkAbility, filters: { state: 'to_refund', page: 1 } })).payments.map((p) => p.id)
const claimNow = async (id: string) => {
	const claim = await db.claim.findUniqueOrThrow({ where: { id } })
	const balance = claimBalance(claim, pragueToday())
	return { claim, balance, note: claimMoneyNote(claim, balance) }
}

describe('issue 11.1', () => {
	test('11.1 stale QR payment after a card payment: the card payment cancels the QR payment, money still sent to it is an overpayment in the refund queue, the citizen is told', async () => {
		const claim = await wasteClaim(db, town.resident.id)
		const qr = await openQr(claim.id)
		expect(qr.amount).toBe(57_600)
		// The card page warns: this QR payment is still open for the same claim.
		expect(await findOpenQrPayments({ db, personId: town.person.id, claimIds: [claim.id] })).toMatchObject([
			{ id: qr.paymentId, variableSymbol: qr.variableSymbol },
		])

		const card = await db.payment.create({
			data: {
				method: 'gopay',
				state: 'pending',
				amount: 57_600,
				personId: town.person.id,
				locale: 'uk',
				providerPaymentId: '6100000001',
				discountUntil: claim.discountUntil,
				items: { create: [{ claimId: claim.id, amount: 0 }] },
			},
		})
		const paid = await applyProviderStatus({
			db,
			provider: 'gopay',
			providerPaymentId: '6100000001',
			status: { state: 'paid', amount: 57_600, raw: 'PAID' },
			source: 'notification',
		})
		expect(paid.outcome).toBe('credited')

		// Settled with its discount, and the QR payment is cancelled through the state machine.
		expect(await claimNow(claim.id)).toMatchObject({ claim: { status: 'paid', paidAmount: 57_600, discountGranted: 14_400 }, note: 'settledWithDiscount' })
		const cancelled = await db.payment.findUniqueOrThrow({ where: { id: qr.paymentId }, include: { transitions: { orderBy: { at: 'asc' } } } })
		expect(cancelled.state).toBe('cancelled')
		expect(cancelled.transitions.at(-1)).toMatchObject({
			fromState: 'pending',
			toState: 'cancelled',
			source: 'notification',
			detail: { reason: 'claim_settled', settledBy: card.id },
		})
		// Its page shows no code (and says why), and the card page has nothing to warn about.
		const page = await getMyQrPayment({ db, ability: town.citizen, paymentId: qr.paymentId })
		expect(page).toMatchObject({ state: 'cancelled', qr: null })
		expect(await findOpenQrPayments({ db, personId: town.person.id, claimIds: [claim.id] })).toEqual([])
		expect(await refundQueue()).toEqual([])

		// The transfer was sent before Jana saw any of this: it still arrives with the QR payment's VS.
		const imported = await transfer(qr.variableSymbol, 57_600)
		expect(imported).toMatchObject({ ok: true, summary: { matched: 1, overpaid: 1 } })
		const late = await db.payment.findUniqueOrThrow({ where: { id: qr.paymentId }, include: { transitions: { orderBy: { at: 'asc' } } } })
		expect(late).toMatchObject({ state: 'paid', paidAmount: 57_600, overpaidAmount: 57_600 })
		expect(late.transitions.at(-1)).toMatchObject({ fromState: 'cancelled', toState: 'paid', source: 'bank_statement' })
		// The claim shows the overpayment, and no sentence about "no discount" next to its discount.
		expect(await claimNow(claim.id)).toMatchObject({
			claim: { status: 'overpaid', paidAmount: 115_200, discountGranted: 14_400 },
			balance: { refundable: 57_600, isPayable: false },
			note: 'overpaid',
		})

		// The clerk's refund queue (/urad/platby?stav=to_refund, "k vrácení") holds it.
		expect(await refundQueue()).toEqual([qr.paymentId])
		// The citizen is told in their language (Ukrainian), once.
		const mail = await capture.waitFor((message) => message.to.includes('petr@example.cz') && message.subject.includes('повернемо'))
		expect(mail.text).toContain(qr.variableSymbol)
		expect(mail.text).toContain('скасували')
		expect(mail.text).toContain(townUrl(`${slug}.test`, '/platby'))
		expect(await notifyOverpayments({ db, townSlug: slug })).toBe(0)

		// The clerk sends the money back by bank order and records it: the queue empties, the claim is paid.
		await refundPayment({
			db,
			ability: town.clerkAbility,
			paymentId: qr.paymentId,
			amount: 57_600,
			reason: 'Vráceno příkazem na účet plátce',
			staffId: town.clerk.id,
		})
		expect(await refundQueue()).toEqual([])
		expect(await db.payment.findUniqueOrThrow({ where: { id: qr.paymentId } })).toMatchObject({ state: 'refunded', refundedAmount: 57_600 })
		expect(await claimNow(claim.id)).toMatchObject({ claim: { status: 'paid', paidAmount: 57_600, discountGranted: 14_400 }, note: 'settledWithDiscount' })
	}, 60_000)

	test("11.1 stale QR payment after a card payment: a transfer with the claim's own VS that settles the claim (bulk crediting) cancels the open QR payment too", async () => {
		const claim = await wasteClaim(db, town.resident.id)
		const qr = await openQr(claim.id)
		const imported = await transfer(claim.variableSymbol, 72_000)
		expect(imported).toMatchObject({ ok: true, summary: { matched: 1, paid: 1 } })
		const payment = await db.payment.findUniqueOrThrow({ where: { id: qr.paymentId }, include: { transitions: { orderBy: { at: 'asc' } } } })
		expect(payment.state).toBe('cancelled')
		expect(payment.transitions.at(-1)).toMatchObject({
			fromState: 'pending',
			toState: 'cancelled',
			source: 'bank_statement',
			detail: { reason: 'claim_settled', claimIds: [claim.id] },
		})
		expect(await getMyQrPayment({ db, ability: town.citizen, paymentId: qr.paymentId })).toMatchObject({ qr: null })
		// A QR payment for a claim still partly open stays: only settling cancels.
		const other = await wasteClaim(db, town.resident.id)
		const otherQr = await openQr(other.id)
		await transfer(other.variableSymbol, 10_000)
		expect(await db.payment.findUniqueOrThrow({ where: { id: otherQr.paymentId } })).toMatchObject({ state: 'pending' })
	})

	test('11.1 stale QR payment after a card payment: a claim the office cancels closes its QR payment too, and money still sent to it waits to be returned', async () => {
		const claim = await wasteClaim(db, town.resident.id)
		const qr = await openQr(claim.id)
		await closeClaim({ db, claimId: claim.id, kind: 'cancelled', reason: 'Vyměřeno omylem', by: town.clerk.id })
		expect(await db.payment.findUniqueOrThrow({ where: { id: qr.paymentId } })).toMatchObject({ state: 'cancelled' })
		expect(await transfer(qr.variableSymbol, 57_600)).toMatchObject({ ok: true, summary: { matched: 1, overpaid: 1 } })
		expect(await db.payment.findUniqueOrThrow({ where: { id: qr.paymentId } })).toMatchObject({ state: 'paid', overpaidAmount: 57_600 })
		expect(await refundQueue()).toContain(qr.paymentId)
	}, 60_000)
})
