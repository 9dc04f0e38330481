import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { instalmentText } from '../claims/instalment-text.server'
import type { TenantDb } from '../db/tenant-db.server'
import { formatDate, formatMoney, formatTime } from '../i18n/format'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import type { TownProfile } from '../tenancy/town-profile.server'
import { tileLogoPng, tileLogoSvg } from '../tile/render-tile-logo.server'
import type { MyPayment } from './get-my-payment.server'
import { ensureReceiptNumber } from './receipt-number.server'

// The same fonts as the submission PDF: DejaVu Sans has Czech and Ukrainian letters.
const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

/** Who issues the receipt: the town's name, IČO and address, and its coat of arms as PNG (null without one). */
export type ReceiptTown = { name: LocalizedText; ico?: string; address?: string; coatOfArmsPng: Buffer | null }

/**
 * Potvrzení o platbě: the town that issues it (coat of arms, name, IČO), the receipt's own number,
 * who paid what for which fee and year, when and how, in the citizen's language.
 */
export function renderPaymentReceiptPdf({
	locale,
	town,
	receiptNumber,
	payment,
}: {
	locale: Locale
	town: ReceiptTown
	receiptNumber: string
	payment: MyPayment
}): Promise<Buffer> {
	const t = resources[locale]['card-payments']
	const townName = pickText(town.name, locale)
	const money = (amount: number) => formatMoney(amount, locale)
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: `${t.receipt.title} ${receiptNumber}`, Author: townName } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	const left = doc.page.margins.left
	const width = doc.page.width - left - doc.page.margins.right
	const row = (label: string, value: string) => doc.font(FONT_BOLD).text(`${label}: `, left, undefined, { continued: true }).font(FONT).text(value)

	// The issuer: coat of arms beside the town's name, IČO and address.
	const top = doc.y
	const textLeft = town.coatOfArmsPng ? left + 72 : left
	if (town.coatOfArmsPng) doc.image(town.coatOfArmsPng, left, top, { fit: [60, 60] })
	doc
		.font(FONT_BOLD)
		.fontSize(14)
		.text(townName, textLeft, top, { width: width - (textLeft - left) })
		.font(FONT)
		.fontSize(10)
	if (town.ico) doc.text(`${t.receipt.ico}: ${town.ico}`, textLeft)
	if (town.address) doc.text(town.address, textLeft)
	doc.y = Math.max(doc.y, town.coatOfArmsPng ? top + 64 : doc.y)
	doc.moveDown(1)

	doc.font(FONT_BOLD).fontSize(18).text(t.receipt.title, left).fontSize(10).font(FONT).moveDown(0.5)
	row(t.receipt.number, receiptNumber)
	if (payment.paidAt) row(t.receipt.paidAt, `${formatDate(payment.paidAt, locale)} ${formatTime(payment.paidAt, locale)}`)
	if (payment.person) row(t.receipt.payer, `${payment.person.givenName} ${payment.person.familyName}`)
	row(t.receipt.method, t.office.methods[payment.method])
	doc.moveDown()

	// One line per claim: the fee and its year (and which instalment, when there are several), the variable symbol, the discount and
	// the amount paid each in its own column.
	const columns = [
		{ title: t.receipt.fee, x: left, width: width * 0.42, align: 'left' as const },
		{ title: t.receipt.year, x: left + width * 0.42, width: width * 0.1, align: 'left' as const },
		{ title: t.receipt.vs, x: left + width * 0.52, width: width * 0.16, align: 'left' as const },
		{ title: t.receipt.discount, x: left + width * 0.68, width: width * 0.15, align: 'right' as const },
		{ title: t.receipt.amount, x: left + width * 0.83, width: width * 0.17, align: 'right' as const },
	]
	const tableRow = (cells: string[], bold = false) => {
		const y = doc.y
		let bottom = y
		doc.font(bold ? FONT_BOLD : FONT)
		cells.forEach((cell, index) => {
			const column = columns[index]!
			doc.text(cell, column.x, y, { width: column.width - 4, align: column.align })
			bottom = Math.max(bottom, doc.y)
		})
		doc.y = bottom + 4
	}
	tableRow(
		columns.map((column) => column.title),
		true,
	)
	doc
		.moveTo(left, doc.y - 2)
		.lineTo(left + width, doc.y - 2)
		.lineWidth(0.5)
		.stroke()
	for (const item of payment.items) {
		const fee = pickText(item.claim.label as LocalizedText, locale)
		const instalment = instalmentText(item.claim, locale) ? `, ${instalmentText(item.claim, locale)}` : ''
		tableRow([`${fee}${instalment}`, String(item.claim.year), item.claim.variableSymbol, item.discount ? money(item.discount) : '—', money(item.amount)])
	}
	doc.moveDown()
	row(t.receipt.total, money(payment.paidAmount))
	if (payment.refundedAmount) row(t.receipt.refunded, money(payment.refundedAmount))
	doc.moveDown(2).fontSize(8).text(t.receipt.footer, left)
	doc.end()
	return done
}

/** The town's side of a receipt: name, IČO and address from its profile, the coat of arms as a PNG. */
export async function loadReceiptTown({ db, profile }: { db: TenantDb; profile: TownProfile }): Promise<ReceiptTown> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { logo: true, logoType: true } })
	const logo = settings?.logo && settings.logoType ? { bytes: settings.logo, type: settings.logoType } : null
	const name = pickText(profile.name, 'cs')
	// Rasterised as the tile logo is (SVG or PNG in, PNG out): pdfkit draws PNG and JPEG only.
	const coatOfArmsPng = logo ? await tileLogoPng(tileLogoSvg({ name, logo, theme: profile.theme }), 128) : null
	return { name: profile.name, ico: profile.contact.ico, address: profile.contact.address, coatOfArmsPng }
}

/** The receipt of one paid payment: its number (given now if it has none yet) and the PDF. */
export async function paymentReceiptPdf({
	db,
	townSlug,
	profile,
	locale,
	payment,
}: {
	db: TenantDb
	townSlug: string
	profile: TownProfile
	locale: Locale
	payment: MyPayment
}) {
	const [receiptNumber, town] = await Promise.all([ensureReceiptNumber({ db, townSlug, paymentId: payment.id }), loadReceiptTown({ db, profile })])
	return { receiptNumber, pdf: await renderPaymentReceiptPdf({ locale, town, receiptNumber, payment }) }
}
