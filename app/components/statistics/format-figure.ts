import type { Unit } from '~/modules/statistics/statistics-figures'

// Intl formatters are costly to build and a statistics page formats hundreds of figures: one per
// locale and unit, built on first use.
const formats = new Map<string, Intl.NumberFormat>()
function numberFormat(locale: string, unit: Unit) {
	const key = `${locale}:${unit}`
	let format = formats.get(key)
	if (!format) {
		const options: Intl.NumberFormatOptions =
			unit === 'czk'
				? { style: 'currency', currency: 'CZK', maximumFractionDigits: 2, minimumFractionDigits: 0 }
				: unit === 'percent'
					? { style: 'percent', maximumFractionDigits: 1 }
					: { maximumFractionDigits: 1 }
		formats.set(key, (format = new Intl.NumberFormat(locale, options)))
	}
	return format
}

/** A figure in its unit for the visitor's language: counts, Kč (from haléře), shares in %, days. */
export function formatFigure(value: number | null, unit: Unit, locale: string, daysLabel: (value: string) => string) {
	if (value === null) return '–'
	if (unit === 'czk') return numberFormat(locale, unit).format(value / 100)
	if (unit === 'percent') return numberFormat(locale, unit).format(value / 100)
	if (unit === 'days') return daysLabel(numberFormat(locale, unit).format(value))
	return numberFormat(locale, unit).format(value)
}
