import { listMonths, previousPeriod } from './statistics-period'

const formats = new Map<string, Intl.DateTimeFormat>()

/** 'YYYY-MM' -> "led 2026" / "Jan 2026" for every month of a period and the one before it. */
export function monthLabels(period: { from: string; to: string }, locale: string) {
	let format = formats.get(locale)
	if (!format) formats.set(locale, (format = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' })))
	const earlier = previousPeriod(period)
	return Object.fromEntries(listMonths(earlier.from, period.to).map((month) => [month, format.format(new Date(`${month}-01T00:00:00Z`))]))
}
