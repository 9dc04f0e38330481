// Texts for SMS (issue 15): the GSM 03.38 default alphabet (GSM-7) fits 160 characters in one
// message, 153 per part when split; anything outside it would switch the whole text to UCS-2 (70 per
// part, about twice the price). So Czech diacritics are stripped (č → c, ř → r, ů → u), Ukrainian
// is transliterated to Latin letters (the national 2010 table, simplified), typographic quotes and
// dashes become their plain forms, and the text is cut at a whole number of parts.

const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà'
/** Characters of the extension table: each takes two septets (an escape and the character). */
const EXTENSION = '^{}\\[~]|€'
const BASIC_SET = new Set(BASIC)
const EXTENSION_SET = new Set(EXTENSION)

const PLAIN: Record<string, string> = {
	'„': '"',
	'“': '"',
	'”': '"',
	'‚': "'",
	'‘': "'",
	'’': "'",
	'–': '-',
	'—': '-',
	'…': '...',
	'\u00a0': ' ',
	'\t': ' ',
	'•': '-',
	'×': 'x',
}

const UKRAINIAN: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'h',
	ґ: 'g',
	д: 'd',
	е: 'e',
	є: 'ie',
	ж: 'zh',
	з: 'z',
	и: 'y',
	і: 'i',
	ї: 'i',
	й: 'i',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'kh',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ь: '',
	ю: 'iu',
	я: 'ia',
	ʼ: '',
	ы: 'y',
	э: 'e',
	ё: 'io',
	ъ: '',
}

function transliterateChar(char: string): string {
	if (PLAIN[char] !== undefined) return PLAIN[char]
	const lower = char.toLowerCase()
	if (UKRAINIAN[lower] !== undefined) {
		const latin = UKRAINIAN[lower]
		return char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1)
	}
	// Strip combining marks: č → c, Ř → R, ů → u, é → e (also é, although GSM-7 has it: one rule for all Czech letters).
	const stripped = char.normalize('NFD').replace(/\p{M}/gu, '')
	if (stripped !== char) return [...stripped].map((c) => (BASIC_SET.has(c) || EXTENSION_SET.has(c) ? c : '?')).join('')
	return BASIC_SET.has(char) || EXTENSION_SET.has(char) ? char : '?'
}

/** The text in the GSM-7 alphabet: diacritics stripped, Cyrillic transliterated, anything else as "?". */
export function toGsm7(text: string): string {
	return [...text.replace(/\r\n?/g, '\n')].map(transliterateChar).join('')
}

/** Septets the text takes (extension characters count twice). Expects a GSM-7 text. */
export function septetLength(text: string): number {
	let length = 0
	for (const char of text) length += EXTENSION_SET.has(char) ? 2 : 1
	return length
}

/** Parts a GSM-7 text is sent in: one up to 160 septets, else 153 per part (the rest is the joining header). */
export function partCount(text: string): number {
	const length = septetLength(text)
	return length <= 160 ? 1 : Math.ceil(length / 153)
}

/** SMSbrána's SMS Connect refuses a text longer than 459 characters (3 parts; docs/sms-gateway.md). */
export const MAX_SMS_PARTS = 3

export type PreparedSms = { text: string; parts: number; isTruncated: boolean }

/**
 * Prepares a text for sending: whitespace collapsed, GSM-7 only, at most `maxParts` parts. A longer
 * text is cut at a word where possible and ends with "..." so the reader sees it goes on (the portal link
 * callers put first stays whole).
 */
export function prepareSmsText(text: string, { maxParts = MAX_SMS_PARTS }: { maxParts?: number } = {}): PreparedSms {
	const gsm = toGsm7(text)
		.replace(/[ ]+/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim()
	const limit = maxParts === 1 ? 160 : maxParts * 153
	if (septetLength(gsm) <= limit) return { text: gsm, parts: partCount(gsm), isTruncated: false }
	const room = limit - 3
	let cut = ''
	let length = 0
	for (const char of gsm) {
		const size = EXTENSION_SET.has(char) ? 2 : 1
		if (length + size > room) break
		cut += char
		length += size
	}
	const atWord = cut.lastIndexOf(' ')
	const trimmed = (atWord > room * 0.8 ? cut.slice(0, atWord) : cut).trimEnd()
	const result = `${trimmed}...`
	return { text: result, parts: partCount(result), isTruncated: true }
}
