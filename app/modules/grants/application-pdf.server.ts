// The confirmation of a submitted grant application (potvrzení o podání žádosti) as a PDF: the town
// that receives it (coat of arms, name, IČO, as on the payment receipt), the application's number and
// when it was filed (Prague time), the applicant, the programme and call, purpose and period, the
// budget table with amounts in Kč, and the attachments received with their SHA-256 fingerprints.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { accessibleWhere, type AppAbility } from '../access/ability.server'
import { storedDate } from '../dates/prague-date'
import type { TenantDb } from '../db/tenant-db.server'
import { formatDate, formatMoney, formatTime } from '../i18n/format'
import { pickText, type Locale } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { loadReceiptTown, type ReceiptTown } from '../payments/render-payment-receipt-pdf.server'
import type { TownProfile } from '../tenancy/town-profile.server'
import { formatCzechDate } from './contract-pdf.server'
import { readCostCategories, readRequiredAttachments } from './programme-rules'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

const applicationSelect = {
	number: true,
	state: true,
	submittedAt: true,
	applicantKind: true,
	applicantName: true,
	applicantIco: true,
	legalForm: true,
	address: true,
	purpose: true,
	periodFrom: true,
	periodTo: true,
	requestedAmount: true,
	budgetLines: { orderBy: { position: 'asc' as const }, select: { category: true, description: true, ownShare: true, requested: true } },
	attachments: { where: { purpose: 'application' }, orderBy: { createdAt: 'asc' as const }, select: { kind: true, fileName: true, sha256: true } },
	call: { select: { name: true, programmeVersion: { select: { name: true, costCategories: true, requiredAttachments: true } } } },
}

export type ConfirmedApplication = NonNullable<Awaited<ReturnType<typeof findConfirmedApplication>>>

/**
 * A filed application (anything past the draft) the user may see: `right` 'read' for the applicant
 * (their own, CASL), 'update' for the grants clerk. Null otherwise, a draft included (nothing filed).
 */
function findConfirmedApplication({
	db,
	ability,
	applicationId,
	right,
}: {
	db: TenantDb
	ability: AppAbility
	applicationId: string
	right: 'read' | 'update'
}) {
	return db.grantApplication.findFirst({
		where: { AND: [{ id: applicationId, submittedAt: { not: null } }, accessibleWhere(ability, right, 'GrantApplication')] },
		select: applicationSelect,
	})
}

export function renderGrantApplicationPdf({
	locale,
	town,
	application,
}: {
	locale: Locale
	town: ReceiptTown
	application: ConfirmedApplication
}): Promise<Buffer> {
	const t = resources[locale].grants
	const p = t.pdf
	const townName = pickText(town.name, locale)
	const money = (amount: number) => formatMoney(amount, locale)
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: `${p.title} ${application.number}`, Author: townName } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	const left = doc.page.margins.left
	const width = doc.page.width - left - doc.page.margins.right
	const row = (label: string, value: string) => doc.font(FONT_BOLD).text(`${label}: `, left, undefined, { continued: true }).font(FONT).text(value)

	const top = doc.y
	const textLeft = town.coatOfArmsPng ? left + 72 : left
	if (town.coatOfArmsPng) doc.image(town.coatOfArmsPng, left, top, { fit: [60, 60] })
	doc
		.font(FONT_BOLD)
		.fontSize(14)
		.text(townName, textLeft, top, { width: width - (textLeft - left) })
		.font(FONT)
		.fontSize(10)
	if (town.ico) doc.text(`${p.ico}: ${town.ico}`, textLeft)
	if (town.address) doc.text(town.address, textLeft)
	doc.y = Math.max(doc.y, town.coatOfArmsPng ? top + 64 : doc.y)
	doc.moveDown(1)

	doc.font(FONT_BOLD).fontSize(18).text(p.title, left).fontSize(10).font(FONT).moveDown(0.5)
	row(p.number, application.number)
	const submitted = application.submittedAt!
	row(p.submittedAt, `${formatDate(submitted, locale)} ${formatTime(submitted, locale)}`)
	row(p.programme, `${application.call.programmeVersion.name} – ${application.call.name}`)
	const identification = application.applicantIco ? `, ${p.ico} ${application.applicantIco}` : ''
	row(p.applicant, `${application.applicantName}${identification}${application.legalForm ? `, ${application.legalForm}` : ''}`)
	if (application.address) row(p.address, application.address)
	row(p.purpose, application.purpose)
	if (application.periodFrom && application.periodTo)
		row(p.period, `${formatCzechDate(storedDate(application.periodFrom))} – ${formatCzechDate(storedDate(application.periodTo))}`)
	row(p.requested, money(application.requestedAmount))
	doc.moveDown()

	const categories = new Map(readCostCategories(application.call.programmeVersion.costCategories).map((c) => [c.code, c.name]))
	const columns = [
		{ title: p.category, x: left, width: width * 0.3, align: 'left' as const },
		{ title: p.description, x: left + width * 0.3, width: width * 0.36, align: 'left' as const },
		{ title: p.ownShare, x: left + width * 0.66, width: width * 0.17, align: 'right' as const },
		{ title: p.grant, x: left + width * 0.83, width: width * 0.17, align: 'right' as const },
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
	doc.font(FONT_BOLD).text(p.budget, left).moveDown(0.3)
	tableRow(
		columns.map((column) => column.title),
		true,
	)
	for (const line of application.budgetLines)
		tableRow([categories.get(line.category) ?? line.category, line.description, money(line.ownShare), money(line.requested)])
	const own = application.budgetLines.reduce((sum, line) => sum + line.ownShare, 0)
	tableRow([p.total, '', money(own), money(application.requestedAmount)], true)
	doc.moveDown()

	const required = new Map(readRequiredAttachments(application.call.programmeVersion.requiredAttachments).map((r) => [r.code, r.name]))
	doc.font(FONT_BOLD).text(p.attachments, left).font(FONT)
	if (application.attachments.length === 0) doc.text(p.noAttachments, left)
	for (const attachment of application.attachments) {
		const kind = (attachment.kind && required.get(attachment.kind)) || p.otherAttachment
		doc.text(`${kind}: ${attachment.fileName}`, left).fontSize(7).text(`SHA-256 ${attachment.sha256}`, left).fontSize(10)
	}
	doc.moveDown(2).fontSize(8).text(p.footer, left)
	doc.end()
	return done
}

/** The confirmation PDF of one filed application, or null (absent, a draft, or not the user's to see). */
export async function grantApplicationPdf({
	db,
	ability,
	profile,
	locale,
	applicationId,
	right,
}: {
	db: TenantDb
	ability: AppAbility
	profile: TownProfile
	locale: Locale
	applicationId: string
	right: 'read' | 'update'
}) {
	const application = await findConfirmedApplication({ db, ability, applicationId, right })
	if (!application) return null
	const town = await loadReceiptTown({ db, profile })
	return { number: application.number, pdf: await renderGrantApplicationPdf({ locale, town, application }) }
}
