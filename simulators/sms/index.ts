// SMSbrána "SMS Connect" simulator (issue 15): speaks the HTTP API the portal's client uses
// (docs/sms-gateway.md) on {url}/smsconnect/http.php, keeps every accepted text in memory, and shows
// them on its own page ({url}/) so a demo visitor or a test sees what a phone would have received.
// Checks what the real gateway checks: login, auth = md5(password + time + sul), a salt used once,
// a number and a text, the 459-character limit, a user_id used once (err -1). Never in production.
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { type AddressInfo } from 'node:net'
import { renderTextsPage } from './page'

export const SMS_CONNECT_PATH = '/smsconnect/http.php'

export type SmsAccount = { login: string; password: string }
export type ReceivedSms = { id: number; login: string; number: string; message: string; userId: string | null; parts: number; at: Date }

export type StartSmsSimulatorOptions = { port?: number; host?: string; accounts?: SmsAccount[]; force?: boolean }

function xml(res: ServerResponse, fields: Record<string, string | number>) {
	res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' })
	res.end(
		`<?xml version='1.0' encoding='utf-8'?>\n<result>${Object.entries(fields)
			.map(([key, value]) => `<${key}>${value}</${key}>`)
			.join('')}</result>`,
	)
}

export async function startSmsSimulator(options: StartSmsSimulatorOptions = {}) {
	if (process.env.NODE_ENV === 'production' && !options.force) {
		throw new Error('The SMS simulator swallows texts and must not run in production (NODE_ENV=production). Pass { force: true } only if you mean it.')
	}
	const accounts: SmsAccount[] = [...(options.accounts ?? [])]
	const texts: ReceivedSms[] = []
	const usedSalts = new Set<string>()
	const usedUserIds = new Set<string>()
	/** failNext: answer the next N sends with this err code (a test of retries and failures); down: HTTP 503. */
	const controls = { down: false, failNext: 0, failCode: 8 }
	let nextId = 1000

	function handleSend(params: URLSearchParams, res: ServerResponse) {
		const login = params.get('login') ?? ''
		const account = accounts.find((candidate) => candidate.login === login)
		if (!account) return xml(res, { err: 2 })
		const time = params.get('time')
		const salt = params.get('sul')
		const auth = params.get('auth')
		if (time && salt && auth) {
			if (createHash('md5').update(`${account.password}${time}${salt}`).digest('hex') !== auth) return xml(res, { err: 3 })
			if (!/^\d{8}T\d{6}$/.test(time)) return xml(res, { err: 4 })
			const key = `${login}:${time.slice(0, 8)}:${salt}`
			if (usedSalts.has(key)) return xml(res, { err: 7 })
			usedSalts.add(key)
		} else if (params.get('password') !== account.password) return xml(res, { err: 3 })
		if (params.get('action') !== 'send_sms') return xml(res, { err: 6 })
		if (controls.failNext > 0) {
			controls.failNext -= 1
			return xml(res, { err: controls.failCode })
		}
		const number = params.get('number') ?? ''
		if (!/^\+?[1-9][0-9]{7,14}$/.test(number)) return xml(res, { err: 10 })
		const message = params.get('message') ?? ''
		if (!message) return xml(res, { err: 11 })
		if (message.length > 459) return xml(res, { err: 12 })
		const userId = params.get('user_id')
		if (userId) {
			if (usedUserIds.has(`${login}:${userId}`)) return xml(res, { err: -1 })
			usedUserIds.add(`${login}:${userId}`)
		}
		const parts = message.length <= 160 ? 1 : Math.ceil(message.length / 153)
		const sms: ReceivedSms = { id: nextId++, login, number: number.replace(/^\+/, ''), message, userId, parts, at: new Date() }
		texts.push(sms)
		return xml(res, { err: 0, price: (1.2 * parts).toFixed(2), sms_count: parts, credit: '1000.00', sms_id: sms.id })
	}

	async function handle(req: IncomingMessage, res: ServerResponse) {
		const url = new URL(req.url ?? '/', 'http://x')
		if (url.pathname === SMS_CONNECT_PATH) {
			if (controls.down) {
				res.writeHead(503).end()
				return
			}
			let params = url.searchParams
			if (req.method === 'POST') {
				const chunks: Buffer[] = []
				for await (const chunk of req) chunks.push(chunk as Buffer)
				params = new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
			}
			return handleSend(params, res)
		}
		if (url.pathname === '/texts.json') {
			const number = url.searchParams.get('cislo')?.replace(/^\+/, '')
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(texts.filter((sms) => !number || sms.number === number).slice(-500)))
			return
		}
		if (url.pathname === '/') {
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
			res.end(renderTextsPage(texts, url.searchParams.get('cislo') ?? ''))
			return
		}
		res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')
	}

	const http = createServer((req, res) => {
		handle(req, res).catch((error) => {
			res.writeHead(500, { 'Content-Type': 'text/plain' })
			res.end(String(error))
		})
	})
	await new Promise<void>((resolve, reject) => {
		http.once('error', reject)
		http.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve)
	})
	const address = http.address() as AddressInfo
	const simulator = {
		url: `http://${options.host ?? '127.0.0.1'}:${address.port}`,
		get apiUrl() {
			return `${simulator.url}${SMS_CONNECT_PATH}`
		},
		accounts,
		texts,
		controls,
		/** Texts received for a number (E.164 with or without the plus). */
		textsTo(number: string) {
			return texts.filter((sms) => sms.number === number.replace(/^\+/, ''))
		},
		stop() {
			http.closeAllConnections()
			return new Promise<void>((resolve) => http.close(() => resolve()))
		},
	}
	return simulator
}
export type SmsSimulator = Awaited<ReturnType<typeof startSmsSimulator>>
