/** Bank symbols without leading zeros; all-zero or empty means "no symbol". */
export function cleanSymbol(value: string | undefined | null): string | undefined {
	const digits = String(value ?? '')
		.trim()
		.replace(/^0+/, '')
	return /^\d{1,10}$/.test(digits) ? digits : undefined
}

/** DDMMYY to YYYY-MM-DD, or undefined when not a real date. */
export function ddmmyy(value: string): string | undefined {
	const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value)
	if (!m) return undefined
	const [d, mo, y] = [Number(m[1]), Number(m[2]), 2000 + Number(m[3])]
	const date = new Date(Date.UTC(y, mo - 1, d))
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined
	return date.toISOString().slice(0, 10)
}

export function isIsoDate(value: string | undefined): value is string {
	if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
	return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
}
