// SMSbrána.cz "SMS Connect" HTTP API client (docs/sms-gateway.md has the facts and their source).
// One GET per text to <apiUrl> with action=send_sms; the password itself is never sent: the secure
// login sends time, a one-off salt (sul) and auth = md5(password + time + sul). The answer is XML:
// <result><err>0</err><sms_id>…</sms_id><sms_count>…</sms_count>…</result>, err 0 meaning accepted.
import { createHash, randomBytes } from 'node:crypto'
import { assertAllowedSmsApiUrl } from './sms-api-url.server'
import { SmsError, type SmsClient } from './sms-provider'

export type SmsBranaConfig = { apiUrl: string; login: string; password: string }

/** err codes of SMS Connect; the retryable ones may pass later (clock, salt, database, credit, unknown). */
const ERRORS: Record<string, { text: string; retryable: boolean }> = {
	'1': { text: 'unknown error', retryable: true },
	'2': { text: 'invalid login', retryable: false },
	'3': { text: 'invalid hash or password', retryable: false },
	'4': { text: 'time differs too much from the gateway clock', retryable: true },
	'5': { text: 'IP address not allowed', retryable: false },
	'6': { text: 'invalid action', retryable: false },
	'7': { text: 'salt already used today', retryable: true },
	'8': { text: 'gateway database unavailable', retryable: true },
	'9': { text: 'insufficient credit', retryable: true },
	'10': { text: 'invalid recipient number', retryable: false },
	'11': { text: 'empty message', retryable: false },
	'12': { text: 'message longer than 459 characters', retryable: false },
}

/** The gateway's clock is Prague's: YYYYMMDDTHHMMSS in Europe/Prague. */
export function smsBranaTime(at: Date): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: 'Europe/Prague',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23',
		})
			.formatToParts(at)
			.map((part) => [part.type, part.value]),
	)
	return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`
}

export function smsBranaAuth(password: string, time: string, salt: string): string {
	return createHash('md5').update(`${password}${time}${salt}`).digest('hex')
}

function tag(xml: string, name: string): string | null {
	const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)
	return match ? match[1]!.trim() : null
}

export function createSmsBranaClient(config: SmsBranaConfig, options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => Date } = {}): SmsClient {
	// Again here, not only when saving: the login and its hash go to this address.
	assertAllowedSmsApiUrl(config.apiUrl)
	const doFetch = options.fetch ?? fetch
	const timeoutMs = options.timeoutMs ?? 15_000
	const now = options.now ?? (() => new Date())
	return {
		async send({ to, text, reference }) {
			const time = smsBranaTime(now())
			const salt = randomBytes(12).toString('hex')
			const query = new URLSearchParams({
				login: config.login,
				time,
				sul: salt,
				auth: smsBranaAuth(config.password, time, salt),
				action: 'send_sms',
				// International form without the plus sign, e.g. 420777123456.
				number: to.replace(/^\+/, ''),
				message: text,
				user_id: reference,
			})
			let response: Response
			try {
				response = await doFetch(`${config.apiUrl}?${query.toString()}`, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) })
			} catch (cause) {
				throw new SmsError(`SMSbrána request failed: ${(cause as Error).name}`, { code: 'network', retryable: true, cause })
			}
			const body = await response.text().catch(() => '')
			if (!response.ok) throw new SmsError(`SMSbrána answered HTTP ${response.status}`, { code: `http_${response.status}`, retryable: response.status >= 500 })
			const err = tag(body, 'err')
			if (err === null) throw new SmsError('SMSbrána answered without an err code', { code: 'malformed', retryable: true })
			// -1: a text with this user_id was sent before: a retry after a lost answer. Already done.
			if (err === '-1') return { providerMessageId: null, parts: 0, isDuplicate: true }
			if (err !== '0') {
				const known = ERRORS[err] ?? { text: 'unknown error', retryable: true }
				throw new SmsError(`SMSbrána refused the text: err ${err} (${known.text})`, { code: `err_${err}`, retryable: known.retryable })
			}
			return { providerMessageId: tag(body, 'sms_id'), parts: Number(tag(body, 'sms_count') ?? '1') || 1, isDuplicate: false }
		},
	}
}
