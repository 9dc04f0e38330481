// The grant contract PDF: read back as text, it names both parties, the amount in Czech format, the
// dates as d. M. yyyy, with Czech letters intact; a template naming an unknown placeholder is refused.
import { describe, expect, test } from 'vitest'
import { pdfText } from '../../../tests/pdf-text'
import { isAppError } from '../errors/app-error'
import { DEFAULT_GRANT_CONTRACT_TEMPLATE, renderGrantContractPdf, type GrantContractData } from './contract-pdf.server'

const association: GrantContractData = {
	town: { name: 'Město Veselí nad Moravou', ico: '00285293', address: 'tř. Masarykova 119, 698 01 Veselí nad Moravou' },
	recipient: { name: 'TJ Sokol Veselí nad Moravou, z.s.', ico: '44936109', address: 'Tyršova 1010/2, 698 01 Veselí nad Moravou' },
	programmeName: 'Podpora spolkové činnosti 2027',
	purpose: 'Celoroční sportovní činnost žáků a dorostu (pronájem tělocvičny, doprava na zápasy)',
	amountHalere: 15_000_050,
	periodFrom: '2027-01-01',
	periodTo: '2027-12-31',
	settlementDeadline: '2028-01-31',
	contractNumber: 'D-2027/014',
	templateText: DEFAULT_GRANT_CONTRACT_TEMPLATE,
	locale: 'cs',
}

const flat = (text: string) => text.replace(/\s+/g, ' ')

describe('renderGrantContractPdf', () => {
	test('the default contract names the parties, programme, purpose, amount, period and settlement deadline', async () => {
		const pdf = await renderGrantContractPdf(association)
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
		expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/)
		const text = flat(pdfText(pdf))
		expect(text).toContain('Veřejnoprávní smlouva o poskytnutí dotace č. D-2027/014')
		expect(text).toContain('Poskytovatel: Město Veselí nad Moravou, se sídlem tř. Masarykova 119, 698 01 Veselí nad Moravou, IČO: 00285293')
		expect(text).toContain('Příjemce: TJ Sokol Veselí nad Moravou, z.s., IČO: 44936109')
		expect(text).toContain('programu „Podpora spolkové činnosti 2027“ ve výši 150 000,50 Kč')
		expect(text).toContain('Účel dotace: Celoroční sportovní činnost žáků a dorostu')
		expect(text).toContain('v době od 1. 1. 2027 do 31. 12. 2027')
		expect(text).toContain('nejpozději do 31. 1. 2028')
		expect(text).not.toMatch(/\{\{|\}\}|\uFFFD/)
	})

	test('a natural person without IČO is identified by birth date', async () => {
		const text = flat(
			pdfText(
				await renderGrantContractPdf({
					...association,
					recipient: { name: 'Jana Nováková', birthDate: '1985-04-09', address: 'Svatoplukova 12, Veselí nad Moravou' },
				}),
			),
		)
		expect(text).toContain('Příjemce: Jana Nováková, datum narození: 9. 4. 1985, bydliště / sídlo: Svatoplukova 12')
	})

	test('a town\'s own template: every placeholder filled, "# " lines as headings', async () => {
		const templateText =
			'# Smlouva {{ contractNumber }}\n{{town.name}} ({{town.ico}}) poskytuje {{recipient.name}} ({{recipient.ico}}) částku {{amount}}.\nVyúčtování do {{settlementDeadline}}.'
		const text = pdfText(await renderGrantContractPdf({ ...association, templateText, amountHalere: 2_500_000 }))
		expect(flat(text)).toBe(
			'Smlouva D-2027/014 Město Veselí nad Moravou (00285293) poskytuje TJ Sokol Veselí nad Moravou, z.s. (44936109) částku 25 000,00 Kč. Vyúčtování do 31. 1. 2028.',
		)
	})

	test('an unknown placeholder is refused, naming it (and the known ones); no PDF', async () => {
		const error = await renderGrantContractPdf({ ...association, templateText: 'Částka {{castka}} pro {{recipient.name}} a {{ town.mayor }}' }).catch(
			(caught: unknown) => caught,
		)
		expect(isAppError(error, 'input_invalid')).toBe(true)
		const details = (error as { details: string[] }).details
		expect(details.slice(0, 2)).toEqual(['{{castka}}', '{{town.mayor}}'])
		expect(details[2]).toContain('{{amount}}')
	})

	test('a date that is not YYYY-MM-DD is refused', async () => {
		const error = await renderGrantContractPdf({ ...association, periodTo: '31. 12. 2027' }).catch((caught: unknown) => caught)
		expect(isAppError(error, 'input_invalid')).toBe(true)
	})
})
