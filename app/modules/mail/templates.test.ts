// The e-mail templates as pure functions: every template in every language, escaping, the town's
// colours, accessible structure, and who the mail is from.
import { describe, expect, test } from 'vitest'
import { resolveTheme } from '../theming/presets.server'
import type { EmailMessage } from './email-schema'
import { mailResources } from './mail-i18n'
import { mailSender } from './mail-sender'
import { renderEmail } from './render-email'

const theme = { ...resolveTheme('civic-blue', {}), 'color-primary': '#0d5c63' }
const town = {
	name: { cs: 'Město Veselí nad Moravou', en: 'Town of Veselí nad Moravou' },
	theme,
	contact: { email: 'podatelna@veseli-demo.example', phone: '+420 518 670 111' },
}
const EXPIRES = '2026-12-01T12:00:00Z'
const messages: EmailMessage[] = (['cs', 'en', 'uk'] as const).flatMap((locale) => [
	{ template: 'staff-invitation', locale, data: { link: 'https://veseli.test/i/1', inviterName: 'Jana', expiresAt: EXPIRES } },
	{ template: 'password-reset', locale, data: { link: 'https://veseli.test/r/1', expiresAt: EXPIRES } },
	{ template: 'notification', locale, data: { subject: 'Poplatek', paragraphs: ['Text.'], action: { label: 'Zaplatit', link: 'https://veseli.test/p' } } },
])

function keysOf(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix]
	return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

describe('e-mail templates', () => {
	test('mail.json has the same keys, none empty, in cs, en and uk', () => {
		const czech = keysOf(mailResources.cs).sort()
		for (const locale of ['en', 'uk'] as const) expect(keysOf(mailResources[locale]).sort()).toEqual(czech)
		for (const locale of ['cs', 'en', 'uk'] as const) {
			for (const key of czech)
				expect(key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], mailResources[locale])).not.toBe('')
		}
	})

	test.each(messages.map((message) => [`${message.template} (${message.locale})`, message] as const))(
		'%s: an accessible HTML part (lang, title, one h1, layout tables marked presentation, alt text) and a text part with the link',
		(_name, email) => {
			const { subject, html, text } = renderEmail({ email, town, logoCid: 'logo@test' })
			expect(subject.length).toBeGreaterThan(3)
			expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${email.locale}" dir="ltr">`))
			expect(html).toContain(`<title>${subject}</title>`)
			expect(html.match(/<h1 /g)).toHaveLength(1)
			expect(html.match(/<table /g)?.length).toBe(html.match(/<table role="presentation"/g)?.length)
			expect(html).toMatch(/<img src="cid:logo@test" alt="[^"]+"/)
			// The town's own primary colour, on the header and the button.
			expect(html.match(/background-color:#0d5c63/g)?.length).toBeGreaterThanOrEqual(2)
			expect(html).not.toMatch(/\{\{|\}\}/)
			expect(text).not.toMatch(/\{\{|\}\}|<[a-z]/i)
			expect(text).toContain(email.template === 'notification' ? email.data.action?.link : email.data.link)
		},
	)

	test('a town without a coat of arms gets no image', () => {
		const { html } = renderEmail({ email: messages[0], town, logoCid: null })
		expect(html).not.toContain('<img')
	})

	test('text from the caller is escaped in the HTML part and left as it is in the text part', () => {
		const { subject, html, text } = renderEmail({
			email: {
				template: 'notification',
				locale: 'cs',
				data: { subject: '<b>Fees & "dues"</b>', paragraphs: ['<script>alert(1)</script>'], action: { label: 'Go <now>', link: 'https://x.test/?a=1&b="2"' } },
			},
			town: { ...town, name: { cs: 'Obec <Ž>' } },
			logoCid: null,
		})
		expect(subject).toBe('<b>Fees & "dues"</b>')
		expect(html).toContain('<h1 style="margin:0 0 16px;font-size:24px;line-height:1.25;color:#1a2433;">&lt;b&gt;Fees &amp; &quot;dues&quot;&lt;/b&gt;</h1>')
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
		expect(html).toContain('href="https://x.test/?a=1&amp;b=&quot;2&quot;"')
		expect(html).toContain('Go &lt;now&gt;</a>')
		expect(html).toContain('Obec &lt;Ž&gt;')
		expect(html).not.toMatch(/<script|<b>/)
		expect(text).toContain('<script>alert(1)</script>')
		expect(text).toContain('Go <now>: https://x.test/?a=1&b="2"')
	})

	test("the sender is the town by its name in the mail's language, at its contact address or at MAIL_FROM_DOMAIN", () => {
		const profile = { slug: 'veseli-nad-moravou', name: town.name, contact: town.contact }
		expect(mailSender(profile, 'en')).toEqual({ from: { name: 'Town of Veselí nad Moravou', address: 'podatelna@veseli-demo.example' } })
		// No Ukrainian name: the Czech one.
		expect(mailSender(profile, 'uk', 'mail.portal.example')).toEqual({
			from: { name: 'Město Veselí nad Moravou', address: 'veseli-nad-moravou@mail.portal.example' },
			replyTo: 'podatelna@veseli-demo.example',
		})
	})
})
