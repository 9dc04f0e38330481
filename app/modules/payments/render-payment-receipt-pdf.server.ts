import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { formatDate, formatMoney } from '../i18n/format'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { MyPayment } from './get-my-payment.server'

// The same fonts as the submission PDF: DejaVu Sans has Czech and Ukrainian letters.
const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

/** Potvrzení o platbě: who paid what for which claims, when and how, in the citizen's language. */
export function renderPaymentReceiptPdf({ locale, townName, payment }: { locale: Locale; townName: LocalizedText; payment: MyPayment }): Promise<Buffer> {
	const t = resources[locale]['card-payments']
	const town = pickText(townName, locale)
	const money = (amount: number) => formatMoney(amount, locale)
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: `${t.receipt.title} ${payment.id}`, Author: town } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	const row = (label: string, value: string) => doc.font(FONT_BOLD).text(`${label}: `, { continued: true }).font(FONT).text(value)
	doc.font(FONT_BOLD).fontSize(18).text(t.receipt.title).fontSize(10).font(FONT).moveDown(0.5)
	row(t.receipt.town, town)
	row(t.receipt.payment, payment.id)
	if (payment.paidAt) row(t.receipt.paidAt, `${formatDate(payment.paidAt, locale)} ${payment.paidAt.toLocaleTimeString('cs-CZ', { timeZone: 'Europe/Prague', hour: '2-digit', minute: '2-digit' })}`)
	if (payment.person) row(t.receipt.payer, `${payment.person.givenName} ${payment.person.familyName}`)
	row(t.receipt.method, t.office.methods[payment.method])
	doc.moveDown()
	for (const item of payment.items) {
		doc.font(FONT_BOLD).text(`${pickText(item.claim.label as LocalizedText, locale)} (${t.receipt.vs} ${item.claim.variableSymbol})`).font(FONT)
		doc.text(`${t.receipt.amount}: ${money(item.amount)}${item.discount ? `   ${t.receipt.discount}: ${money(item.discount)}` : ''}`).moveDown(0.3)
	}
	doc.moveDown()
	row(t.receipt.total, money(payment.paidAmount))
	if (payment.refundedAmount) row(t.receipt.refunded, money(payment.refundedAmount))
	doc.moveDown(2).fontSize(8).text(t.receipt.footer)
	doc.end()
	return done
}
