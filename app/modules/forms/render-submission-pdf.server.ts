import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { displayValue, groupRows } from './display-value'
import { formatDate, formatFileSize, formatTime } from '../i18n/format'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { resources } from '../i18n/resources.server'
import { isConditionMet } from './build-submission-schema'
import { type FormDefinition } from './form-definition-schema'

// DejaVu Sans (from npm) has Czech and Ukrainian letters; pdfkit's built-in fonts do not.
const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')

type Options = {
	locale: Locale
	townName: LocalizedText
	submission: {
		number: string
		submittedAt: Date
		data: Record<string, unknown>
		person: { givenName: string; familyName: string } | null
		attachments: { fieldName: string; fileName: string; size: number; sha256: string; id: string }[]
		form: { title: unknown; version: number; definition: FormDefinition }
	}
}

/** The submission as the citizen filed it: all data, the attachment list, the time and the town. */
export function renderSubmissionPdf({ locale, townName, submission }: Options): Promise<Buffer> {
	const t = resources[locale].forms
	const town = pickText(townName, locale)
	const title = pickText(submission.form.definition.title, locale)
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: `${t.pdf.title} ${submission.number}`, Author: town } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	const row = (label: string, value: string) =>
		doc
			.font(FONT_BOLD)
			.text(`${label}: `, { continued: true })
			.font(FONT)
			.text(value || '—')
	const heading = (text: string) => doc.moveDown().font(FONT_BOLD).fontSize(13).text(text).fontSize(10).font(FONT).moveDown(0.3)
	const at = `${formatDate(submission.submittedAt, locale)} ${formatTime(submission.submittedAt, locale)}`

	doc.font(FONT_BOLD).fontSize(18).text(t.pdf.title).fontSize(10).font(FONT).moveDown(0.5)
	row(t.pdf.town, town)
	row(t.pdf.number, submission.number)
	row(t.pdf.form, `${title} (${t.pdf.version} ${submission.form.version})`)
	row(t.pdf.submittedAt, at)
	row(t.pdf.applicant, submission.person ? `${submission.person.givenName} ${submission.person.familyName}` : t.pdf.anonymous)

	const words = { yes: t.fill.yes, no: t.fill.no, empty: t.fill.empty }
	for (const step of submission.form.definition.steps) {
		heading(pickText(step.title, locale))
		for (const field of step.fields) {
			if (!isConditionMet(field.visibleWhen, submission.data)) continue
			if (field.type === 'group') {
				// A repeated group as a numbered list, one row per item.
				const rows = groupRows(field, submission.data[field.name], locale, submission.attachments, words)
				row(pickText(field.label, locale), rows.length ? '' : words.empty)
				rows.forEach((cells, index) => doc.text(`${index + 1}. ${cells.map((cell) => `${cell.label}: ${cell.value}`).join(', ')}`, { indent: 15 }))
				continue
			}
			row(pickText(field.label, locale), displayValue(field, submission.data[field.name], locale, submission.attachments, words))
		}
	}
	heading(t.pdf.attachments)
	if (!submission.attachments.length) doc.text('—')
	for (const file of submission.attachments) doc.text(`• ${file.fileName} (${formatFileSize(file.size, locale)}), SHA-256 ${file.sha256}`)
	doc.end()
	return done
}
