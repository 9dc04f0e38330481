// The grant contract (veřejnoprávní smlouva) as a PDF, from the programme's template text. Same PDF
// library (pdfkit) and font (DejaVu Sans: Czech letters) as the receipts and submission PDFs.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { AppError } from '../errors/app-error'
import { formatMoney } from '../i18n/format'
import { fillTemplate, unknownPlaceholders, GRANT_CONTRACT_PLACEHOLDERS, type GrantContractPlaceholder } from './contract-template'

export { DEFAULT_GRANT_CONTRACT_TEMPLATE, GRANT_CONTRACT_PLACEHOLDERS } from './contract-template'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

export type GrantContractData = {
	town: { name: string; ico?: string; address?: string }
	recipient: { name: string; ico?: string; address?: string; birthDate?: string }
	programmeName: string
	purpose: string
	amountHalere: number
	periodFrom: string
	periodTo: string
	settlementDeadline: string
	contractNumber: string
	templateText: string
	locale: 'cs'
}

/** YYYY-MM-DD as Czech "5. 12. 2026" (the day as written, no time zone involved). */
export function formatCzechDate(date: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
	if (!match) throw new AppError('input_invalid', 'A contract date is not a calendar date', [`expected YYYY-MM-DD, got ${JSON.stringify(date)}`])
	return `${Number(match[3])}. ${Number(match[2])}. ${match[1]}`
}

function placeholderValues(data: GrantContractData): Record<GrantContractPlaceholder, string> {
	const birthDate = data.recipient.birthDate ? formatCzechDate(data.recipient.birthDate) : ''
	return {
		contractNumber: data.contractNumber,
		'town.name': data.town.name,
		'town.ico': data.town.ico ?? '',
		'town.address': data.town.address ?? '',
		'recipient.name': data.recipient.name,
		'recipient.ico': data.recipient.ico ?? '',
		'recipient.address': data.recipient.address ?? '',
		'recipient.birthDate': birthDate,
		'recipient.identification': data.recipient.ico ? `IČO: ${data.recipient.ico}` : birthDate ? `datum narození: ${birthDate}` : '',
		programmeName: data.programmeName,
		purpose: data.purpose,
		amount: formatMoney(data.amountHalere, 'cs'),
		periodFrom: formatCzechDate(data.periodFrom),
		periodTo: formatCzechDate(data.periodTo),
		settlementDeadline: formatCzechDate(data.settlementDeadline),
	}
}

/**
 * Renders the contract. The template is plain text: a line starting with "# " is a heading, an empty
 * line separates paragraphs, {{placeholder}} takes a value (GRANT_CONTRACT_PLACEHOLDERS). A template
 * naming an unknown placeholder is refused (AppError input_invalid listing each one), never printed.
 */
export async function renderGrantContractPdf(data: GrantContractData): Promise<Buffer> {
	const unknown = unknownPlaceholders(data.templateText)
	if (unknown.length) {
		throw new AppError('input_invalid', 'The contract template uses placeholders that do not exist', [
			...unknown.map((name) => `{{${name}}}`),
			`known: ${Object.keys(GRANT_CONTRACT_PLACEHOLDERS)
				.map((name) => `{{${name}}}`)
				.join(', ')}`,
		])
	}
	if (!Number.isSafeInteger(data.amountHalere) || data.amountHalere < 0) {
		throw new AppError('input_invalid', 'The grant amount is not whole haléře', [`amountHalere: ${data.amountHalere}`])
	}
	const text = fillTemplate(data.templateText, placeholderValues(data))
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		font: FONT,
		info: { Title: `Smlouva o poskytnutí dotace ${data.contractNumber}`, Author: data.town.name, Subject: data.programmeName },
	})
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	doc.fontSize(10.5)
	let first = true
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		if (line.startsWith('# ')) {
			doc
				.moveDown(first ? 0 : 0.8)
				.font(FONT_BOLD)
				.fontSize(first ? 15 : 11.5)
				.text(line.slice(2).trim(), { align: first ? 'center' : 'left' })
			doc.font(FONT).fontSize(10.5).moveDown(0.3)
		} else if (line.trim() === '') {
			doc.moveDown(0.5)
		} else {
			doc.text(line, { align: 'justify', paragraphGap: 2 })
		}
		first = false
	}
	doc.end()
	return done
}
