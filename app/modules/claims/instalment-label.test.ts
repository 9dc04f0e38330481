// "1. splátka ze 2": a claim of a fee paid in several instalments says which and of how many, from the
// first one on, in cs/en/uk (Czech "z"/"ze" by how the number is read); a single payment says nothing.
// The receipt PDF carries the same words.
import { describe, expect, test } from 'vitest'
import { pdfText } from '../../../tests/pdf-text'
import type { MyPayment } from '../payments/get-my-payment.server'
import { renderPaymentReceiptPdf } from '../payments/render-payment-receipt-pdf.server'
import { takesCzechZe } from './instalment-label'
import { claimTitle, instalmentText } from './instalment-text.server'

describe('instalment labels', () => {
	test('the first of two instalments is labelled too, in each language; a single payment is not', () => {
		expect(instalmentText({ instalment: 1, instalmentCount: 2 }, 'cs')).toBe('1. splátka ze 2')
		expect(instalmentText({ instalment: 2, instalmentCount: 2 }, 'en')).toBe('instalment 2 of 2')
		expect(instalmentText({ instalment: 1, instalmentCount: 2 }, 'uk')).toBe('1-й внесок із 2')
		expect(instalmentText({ instalment: 3, instalmentCount: 5 }, 'cs')).toBe('3. splátka z 5')
		expect(instalmentText({ instalment: 1, instalmentCount: 1 }, 'cs')).toBe('')
		const label = { cs: 'Poplatek ze psů', en: 'Dog fee', uk: 'Збір за собак' }
		expect(claimTitle({ label, year: 2027, instalment: 1, instalmentCount: 2 }, 'cs')).toBe('Poplatek ze psů 2027, 1. splátka ze 2')
		expect(claimTitle({ label, year: 2027, instalment: 1, instalmentCount: 1 }, 'en')).toBe('Dog fee 2027')
	})

	test('Czech "ze" before the numbers read with a hard start (dvou, tří, čtyř, šesti, sedmi, dvanácti), "z" otherwise', () => {
		expect([2, 3, 4, 6, 7, 12].every(takesCzechZe)).toBe(true)
		expect([5, 8, 9, 10, 11].some(takesCzechZe)).toBe(false)
	})

	test('the receipt PDF names the first instalment of two, not only the second', async () => {
		const claim = (instalment: number, vs: string) => ({
			id: vs,
			label: { cs: 'Poplatek ze psů' },
			variableSymbol: vs,
			year: 2027,
			instalment,
			instalmentCount: 2,
		})
		const payment = {
			id: 'p',
			method: 'qr',
			state: 'paid',
			amount: 60000,
			paidAmount: 60000,
			refundedAmount: 0,
			paidAt: new Date('2027-03-01T10:00:00Z'),
			createdAt: new Date('2027-03-01T10:00:00Z'),
			locale: 'cs',
			providerPaymentId: null,
			person: { givenName: 'Jana', familyName: 'Nováková' },
			items: [
				{ amount: 30000, discount: 0, claim: claim(1, '2700000018') },
				{ amount: 30000, discount: 0, claim: claim(2, '2700000026') },
			],
		} as unknown as MyPayment
		const pdf = await renderPaymentReceiptPdf({
			locale: 'cs',
			town: { name: { cs: 'Veselí' }, coatOfArmsPng: null },
			receiptNumber: 'VES-PP-2027-000001',
			payment,
		})
		const text = pdfText(pdf).replace(/\s+/g, ' ')
		expect(text).toContain('Poplatek ze psů, 1. splátka ze 2')
		expect(text).toContain('Poplatek ze psů, 2. splátka ze 2')
	})
})
