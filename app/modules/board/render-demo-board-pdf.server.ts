import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')

/** A one-page PDF with a heading and text: the demo's and the tests' board attachments. */
export function renderDemoBoardPdf(title: string, text: string): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: title } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	doc.fontSize(18).text(title).moveDown().fontSize(11).text(text)
	doc.end()
	return done
}
