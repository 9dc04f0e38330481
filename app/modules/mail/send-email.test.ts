// enqueueEmail -> the send-email job -> nodemailer -> the capture server (simulators/smtp), which
// parses what arrived over real SMTP. Asserts on the message as a mail client would see it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTown, migrate, TEST_LOGO } from '../../../tests/db'
import { type MailCapture } from '../../../simulators/smtp/mail-capture'
import { isAppError } from '../errors/app-error'
import { enqueueEmail } from './enqueue-email.server'
import { queuedEmails, startMailAndJobs, stopMailAndJobs } from '../../../tests/mail'

const TOWN = { cs: 'Obec Poštovní', en: 'Village of Post', uk: 'Село Поштове' }
const INVITATION_SUBJECTS = {
	cs: 'Pozvánka do úřední části portálu – Obec Poštovní',
	en: 'Invitation to the office side of the portal – Village of Post',
	uk: 'Запрошення до службової частини порталу – Село Поштове',
}

let capture: MailCapture

beforeAll(async () => {
	await migrate()
	await createTown('mail-town', { name: TOWN, locales: { default: 'cs', enabled: ['cs', 'en', 'uk'] } })
	capture = await startMailAndJobs()
})

afterAll(async () => {
	await stopMailAndJobs(capture)
})

describe('sending e-mail through the job queue', () => {
	test.each(['cs', 'en', 'uk'] as const)(
		'a staff invitation in %s arrives from the town, in that language, with HTML and text, the coat of arms inline and the link',
		async (locale) => {
			const to = `clerk-${locale}@example.test`
			const link = `https://mail-town.test/pozvanka/${locale}-token?x=1&y=2`
			const jobId = await enqueueEmail({
				tenantSlug: 'mail-town',
				to,
				locale,
				template: 'staff-invitation',
				data: { link, inviterName: 'Jana Nováková', expiresAt: '2026-12-01T12:00:00Z' },
			})
			const mail = await capture.waitFor((message) => message.to.includes(to))

			expect(mail.from).toEqual({ name: TOWN[locale], address: 'podatelna@mail-town.example' })
			expect(mail.to).toEqual([to])
			expect(mail.subject).toBe(INVITATION_SUBJECTS[locale])
			expect(mail.messageId).toBe(`<${jobId}@portal-obcana>`)
			expect(mail.tenant).toBe('mail-town')
			expect(mail.template).toBe('staff-invitation')

			expect(mail.html).toContain(`<html lang="${locale}"`)
			expect(mail.html).toMatch(/<h1 [^>]*>[^<]+<\/h1>/)
			expect(mail.html).toContain(`href="${link.replace('&', '&amp;')}"`)
			expect(mail.text).toContain(link)
			expect(mail.text).toContain('Jana Nováková')
			expect(mail.links[0]).toEqual({ href: link, text: { cs: 'Přijmout pozvánku', en: 'Accept the invitation', uk: 'Прийняти запрошення' }[locale] })

			const [logo] = mail.attachments
			expect(mail.attachments).toHaveLength(1)
			expect(logo).toMatchObject({ contentType: 'image/svg+xml', inline: true, filename: 'coat-of-arms.svg' })
			expect(logo.content.toString()).toBe(TEST_LOGO)
			expect(mail.html).toContain(`src="cid:${logo.cid}"`)
		},
	)

	test('a password reset gives the expiry in Prague time, in the mail language', async () => {
		await enqueueEmail({
			tenantSlug: 'mail-town',
			to: 'reset@example.test',
			locale: 'en',
			template: 'password-reset',
			data: { link: 'https://mail-town.test/heslo/abc', expiresAt: '2026-12-01T12:00:00Z' },
		})
		const mail = await capture.waitFor((message) => message.to.includes('reset@example.test'))
		expect(mail.subject).toBe('Reset your password – Village of Post')
		expect(mail.text).toContain('Set a new password: https://mail-town.test/heslo/abc')
		expect(mail.text).toContain('valid until 1 Dec 2026, 13:00')
	})

	test('an invalid e-mail is refused at enqueue time with every problem named, and nothing is sent', async () => {
		capture.clear()
		const queuedBefore = await queuedEmails()
		const error = await enqueueEmail({
			tenantSlug: 'mail-town',
			to: 'not an address',
			locale: 'de',
			template: 'password-reset',
			data: { link: 'javascript:alert(1)', expiresAt: 'tomorrow' },
		} as never).catch((caught: unknown) => caught)

		expect(isAppError(error, 'job_payload_invalid')).toBe(true)
		expect((error as { details: string[] }).details).toEqual([
			'to: must be an e-mail address',
			'locale: Invalid option: expected one of "cs"|"en"|"uk"',
			'data.link: must be an http(s) URL',
			'data.expiresAt: must be an ISO 8601 date and time, e.g. 2026-12-01T12:00:00Z',
		])
		const unknownTemplate = await enqueueEmail({
			tenantSlug: 'mail-town',
			to: 'a@example.test',
			locale: 'cs',
			template: 'newsletter',
			data: {},
		} as never).catch((caught: unknown) => caught)
		expect((unknownTemplate as { details: string[] }).details).toEqual([
			"template: Invalid discriminator value. Expected 'staff-invitation' | 'password-reset' | 'notification'",
		])
		// Refused at enqueue time: no job, so nothing can be sent later either.
		expect(await queuedEmails()).toEqual(queuedBefore)
		expect(capture.messages()).toEqual([])
	})
})
