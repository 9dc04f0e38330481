// The capture server as any SMTP client sees it (nodemailer over real SMTP), and what it keeps.
import { createTransport } from 'nodemailer'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startMailCapture, type MailCapture } from './mail-capture'

let capture: MailCapture
const send = (message: Parameters<ReturnType<typeof createTransport>['sendMail']>[0]) => createTransport({ url: capture.url }).sendMail(message)

beforeAll(async () => {
	capture = await startMailCapture({ maxMessages: 3 })
})

afterAll(async () => {
	await capture?.close()
})

describe('mail capture server', () => {
	test('listens on 127.0.0.1 only and refuses any other address; refuses to start in production unless allowed', async () => {
		expect(capture.host).toBe('127.0.0.1')
		expect(capture.url).toBe(`smtp://127.0.0.1:${capture.port}`)
		await expect(startMailCapture({ host: '0.0.0.0' })).rejects.toThrow(/loopback address only/)
		const saved = process.env.NODE_ENV
		process.env.NODE_ENV = 'production'
		try {
			await expect(startMailCapture()).rejects.toThrow(/not production/)
		} finally {
			process.env.NODE_ENV = saved
		}
	})

	test('keeps a message with its envelope, headers, both parts, inline attachment and http(s) links', async () => {
		capture.clear()
		await send({
			from: { name: 'Město Žďár', address: 'podatelna@zdar.example' },
			to: 'clerk@example.test',
			replyTo: 'office@zdar.example',
			subject: 'Pozvánka – Město Žďár',
			headers: { 'X-Portal-Tenant': 'zdar', 'X-Portal-Template': 'staff-invitation' },
			text: 'Přijmout: https://zdar.test/accept?t=1&u=2.\nJinak nic.',
			html: '<p><a href="https://zdar.test/accept?t=1&amp;u=2"><b>Přijmout</b> pozvánku</a> <a href="javascript:alert(1)">x</a> <a href="mailto:a@b.c">m</a> <img src="cid:logo@x" alt="Znak"></p>',
			attachments: [{ filename: 'znak.svg', content: '<svg/>', contentType: 'image/svg+xml', cid: 'logo@x' }],
		})
		const [mail] = capture.messages()
		expect(mail).toMatchObject({
			envelope: { from: 'podatelna@zdar.example', to: ['clerk@example.test'] },
			from: { name: 'Město Žďár', address: 'podatelna@zdar.example' },
			to: ['clerk@example.test'],
			replyTo: 'office@zdar.example',
			subject: 'Pozvánka – Město Žďár',
			tenant: 'zdar',
			template: 'staff-invitation',
			text: 'Přijmout: https://zdar.test/accept?t=1&u=2.\nJinak nic.',
		})
		expect(mail.html).toContain('src="cid:logo@x"')
		expect(mail.links).toEqual([{ href: 'https://zdar.test/accept?t=1&u=2', text: 'Přijmout pozvánku' }])
		expect(mail.attachments).toEqual([
			expect.objectContaining({ filename: 'znak.svg', contentType: 'image/svg+xml', cid: 'logo@x', inline: true, content: Buffer.from('<svg/>') }),
		])
		expect(mail.raw.toString()).toContain('Subject: =?UTF-8?')
		expect(capture.find(mail.id)).toBe(mail)
	})

	test('waitFor resolves with a message that arrives later, and rejects with what did arrive after its timeout', async () => {
		capture.clear()
		const waiting = capture.waitFor((mail) => mail.subject === 'later', 5_000)
		await send({ from: 'a@example.test', to: 'b@example.test', subject: 'sooner', text: 'x' })
		await send({ from: 'a@example.test', to: 'b@example.test', subject: 'later', text: 'y' })
		expect((await waiting).text?.trim()).toBe('y')
		await expect(capture.waitFor((mail) => mail.subject === 'never', 200)).rejects.toThrow('no matching e-mail within 200 ms; received: "sooner", "later"')
	})

	test('keeps only the newest maxMessages; clear() empties it', async () => {
		capture.clear()
		for (const subject of ['1', '2', '3', '4']) await send({ from: 'a@example.test', to: 'b@example.test', subject, text: subject })
		expect(capture.messages().map((mail) => mail.subject)).toEqual(['2', '3', '4'])
		capture.clear()
		expect(capture.messages()).toEqual([])
	})
})
