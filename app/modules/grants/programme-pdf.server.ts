import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { formatMoney } from '../i18n/format'
import { readCostCategories, readCriteria, readRequiredAttachments } from './programme-rules'

const require = createRequire(import.meta.url)
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')

type Version = {
	name: string
	purpose: string
	reasons: string
	totalBudget: number
	maxGrant: number
	minGrant: number
	eligibleApplicants: string
	coFinancingPercent: number
	costCategories: unknown
	criteria: unknown
	requiredAttachments: unknown
	conditions: string
}
type Call = { name: string; opensOn: string; closesOn: string }

const ELIGIBLE: Record<string, string> = { natural: 'fyzické osoby', legal: 'právnické osoby', both: 'fyzické i právnické osoby' }

/** The programme as the board shows it (§10c odst. 2 zákona č. 250/2000 Sb.: the parts a programme must state). */
export function renderProgrammePdf(v: Version, calls: Call[], decisionDeadline: string | null): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 50, font: FONT, info: { Title: v.name } })
	const chunks: Buffer[] = []
	doc.on('data', (chunk: Buffer) => chunks.push(chunk))
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)))
		doc.on('error', reject)
	})
	const money = (halere: number) => formatMoney(halere, 'cs')
	const part = (heading: string, text: string) => {
		if (!text.trim()) return
		doc.moveDown(0.6).fontSize(12).text(heading).fontSize(10).text(text)
	}
	doc.fontSize(18).text(`Dotační program: ${v.name}`)
	part('Účel', v.purpose)
	part('Důvody podpory', v.reasons)
	part('Celkový objem peněžních prostředků', money(v.totalBudget))
	part('Výše dotace na žadatele', `${money(v.minGrant)} až ${money(v.maxGrant)}; vlastní podíl nejméně ${v.coFinancingPercent} % celkových nákladů`)
	part('Okruh způsobilých žadatelů', ELIGIBLE[v.eligibleApplicants] ?? v.eligibleApplicants)
	part('Lhůta pro podání žádostí', calls.map((c) => `${c.name}: ${c.opensOn} až ${c.closesOn} (včetně)`).join('\n'))
	part(
		'Kritéria hodnocení',
		readCriteria(v.criteria)
			.map((c) => `${c.name}: váha ${c.weight}, nejvýše ${c.maxPoints} bodů`)
			.join('\n'),
	)
	part(
		'Uznatelné náklady',
		readCostCategories(v.costCategories)
			.map((c) => `${c.name}${c.maxPercent ? ` (nejvýše ${c.maxPercent} % dotace)` : ''}`)
			.join('\n'),
	)
	part(
		'Povinné přílohy žádosti',
		readRequiredAttachments(v.requiredAttachments)
			.map((a) => a.name)
			.join('\n'),
	)
	part('Lhůta pro rozhodnutí o žádosti', decisionDeadline ?? '')
	part('Podmínky', v.conditions)
	doc.end()
	return done
}
