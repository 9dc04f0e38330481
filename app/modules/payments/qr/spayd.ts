import { crc32 } from 'node:zlib'
import { electronicFormatIBAN, isValidIBAN } from 'ibantools'
import { SpaydError } from './spayd-error'

export { SpaydError, type SpaydErrorCode } from './spayd-error'

export type SpaydInput = {
	iban: string
	amount: number /* haléře, integer > 0 */
	variableSymbol?: string
	specificSymbol?: string
	constantSymbol?: string
	message?: string
	recipientName?: string
	dueDate?: Date
}

const MAX_MSG = 60
const MAX_RN = 35
// AM allows at most 10 digits before the decimal point.
const MAX_AMOUNT_HALERE = 9_999_999_999_99

// Plain ASCII keeps the QR readable by every banking app (some mangle UTF-8);
// case is kept because the citizen sees the message in their bank.
function toAscii(value: string): string {
	return value
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^\x20-\x7e]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
}

// The standard forbids a raw `*` inside a value; `%` and `+` are escaped too so
// readers that percent-decode get the original text back.
function escapeValue(value: string): string {
	return value.replace(/%/g, '%25').replace(/\*/g, '%2A').replace(/\+/g, '%2B')
}

function symbol(value: string | undefined, code: SpaydError['code']): string | undefined {
	if (value === undefined || value === '') return undefined
	if (!/^\d{1,10}$/.test(value)) throw new SpaydError(code)
	return value
}

function formatAmount(amount: number): string {
	if (!Number.isInteger(amount) || amount <= 0 || amount > MAX_AMOUNT_HALERE) {
		throw new SpaydError('invalid_amount')
	}
	const whole = Math.floor(amount / 100)
	const cents = String(amount % 100).padStart(2, '0')
	return `${whole}.${cents}`
}

function formatDate(date: Date): string {
	if (Number.isNaN(date.getTime())) throw new SpaydError('invalid_due_date')
	const y = String(date.getFullYear()).padStart(4, '0')
	const m = String(date.getMonth() + 1).padStart(2, '0')
	const d = String(date.getDate()).padStart(2, '0')
	return `${y}${m}${d}`
}

/**
 * Builds a QR Platba (SPAYD 1.0) string. Keys are emitted in the canonical
 * (alphabetical) order, so the string before CRC32 is exactly the canonical
 * string the checksum is computed over.
 */
export function encodeSpayd(input: SpaydInput): string {
	const iban = electronicFormatIBAN(input.iban ?? '') ?? ''
	if (!isValidIBAN(iban)) throw new SpaydError('invalid_iban')

	const pairs: Array<[string, string]> = [
		['ACC', iban],
		['AM', formatAmount(input.amount)],
		['CC', 'CZK'],
	]
	if (input.dueDate) pairs.push(['DT', formatDate(input.dueDate)])
	const msg = input.message ? toAscii(input.message).slice(0, MAX_MSG) : ''
	if (msg) pairs.push(['MSG', escapeValue(msg)])
	const rn = input.recipientName ? toAscii(input.recipientName).slice(0, MAX_RN) : ''
	if (rn) pairs.push(['RN', escapeValue(rn)])
	const ks = symbol(input.constantSymbol, 'invalid_constant_symbol')
	if (ks) pairs.push(['X-KS', ks])
	const ss = symbol(input.specificSymbol, 'invalid_specific_symbol')
	if (ss) pairs.push(['X-SS', ss])
	const vs = symbol(input.variableSymbol, 'invalid_variable_symbol')
	if (vs) pairs.push(['X-VS', vs])

	pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	const canonical = 'SPD*1.0*' + pairs.map(([k, v]) => `${k}:${v}*`).join('')
	const crc = (crc32(canonical) >>> 0).toString(16).toUpperCase().padStart(8, '0')
	return `${canonical}CRC32:${crc}*`
}
