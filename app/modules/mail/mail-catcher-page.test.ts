// The data behind the demo mail page: newest first, 20 a page, a 404 off the platform host or without
// a capture server; and the page's texts complete in every language.
import { describe, expect, test } from 'vitest'
import cs from '../../locales/cs/platform-mail.json'
import en from '../../locales/en/platform-mail.json'
import uk from '../../locales/uk/platform-mail.json'
import { getCaughtMail, listCaughtMail, requireMailCatcher } from './mail-catcher-page.server'
import { setMailCatcher, type CaughtMail, type MailCatcher } from './mail-catcher.server'

function fakeInbox(count: number): MailCatcher {
	const mails: CaughtMail[] = Array.from({ length: count }, (_, index) => ({
		id: `m${index + 1}`,
		receivedAt: new Date(Date.UTC(2026, 10, 26, 10, 0, index)),
		from: { name: 'Město Znojmo', address: 'podatelna@znojmo.example' },
		to: [`person${index + 1}@example.test`],
		subject: `Zpráva ${index + 1}`,
		tenant: 'znojmo',
		template: 'notification',
		text: 'Text',
		html: '<p>Text</p>',
		links: [],
		attachments: [{ filename: 'znak.svg', contentType: 'image/svg+xml', size: 6, cid: 'c', inline: true, content: Buffer.from('<svg/>') }],
		raw: Buffer.from('raw'),
	}))
	return { messages: () => [...mails], find: (id) => mails.find((mail) => mail.id === id) }
}

function keysOf(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix]
	return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

describe('demo mail page data', () => {
	test('lists newest first, 20 a page; a page out of range shows the nearest one', () => {
		const inbox = fakeInbox(45)
		const first = listCaughtMail(inbox, 1, 'cs')
		expect(first).toMatchObject({ page: 1, pages: 3, total: 45 })
		expect(first.items).toHaveLength(20)
		expect(first.items[0]).toEqual({
			id: 'm45',
			subject: 'Zpráva 45',
			to: 'person45@example.test',
			sender: 'Město Znojmo',
			receivedAt: '2026-11-26T10:00:44.000Z',
			receivedAtText: '26.11.26 11:00:44',
		})
		expect(listCaughtMail(inbox, 3, 'en').items.map((item) => item.id)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1'])
		expect(listCaughtMail(inbox, 99, 'en').page).toBe(3)
		expect(listCaughtMail(inbox, Number.NaN, 'en').page).toBe(1)
		expect(listCaughtMail(fakeInbox(0), 1, 'en')).toEqual({ items: [], page: 1, pages: 1, total: 0 })
	})

	test('a message shows with a data: preview of its image attachment; an unknown id is a 404', () => {
		const mail = getCaughtMail(fakeInbox(1), 'm1', 'en')
		expect(mail.from).toBe('Město Znojmo <podatelna@znojmo.example>')
		expect(mail.attachments[0]).toMatchObject({
			name: 'znak.svg',
			size: '6 B',
			inline: true,
			preview: `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`,
		})
		expect(() => getCaughtMail(fakeInbox(1), 'nope', 'en')).toThrow(expect.objectContaining({ init: expect.objectContaining({ status: 404 }) }))
	})

	test('the page exists only on the platform host while a capture server runs, and asks anyone not signed in as vendor staff to sign in', async () => {
		const platform = { portal: { kind: 'platform', cspNonce: '', requestId: '' } } as never
		const town = { portal: { kind: 'tenant', tenant: {}, cspNonce: '', requestId: '' } } as never
		const request = new Request('http://admin.localhost/platform/mail?strana=2')
		const status = (error: unknown) => (error instanceof Response ? error.status : (error as { init?: { status?: number } }).init?.status)
		setMailCatcher(null)
		expect(status(await requireMailCatcher(request, platform).catch((error: unknown) => error))).toBe(404)
		setMailCatcher(fakeInbox(1))
		try {
			const anonymous = await requireMailCatcher(request, platform).catch((error: unknown) => error)
			expect(anonymous).toBeInstanceOf(Response)
			expect((anonymous as Response).headers.get('location')).toBe('/platform/prihlaseni?zpet=%2Fplatform%2Fmail%3Fstrana%3D2')
			expect(status(await requireMailCatcher(request, town).catch((error: unknown) => error))).toBe(404)
		} finally {
			setMailCatcher(null)
		}
	})

	test('platform-mail.json has the same keys in cs, en and uk', () => {
		expect(keysOf(en).sort()).toEqual(keysOf(cs).sort())
		expect(keysOf(uk).sort()).toEqual(keysOf(cs).sort())
	})
})
