// After a card payment is credited the citizen gets the receipt link by e-mail, in the language they
// paid in (payment.locale), through the job queue and real SMTP (simulators/smtp).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type MailCapture } from '../../../simulators/smtp/mail-capture'
import { applyProviderStatus } from './apply-provider-status.server'
import { paymentTown, wasteClaim } from './card-payment-test-fixture'
import { afterSettled, sendPaymentReceipt } from './send-payment-receipt.server'
import { queuedEmails, startMailAndJobs, stopMailAndJobs } from '../../../tests/mail'

const town = await paymentTown('receipt-town')
let capture: MailCapture

beforeAll(async () => {
	capture = await startMailAndJobs()
})
afterAll(async () => {
	await stopMailAndJobs(capture)
})

async function paidPayment(locale: string, providerPaymentId: string) {
	const claim = await wasteClaim(town.db, town.resident.id, { discountUntil: null })
	const payment = await town.db.payment.create({
		data: {
			method: 'gopay',
			state: 'pending',
			amount: 72_000,
			personId: town.person.id,
			locale,
			providerPaymentId,
			items: { create: [{ claimId: claim.id, amount: 0 }] },
		},
	})
	const result = await applyProviderStatus({
		db: town.db,
		provider: 'gopay',
		providerPaymentId,
		status: { state: 'paid', amount: 72_000, raw: 'PAID' },
		source: 'notification',
	})
	expect(result.outcome).toBe('credited')
	return { payment, result }
}

describe('the payment receipt e-mail', () => {
	test('goes out once credited, in the language of the payment, with the link to the receipt', async () => {
		const { payment, result } = await paidPayment('uk', '5000000001')
		await afterSettled({ db: town.db, townSlug: 'receipt-town', townOrigin: 'https://receipt-town.test', ...result, log: () => {} })
		const mail = await capture.waitFor((message) => message.to.includes('petr@example.cz'))
		expect(mail.subject).toContain('Підтвердження платежу')
		expect(mail.text).toContain(`https://receipt-town.test/platby/potvrzeni/${payment.id}`)
	})

	test('is not sent to a citizen who turned e-mail off, nor for an outcome other than credited', async () => {
		await town.db.person.update({ where: { id: town.person.id }, data: { notifyByEmail: false } })
		const { payment } = await paidPayment('cs', '5000000002')
		expect(await sendPaymentReceipt({ db: town.db, townSlug: 'receipt-town', townOrigin: 'https://receipt-town.test', paymentId: payment.id })).toBe(false)
		await town.db.person.update({ where: { id: town.person.id }, data: { notifyByEmail: true } })
		// A duplicate notification of the same payment sends nothing either.
		const before = await queuedEmails()
		await afterSettled({
			db: town.db,
			townSlug: 'receipt-town',
			townOrigin: 'https://receipt-town.test',
			outcome: 'duplicate',
			paymentId: payment.id,
			log: () => {},
		})
		// Whatever would send a receipt enqueues it before afterSettled returns: nothing new on the queue means nothing sent.
		expect(await queuedEmails()).toEqual(before)
	})
})
