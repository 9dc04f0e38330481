import { parseCamt053 } from './parse-camt053'
import { parseFioJson } from './parse-fio-json'
import { parseGpc } from './parse-gpc'
import type { ParseResult } from './types'

export type * from './types'

/** Sniffs the format from the content (the file name is only a tie-breaker) and parses it. */
export function parseStatement(bytes: Buffer, fileName?: string): ParseResult {
	if (bytes.length === 0) return { ok: false, errors: [{ code: 'empty_file' }] }
	const head = bytes
		.subarray(0, 512)
		.toString('latin1')
		.replace(/^\xEF\xBB\xBF/, '')
		.trimStart()
	if (head.startsWith('074')) return parseGpc(bytes)
	if (head.startsWith('<')) return parseCamt053(bytes.toString('utf8'))
	if (head.startsWith('{')) {
		try {
			return parseFioJson(JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')))
		} catch {
			return { ok: false, format: 'fio', errors: [{ code: 'fio_bad_json' }] }
		}
	}
	if (fileName && /\.(gpc|abo)$/i.test(fileName)) return parseGpc(bytes)
	return { ok: false, errors: [{ code: 'unknown_format' }] }
}
