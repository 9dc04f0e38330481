import { cleanSymbol, ddmmyy } from './symbols'
import { signedAmount, type ParsedMovement, type ParseResult, type StatementError, type StatementErrorCode } from './types'

const KINDS: Record<string, ParsedMovement['kind']> = {
	'1': 'debit',
	'2': 'credit',
	'4': 'debit_reversal',
	'5': 'credit_reversal',
}

// GPC is Windows-1250 by definition, but files re-saved by editors arrive as UTF-8;
// a strict UTF-8 decode succeeding on non-ASCII bytes tells them apart reliably.
function decode(bytes: Buffer): string {
	const hasHigh = bytes.some((b) => b > 0x7f)
	if (hasHigh) {
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
		} catch {
			/* not UTF-8: fall through */
		}
	}
	return new TextDecoder('windows-1250').decode(bytes)
}

const account = (raw: string) => raw.trim().replace(/^0+/, '') || '0'

export function parseGpc(bytes: Buffer): ParseResult {
	const lines = decode(bytes).split(/\r?\n/)
	const errors: StatementError[] = []
	const movements: ParsedMovement[] = []
	let header: { accountNumber: string; statementId: string; from?: string; to?: string; opening: number; closing: number } | undefined
	const bad = (line: number, code: StatementErrorCode, params?: StatementError['params']) => errors.push({ line, code, ...(params ? { params } : {}) })

	for (let i = 0; i < lines.length; i++) {
		const text = lines[i]!
		const line = i + 1
		if (text.trim() === '') continue
		const type = text.slice(0, 3)
		if (type !== '074' && type !== '075') {
			if (!['076', '078', '079'].includes(type)) bad(line, 'gpc_unknown_record', { type })
			else if (type === '078' || type === '079') {
				const last = movements.at(-1)
				const msg = text.slice(3).trim()
				if (last && msg) last.message = last.message ? `${last.message} ${msg}` : msg
			}
			continue
		}
		if (text.length !== 128) {
			bad(line, 'gpc_record_length', { length: text.length })
			continue
		}
		if (type === '074') {
			const from = ddmmyy(text.slice(39, 45))
			const to = ddmmyy(text.slice(108, 114))
			if (!from || !to) bad(line, 'gpc_bad_date')
			const bal = (s: string, sign: string) => Number(s) * (sign === '-' ? -1 : 1)
			header = {
				accountNumber: account(text.slice(3, 19)),
				statementId: text.slice(105, 108).trim(),
				from,
				to,
				opening: bal(text.slice(45, 59), text[59]!),
				closing: bal(text.slice(60, 74), text[74]!),
			}
			continue
		}
		if (!header) bad(line, 'gpc_missing_header')
		const kind = KINDS[text[60]!]
		const amountRaw = text.slice(48, 60)
		const bookingDate = ddmmyy(text.slice(122, 128))
		const valueDate = ddmmyy(text.slice(91, 97))
		if (!kind) bad(line, 'gpc_bad_posting_code', { code: text[60]! })
		if (!/^\d{12}$/.test(amountRaw)) bad(line, 'gpc_bad_amount')
		if (!bookingDate) bad(line, 'gpc_bad_date')
		if (!kind || !bookingDate || !/^\d{12}$/.test(amountRaw)) continue
		const own = account(text.slice(3, 19))
		// Banks zero-pad the document number; the key must not depend on padding.
		const docNumber = text
			.slice(35, 48)
			.trim()
			.replace(/^0+(?=.)/, '')
		const counter = account(text.slice(19, 35))
		const bankCode = text.slice(73, 77)
		const name = text.slice(97, 117).trim()
		movements.push({
			movementKey: `gpc:${own}:${docNumber}`,
			line,
			bookingDate,
			...(valueDate ? { valueDate } : {}),
			amount: signedAmount(kind, Number(amountRaw)),
			kind,
			variableSymbol: cleanSymbol(text.slice(61, 71)),
			constantSymbol: cleanSymbol(text.slice(77, 81)),
			specificSymbol: cleanSymbol(text.slice(81, 91)),
			...(counter !== '0' ? { counterAccount: /^\d{4}$/.test(bankCode) && bankCode !== '0000' ? `${counter}/${bankCode}` : counter } : {}),
			...(name ? { counterName: name } : {}),
			bankReference: docNumber,
		})
	}
	if (!header && errors.length === 0) errors.push({ code: 'gpc_missing_header' })
	if (errors.length > 0 || !header) return { ok: false, format: 'gpc', errors }
	for (const m of movements) for (const k of ['variableSymbol', 'constantSymbol', 'specificSymbol'] as const) if (m[k] === undefined) delete m[k]
	return {
		ok: true,
		statement: {
			format: 'gpc',
			accountNumber: header.accountNumber,
			statementId: header.statementId,
			...(header.from ? { from: header.from } : {}),
			...(header.to ? { to: header.to } : {}),
			openingBalance: header.opening,
			closingBalance: header.closing,
			movements,
		},
	}
}
