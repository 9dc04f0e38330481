// A local SMTP server that keeps every message it receives, in memory, instead of delivering it: the
// demo lists them on the platform host (/platform/mail) and the tests assert on them. It speaks plain
// SMTP on a loopback address only, with no authentication and no TLS, and stores at most
// `maxMessages` (the oldest go first).
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { AddressObject, ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { extractLinks, type MailLink } from './extract-links'

export type CapturedAttachment = {
	filename: string | null
	contentType: string
	size: number
	/** Content-ID without angle brackets, for inline parts referenced as cid: in the HTML. */
	cid: string | null
	inline: boolean
	content: Buffer
}

export type CapturedMail = {
	id: string
	receivedAt: Date
	/** The SMTP envelope: what the sender said in MAIL FROM and RCPT TO. */
	envelope: { from: string | null; to: string[] }
	from: { name: string; address: string } | null
	to: string[]
	replyTo: string | null
	subject: string
	messageId: string | null
	/** Header lines by lower-case name (the first value of each). */
	headers: Record<string, string>
	/** The town (X-Portal-Tenant) and template (X-Portal-Template) the portal sent it for, when set. */
	tenant: string | null
	template: string | null
	text: string | null
	/** The HTML part as sent (cid: references kept). */
	html: string | null
	/** Every http(s) link in the HTML or text part, with its link text, first occurrence first. */
	links: MailLink[]
	attachments: CapturedAttachment[]
	raw: Buffer
}

export type MailCapture = {
	host: string
	port: number
	/** For SMTP_URL or setSmtpUrl(): smtp://host:port */
	url: string
	/** Everything received, oldest first. */
	messages: () => CapturedMail[]
	find: (id: string) => CapturedMail | undefined
	/** The first message (already received or still to come) that matches; rejects after timeoutMs. */
	waitFor: (predicate: (mail: CapturedMail) => boolean, timeoutMs?: number) => Promise<CapturedMail>
	clear: () => void
	close: () => Promise<void>
}

type Options = { port?: number; host?: string; maxMessages?: number; allowInProduction?: boolean }

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

export async function startMailCapture({ port = 0, host = '127.0.0.1', maxMessages = 500, allowInProduction = false }: Options = {}): Promise<MailCapture> {
	if (!LOOPBACK.has(host)) throw new Error(`The mail capture server listens on a loopback address only, not ${host}`)
	if (process.env.NODE_ENV === 'production' && !allowInProduction) throw new Error('The mail capture server is for the demo and tests, not production')
	// mailparser is a development dependency: loaded only when a capture server starts.
	const { simpleParser } = await import('mailparser')
	const received: CapturedMail[] = []
	const waiters = new Set<{ predicate: (mail: CapturedMail) => boolean; resolve: (mail: CapturedMail) => void }>()

	const server = new SMTPServer({
		secure: false,
		authOptional: true,
		disabledCommands: ['AUTH', 'STARTTLS'],
		size: 25 * 1024 * 1024,
		banner: 'Portál občana mail capture (demo and tests only; nothing is delivered)',
		logger: false,
		closeTimeout: 1_000,
		onData(stream, session, callback) {
			const chunks: Buffer[] = []
			stream.on('data', (chunk: Buffer) => chunks.push(chunk))
			stream.on('error', callback)
			stream.on('end', () => {
				const raw = Buffer.concat(chunks)
				simpleParser(raw, { keepCidLinks: true })
					.then((parsed) => {
						const envelope = {
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
							to: session.envelope.rcptTo.map((recipient) => recipient.address),
						}
						const mail = toCapturedMail(parsed, raw, envelope)
						received.push(mail)
						if (received.length > maxMessages) received.splice(0, received.length - maxMessages)
						for (const waiter of waiters) {
							if (!waiter.predicate(mail)) continue
							waiters.delete(waiter)
							waiter.resolve(mail)
						}
						callback()
					})
					.catch((error: Error) => callback(error))
			})
		},
	})
	// smtp-server re-emits socket errors on itself: without a listener a taken port would crash the
	// process instead of rejecting here (and the demo falls back to a free port).
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(port, host, () => {
			server.off('error', reject)
			resolve()
		})
	})
	server.on('error', () => {})
	const actualPort = (server.server.address() as AddressInfo).port

	return {
		host,
		port: actualPort,
		url: `smtp://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
		messages: () => [...received],
		find: (id) => received.find((mail) => mail.id === id),
		waitFor: (predicate, timeoutMs = 10_000) => {
			const found = received.find(predicate)
			if (found) return Promise.resolve(found)
			return new Promise((resolve, reject) => {
				const waiter = { predicate, resolve }
				waiters.add(waiter)
				setTimeout(() => {
					if (!waiters.delete(waiter)) return
					const subjects = received.map((mail) => JSON.stringify(mail.subject)).join(', ') || 'none'
					reject(new Error(`no matching e-mail within ${timeoutMs} ms; received: ${subjects}`))
				}, timeoutMs).unref()
			})
		},
		clear: () => void received.splice(0),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	}
}

function toCapturedMail(parsed: ParsedMail, raw: Buffer, envelope: CapturedMail['envelope']): CapturedMail {
	const headers: Record<string, string> = {}
	for (const line of parsed.headerLines) {
		if (headers[line.key] !== undefined) continue
		headers[line.key] = line.line
			.slice(line.line.indexOf(':') + 1)
			.replace(/\r?\n\s+/g, ' ')
			.trim()
	}
	const from = parsed.from?.value[0]
	const html = typeof parsed.html === 'string' ? parsed.html : null
	return {
		id: randomUUID(),
		receivedAt: new Date(),
		envelope,
		from: from ? { name: from.name ?? '', address: from.address ?? '' } : null,
		to: addresses(parsed.to),
		replyTo: addresses(parsed.replyTo)[0] ?? null,
		subject: parsed.subject ?? '',
		messageId: parsed.messageId ?? null,
		headers,
		tenant: headers['x-portal-tenant'] ?? null,
		template: headers['x-portal-template'] ?? null,
		text: parsed.text ?? null,
		html,
		links: extractLinks({ html, text: parsed.text ?? null }),
		attachments: parsed.attachments.map((attachment) => ({
			filename: attachment.filename ?? null,
			contentType: attachment.contentType,
			size: attachment.size,
			cid: attachment.cid ?? null,
			inline: attachment.contentDisposition === 'inline' || attachment.related === true,
			content: attachment.content,
		})),
		raw,
	}
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
	const objects = value === undefined ? [] : Array.isArray(value) ? value : [value]
	return objects.flatMap((object) => object.value.map((address) => address.address ?? '')).filter(Boolean)
}
