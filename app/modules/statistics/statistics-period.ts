import { z } from 'zod'

// A statistics period: whole calendar months (Europe/Prague), from and to inclusive, as 'YYYY-MM'.
// The previous period is as many months just before it. Plain GET fields, so no JavaScript is needed.

export const MAX_MONTHS = 60

/** The period's query parameters (Czech like the paths; docs/glossary.md): `?od=2026-01&do=2026-12&porovnat=on`. */
export const PERIOD_PARAMS = { from: 'od', to: 'do', compare: 'porovnat' } as const

/** The CSV of one figure: `?ukazatel=<chart or table key>`. */
export const FIGURE_PARAM = 'ukazatel'

/** A period as query parameters. */
export function periodSearch(period: { from: string; to: string; compare: boolean }) {
	return new URLSearchParams({ [PERIOD_PARAMS.from]: period.from, [PERIOD_PARAMS.to]: period.to, ...(period.compare ? { [PERIOD_PARAMS.compare]: 'on' } : {}) })
}
const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month')

export const PeriodSchema = z
	.object({
		from: MonthSchema,
		to: MonthSchema,
		compare: z.preprocess((value) => value === 'on' || value === '1' || value === 'true', z.boolean()),
	})
	.superRefine((period, ctx) => {
		// Zod 4 runs this even when a month is malformed; that error is enough then.
		if (!MonthSchema.safeParse(period.from).success || !MonthSchema.safeParse(period.to).success) return
		if (period.from > period.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'order' })
		else if (monthsBetween(period.from, period.to) > MAX_MONTHS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'tooLong' })
		else if (period.from < '2000-01') ctx.addIssue({ code: 'custom', path: ['from'], message: 'month' })
	})
export type Period = z.output<typeof PeriodSchema>

/** Today's month in Prague, as 'YYYY-MM'. */
export function currentMonth(now = new Date()) {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7)
}

export function addMonths(month: string, delta: number) {
	const [year, m] = month.split('-').map(Number) as [number, number]
	const index = year * 12 + (m - 1) + delta
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Months from..to inclusive. */
export function monthsBetween(from: string, to: string) {
	const [fy, fm] = from.split('-').map(Number) as [number, number]
	const [ty, tm] = to.split('-').map(Number) as [number, number]
	return (ty - fy) * 12 + (tm - fm) + 1
}

export function listMonths(from: string, to: string) {
	return Array.from({ length: monthsBetween(from, to) }, (_, i) => addMonths(from, i))
}

export function previousPeriod(period: { from: string; to: string }) {
	const length = monthsBetween(period.from, period.to)
	return { from: addMonths(period.from, -length), to: addMonths(period.from, -1) }
}

/** The default and the quick choices: this month, this quarter, this year, the last 12 months. */
export function presetPeriods(now = new Date()) {
	const month = currentMonth(now)
	const [year, m] = month.split('-').map(Number) as [number, number]
	const quarterStart = `${year}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}`
	return {
		month: { from: month, to: month },
		quarter: { from: quarterStart, to: addMonths(quarterStart, 2) },
		year: { from: `${year}-01`, to: `${year}-12` },
		last12: { from: addMonths(month, -11), to: month },
	}
}

/** The period of a GET request: the last 12 months with comparison when nothing is given. */
export function readPeriod(params: URLSearchParams, now = new Date()) {
	if (!params.has(PERIOD_PARAMS.from) && !params.has(PERIOD_PARAMS.to))
		return { success: true as const, period: { ...presetPeriods(now).last12, compare: true } }
	const parsed = PeriodSchema.safeParse({
		from: params.get(PERIOD_PARAMS.from) ?? '',
		to: params.get(PERIOD_PARAMS.to) ?? '',
		compare: params.get(PERIOD_PARAMS.compare) ?? '',
	})
	if (parsed.success) return { success: true as const, period: parsed.data }
	const errors: Record<string, string> = {}
	for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message
	return { success: false as const, errors }
}

/** 'YYYY-MM' -> the first day as a Date at UTC midnight (how Prisma reads a DATE column). */
export function monthDate(month: string) {
	return new Date(`${month}-01T00:00:00Z`)
}
