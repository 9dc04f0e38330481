// STUB (grants branch): the `ares` branch owns and replaces this file.
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')

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

export function renderGrantContractPdf(data: GrantContractData): Promise<Buffer> {
	const values: Record<string, string> = {
		town: data.town.name, recipient: data.recipient.name, recipientIco: data.recipient.ico ?? '', programme: data.programmeName, purpose: data.purpose,
		amount: `${(data.amountHalere / 100).toLocaleString('cs-CZ')} Kč`, periodFrom: data.periodFrom, periodTo: data.periodTo, settlementDeadline: data.settlementDeadline, contractNumber: data.contractNumber,
	}
	const text = data.templateText.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? '')
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: `Smlouva ${data.contractNumber}` } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	doc.fontSize(16).text(`Veřejnoprávní smlouva o poskytnutí dotace č. ${data.contractNumber}`).moveDown().fontSize(10)
	doc.text(`Poskytovatel: ${data.town.name}`).text(`Příjemce: ${data.recipient.name}${data.recipient.ico ? `, IČO ${data.recipient.ico}` : ''}`).moveDown()
	doc.text(text)
	doc.end()
	return done
}
