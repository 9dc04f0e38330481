// The confirmation e-mail goes through the real queue and SMTP (capture server), in the citizen's language.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type MailCapture } from '../../../simulators/smtp/mail-capture'
import { createTown, migrate } from '../../../tests/db'
import { FormDefinitionSchema } from './form-definition-schema'
import { renderSubmissionPdf } from './render-submission-pdf.server'
import { sampleDefinition } from './sample-definition.fixture'
import { sendSubmissionConfirmation } from './send-submission-confirmation.server'
import { startMailAndJobs, stopMailAndJobs } from '../../../tests/mail'
import { pdfText } from '../../../tests/pdf-text'

let capture: MailCapture
const TOWN = { cs: 'Obec Formulářová', en: 'Village of Forms', uk: 'Село Форм' }
const TITLE = { cs: 'Přihlášení psa', en: 'Dog registration', uk: 'Реєстрація собаки' }

beforeAll(async () => {
	await migrate()
	await createTown('forms-mail', { name: TOWN, locales: { default: 'cs', enabled: ['cs', 'en', 'uk'] } })
	capture = await startMailAndJobs()
})

afterAll(async () => {
	await stopMailAndJobs(capture)
})

describe('after a submission', () => {
	test.each([
		['cs', 'Potvrzení podání FOR-2026-000007', 'Zobrazit podání'],
		['en', 'Submission FOR-2026-000007 received', 'View submission'],
		['uk', 'Підтвердження подання FOR-2026-000007', 'Переглянути подання'],
	] as const)('the confirmation e-mail in %s names the number and the form and links to the submission', async (locale, subject, action) => {
		const to = `jana-${locale}@example.test`
		const link = 'https://forms-mail.test/podani/FOR-2026-000007'
		await sendSubmissionConfirmation({
			request: new Request(link),
			tenant: { slug: 'forms-mail' },
			townName: TOWN,
			locale,
			to,
			number: 'FOR-2026-000007',
			formTitle: TITLE,
			submittedAt: new Date('2026-11-26T10:15:00Z'),
			link,
		})
		const mail = await capture.waitFor((message) => message.to.includes(to))
		expect(mail.subject).toBe(subject)
		expect(mail.text).toContain(TITLE[locale])
		expect(mail.text).toContain('11:15')
		expect(mail.links[0]).toEqual({ href: link, text: action })
	})

	test('without an e-mail address nothing is sent', async () => {
		expect(
			await sendSubmissionConfirmation({
				request: new Request('https://x.test'),
				tenant: { slug: 'forms-mail' },
				townName: TOWN,
				locale: 'cs',
				to: null,
				number: 'FOR-2026-000008',
				formTitle: TITLE,
				submittedAt: new Date(),
				link: null,
			}),
		).toBeNull()
	})

	test('the PDF is a real PDF with the town fonts embedded', async () => {
		const definition = FormDefinitionSchema.parse(sampleDefinition())
		const pdf = await renderSubmissionPdf({
			locale: 'cs',
			townName: TOWN,
			submission: {
				number: 'FOR-2026-000007',
				submittedAt: new Date(),
				data: { givenName: 'Jana', dogs: [{ name: 'Rex' }] },
				person: { givenName: 'Jana', familyName: 'Nováková' },
				attachments: [{ id: 'a', fieldName: 'vaccination', fileName: 'cert.pdf', size: 2048, sha256: 'ab'.repeat(32) }],
				form: { title: definition.title, version: 1, definition },
			},
		})
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
		expect(pdf.toString('latin1')).toContain('DejaVuSans')
	})

	test('the PDF shows dates as a person writes them, in their language: no ISO date, no UUID', async () => {
		const input = sampleDefinition()
		input.steps[1]!.fields.push({ name: 'keptSince', type: 'date', label: { cs: 'Pes je držen od', en: 'Kept since' } })
		const definition = FormDefinitionSchema.parse(input)
		const submission = {
			number: 'FOR-2026-000009',
			submittedAt: new Date('2026-12-04T21:35:00Z'),
			data: { givenName: 'Jana', dogs: [{ name: 'Rex' }], keptSince: '2026-01-15', vaccination: ['5f0c6a52-3b9e-4c43-9d55-0f7a1c2b8e11'] },
			person: { givenName: 'Jana', familyName: 'Nováková' },
			attachments: [{ id: '5f0c6a52-3b9e-4c43-9d55-0f7a1c2b8e11', fieldName: 'vaccination', fileName: 'cert.pdf', size: 410, sha256: 'ab'.repeat(32) }],
			form: { title: definition.title, version: 1, definition },
		}
		const cs = pdfText(await renderSubmissionPdf({ locale: 'cs', townName: TOWN, submission })).replace(/\s+/g, ' ')
		expect(cs).toContain('15. 1. 2026')
		// Submitted at 22:35 in Prague (21:35 UTC).
		expect(cs).toMatch(/4\. 12\. 2026,? 22:35/)
		const en = pdfText(await renderSubmissionPdf({ locale: 'en', townName: TOWN, submission })).replace(/\s+/g, ' ')
		expect(en).toContain('15/01/2026')
		for (const text of [cs, en]) {
			expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
			expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i)
		}
	})
})
