import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMailCapture, type MailCapture } from '../../../../simulators/smtp/mail-capture'
import { setSmtpUrl } from '../../mail/mail-transport.server'
import { DeliveryError } from '../connector'
import { sampleDocumentPayload, samplePayload } from '../test-support/sample-payload'
import { createEmailConnector } from './email.server'

let capture: MailCapture

beforeAll(async () => {
	capture = await startMailCapture()
	setSmtpUrl(capture.url)
})
afterAll(async () => {
	setSmtpUrl(null)
	await capture.close()
})

describe('e-mail connector -> SMTP capture', () => {
	it('sends the filing office the PDF and the attachments with the number in the subject', async () => {
		const payload = samplePayload()
		const result = await createEmailConnector({ to: 'podatelna@veseli.example' }).deliver(payload)
		const mail = await capture.waitFor((m) => m.headers['x-portal-submission-id'] === payload.submissionId)
		expect(mail.to).toEqual(['podatelna@veseli.example'])
		expect(mail.from?.address).toBe('portal@veseli.example')
		expect(mail.subject).toBe('Podání VES-2026-000123: Přihlášení psa k poplatku')
		expect(mail.text).toContain('Jana Nováková')
		expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
			['VES-2026-000123.pdf', 'application/pdf'],
			['rex.png', 'image/png'],
		])
		expect(mail.attachments[1]!.content.equals(payload.attachments[0]!.content)).toBe(true)
		expect(result.externalId).toBe(mail.messageId)
		expect(result.referenceNumber).toBeUndefined()
	})

	it('sends a filed conversation to the filing office: every message in the text, the files attached', async () => {
		const payload = sampleDocumentPayload()
		const result = await createEmailConnector({ to: 'podatelna@veseli.example' }).fileDocument(payload)
		const mail = await capture.waitFor((m) => m.headers['x-portal-document-id'] === payload.documentId)
		expect(mail.subject).toBe('Konverzace s úřadem: Kontejner u zastávky')
		expect(mail.text).toContain('Chybí kontejner.')
		expect(mail.text).toContain('Doplníme do pátku.')
		expect(mail.text).toContain('Olga Odpadová')
		expect(mail.attachments.map((a) => a.filename)).toEqual(['rex.png'])
		expect(result.externalId).toBe(mail.messageId)
	})

	it('sends a needs-info answer to the filing office with its files, naming the submission and reference number', async () => {
		const payload = samplePayload()
		const answer = {
			answerId: 'answer-42',
			submissionId: payload.submissionId,
			number: payload.number,
			town: payload.town,
			externalId: 'ext-1',
			referenceNumber: 'MUVES 1234/2026',
			answeredAt: new Date('2026-11-27T10:00:00Z'),
			message: 'Posílám očkovací průkaz.',
			attachments: payload.attachments,
		}
		const result = await createEmailConnector({ to: 'podatelna@veseli.example' }).deliverAnswer(answer)
		const mail = await capture.waitFor((m) => m.headers['x-portal-answer-id'] === 'answer-42')
		expect(mail.subject).toBe('Doplnění podání VES-2026-000123 (č. j. MUVES 1234/2026)')
		expect(mail.text).toContain('Posílám očkovací průkaz.')
		expect(mail.attachments.map((a) => a.filename)).toEqual(['rex.png'])
		expect(result.externalId).toBe(mail.messageId)
	})

	it('uses the configured sender', async () => {
		const payload = samplePayload({ applicant: null })
		await createEmailConnector({ to: 'podatelna@znojmo.example', from: 'noreply@portal.example' }).deliver(payload)
		const mail = await capture.waitFor((m) => m.headers['x-portal-submission-id'] === payload.submissionId)
		expect(mail.from?.address).toBe('noreply@portal.example')
		expect(mail.text).toContain('anonymní podání')
	})

	it('reports an unreachable relay as retryable', async () => {
		setSmtpUrl('smtp://127.0.0.1:9')
		try {
			const error = await createEmailConnector({ to: 'podatelna@veseli.example' })
				.deliver(samplePayload())
				.catch((e: unknown) => e)
			expect(error).toBeInstanceOf(DeliveryError)
			expect((error as DeliveryError).retryable).toBe(true)
		} finally {
			setSmtpUrl(capture.url)
		}
	})
})
