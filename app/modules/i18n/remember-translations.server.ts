import type { i18n as I18n } from 'i18next'

/** Distinct calls remembered per language; past it the memory starts again (a town's texts are a few thousand). */
export const REMEMBERED_CALLS = 20_000

type Translate = (key: unknown, options?: unknown, ...rest: unknown[]) => unknown

/**
 * The key of a call whose answer depends only on its arguments: a string key and options whose values
 * are strings, numbers or booleans (and the namespace list react-i18next passes). Anything else (objects
 * to format, a function, returnObjects with arrays, the (key, defaultValue) form) is not remembered.
 */
function callKey(key: unknown, options: unknown, rest: unknown[]): string | undefined {
	if (typeof key !== 'string' || rest.length > 0) return undefined
	if (options === undefined) return key
	if (typeof options !== 'object' || options === null) return undefined
	let out = key
	for (const name in options) {
		const value = (options as Record<string, unknown>)[name]
		if (value === undefined || value === null) continue
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out += `\u0001${name}\u0002${value}`
		else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) out += `\u0001${name}\u0003${value.join('\u0003')}`
		else return undefined
	}
	return out
}

/**
 * Makes a server-side i18next instance answer repeated calls from memory. A page calls t() hundreds of
 * times (a 50-row table calls it ten times a row) and i18next resolves each call from scratch: key
 * parsing, the namespace and fallback walk, plural and context suffixes, interpolation with regular
 * expressions; that was a seventh of a citizen's payment page in the CPU profile (decision 029). The
 * answer of a call depends only on its arguments while the instance's language and resources stay as
 * they were at init, which holds for the server's per-language instances (nothing changes them).
 */
export function rememberTranslations(instance: I18n, limit = REMEMBERED_CALLS) {
	const translate = instance.t.bind(instance) as unknown as Translate
	const remembered = new Map<string, string>()
	const t: Translate = (key, options, ...rest) => {
		const memoKey = callKey(key, options, rest)
		if (memoKey === undefined) return translate(key, options, ...rest)
		const known = remembered.get(memoKey)
		if (known !== undefined) return known
		const value = translate(key, options)
		if (typeof value === 'string') {
			if (remembered.size >= limit) remembered.clear()
			remembered.set(memoKey, value)
		}
		return value
	}
	instance.t = t as unknown as I18n['t']
	return instance
}
