// Turns statistic_month rows into the charts and tables of one period (pure: tested by hand-computed
// figures in get-town-statistics.test.ts). Amounts stay in haléře here; the pages show Kč.
import { CHART_UNITS, PAYMENT_CHANNELS, PORTAL_CHANNELS, type ChartKey, type TableKey, type Unit } from './statistics-figures'
import { listMonths, previousPeriod } from './statistics-period'

export type SummaryRow = { figure: string; month: string; dimension: string; detail: string; count: number; amount: number }

export type ChartPoint = { key: string; value: number | null; previousKey: string | null; previous: number | null }
export type Chart = {
	key: ChartKey
	unit: Unit
	/** month: points are months of the period; form: points are forms; agenda: points are message agendas. */
	categories: 'month' | 'form' | 'agenda'
	/** How the period's summary figure is formed: the value at its end, a sum, a monthly average, a share or a median. */
	summary: 'end' | 'sum' | 'average' | 'share' | 'median'
	points: ChartPoint[]
	total: number | null
	previousTotal: number | null
}
export type Table = { key: TableKey; rows: { key: string; cells: (number | null)[] }[] }

type Options = {
	rows: SummaryRow[]
	period: { from: string; to: string; compare: boolean }
	/** Citizens registered before the earlier of the two periods (the cumulative line starts from it). */
	registeredBefore: number
	/** Every form code the town has, in display order. */
	forms: string[]
	/** Median hours to resolution per form ('' = all forms) in the period and in the previous one (getHistogramMedians). */
	resolution: { current: Record<string, number>; previous: Record<string, number> }
	/** Median hours to the office's first reply per message agenda ('' = all agendas), likewise. */
	firstResponse?: { current: Record<string, number>; previous: Record<string, number> }
	/** Every message agenda (the town's submission agendas) in display order. */
	agendas?: string[]
	/** Every grant programme code in display order. */
	programmes?: string[]
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)
const share = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null)

/** Hours -> days with one decimal; null when there is no figure. */
export function hoursToDays(hours: number | undefined) {
	return hours === undefined ? null : Math.round((hours / 24) * 10) / 10
}

export function computeFigures({
	rows,
	period,
	registeredBefore,
	forms,
	resolution,
	firstResponse = { current: {}, previous: {} },
	agendas = [],
	programmes = [],
}: Options): { charts: Chart[]; tables: Table[] } {
	const months = listMonths(period.from, period.to)
	const previous = previousPeriod(period)
	const previousMonths = listMonths(previous.from, previous.to)
	const inMonths = (list: string[]) => new Set(list)
	const current = inMonths(months)
	const earlier = inMonths(previousMonths)
	const byFigure = new Map<string, SummaryRow[]>()
	for (const row of rows) {
		const list = byFigure.get(row.figure)
		if (list) list.push(row)
		else byFigure.set(row.figure, [row])
	}
	const pick = (figure: string, filter: (row: SummaryRow) => boolean = () => true) => (byFigure.get(figure) ?? []).filter(filter)
	const byMonth = (figure: string, field: 'count' | 'amount', filter?: (row: SummaryRow) => boolean) => {
		const totals = new Map<string, number>()
		for (const row of pick(figure, filter)) totals.set(row.month, (totals.get(row.month) ?? 0) + row[field])
		return (month: string) => totals.get(month) ?? 0
	}
	const compare = period.compare

	// A chart over the months of the period, each point beside the same month of the previous period.
	const monthly = (key: ChartKey, summary: Chart['summary'], value: (month: string) => number | null, total: (set: Set<string>) => number | null): Chart => ({
		key,
		unit: CHART_UNITS[key],
		categories: 'month',
		summary,
		points: months.map((month, i) => ({
			key: month,
			value: value(month),
			previousKey: compare ? previousMonths[i]! : null,
			previous: compare ? value(previousMonths[i]!) : null,
		})),
		total: total(current),
		previousTotal: compare ? total(earlier) : null,
	})
	const sumOver = (f: (month: string) => number) => (set: Set<string>) => sum([...set].map(f))
	const shareOver = (part: (month: string) => number, whole: (month: string) => number) => (set: Set<string>) =>
		share(sum([...set].map(part)), sum([...set].map(whole)))

	const registrations = byMonth('registrations', 'count')
	const cumulative = new Map<string, number>()
	let running = registeredBefore
	for (const month of [...previousMonths, ...months]) cumulative.set(month, (running += registrations(month)))
	const registered = (month: string) => cumulative.get(month) ?? 0
	const lastOf = (set: Set<string>) => registered([...set].sort().at(-1)!)

	const active = byMonth('active_users', 'count')
	const submissions = byMonth('submissions', 'count')
	const paymentsCount = byMonth('payments', 'count')
	const paymentsAmount = byMonth('payments', 'amount')
	const portalAmount = byMonth('payments', 'amount', (row) => (PORTAL_CHANNELS as string[]).includes(row.dimension))
	const wastePortal = byMonth('waste_fee', 'amount', (row) => row.dimension === 'portal')
	const wasteAll = byMonth('waste_fee', 'amount')
	const discount = byMonth('discount', 'amount')
	const overdue = byMonth('overdue', 'count', (row) => row.dimension === 'overdue')
	const due = byMonth('overdue', 'count')

	const grantApplications = byMonth('grant_applications', 'count')
	const threads = byMonth('messages', 'count')
	const answeredAgendas = [...new Set([...agendas, ...Object.keys(firstResponse.current), ...Object.keys(firstResponse.previous)])].filter(
		(agenda) => agenda !== '' && (agenda in firstResponse.current || (compare && agenda in firstResponse.previous)),
	)

	const resolvedForms = forms.filter((form) => form in resolution.current || (compare && form in resolution.previous))

	const charts: Chart[] = [
		monthly('users', 'end', registered, lastOf),
		monthly('active_users', 'average', active, (set) => Math.round((10 * sum([...set].map(active))) / set.size) / 10),
		monthly('submissions', 'sum', submissions, sumOver(submissions)),
		{
			key: 'resolution',
			unit: 'days',
			categories: 'form',
			summary: 'median',
			points: resolvedForms.map((form) => ({
				key: form,
				value: hoursToDays(resolution.current[form]),
				previousKey: null,
				previous: compare ? hoursToDays(resolution.previous[form]) : null,
			})),
			total: hoursToDays(resolution.current['']),
			previousTotal: compare ? hoursToDays(resolution.previous['']) : null,
		},
		monthly('payments', 'sum', paymentsCount, sumOver(paymentsCount)),
		monthly('payments_amount', 'sum', paymentsAmount, sumOver(paymentsAmount)),
		monthly('payments_share', 'share', (m) => share(portalAmount(m), paymentsAmount(m)), shareOver(portalAmount, paymentsAmount)),
		monthly('waste_share', 'share', (m) => share(wastePortal(m), wasteAll(m)), shareOver(wastePortal, wasteAll)),
		monthly('discount', 'sum', discount, sumOver(discount)),
		monthly('overdue_share', 'share', (m) => share(overdue(m), due(m)), shareOver(overdue, due)),
		monthly('grant_applications', 'sum', grantApplications, sumOver(grantApplications)),
		monthly('messages', 'sum', threads, sumOver(threads)),
		{
			key: 'first_response',
			unit: 'days',
			categories: 'agenda',
			summary: 'median',
			points: answeredAgendas.map((agenda) => ({
				key: agenda,
				value: hoursToDays(firstResponse.current[agenda]),
				previousKey: null,
				previous: compare ? hoursToDays(firstResponse.previous[agenda]) : null,
			})),
			total: hoursToDays(firstResponse.current['']),
			previousTotal: compare ? hoursToDays(firstResponse.previous['']) : null,
		},
	]

	const submissionsOf = (form: string, set: Set<string>, channel?: string) =>
		sum(pick('submissions', (row) => row.dimension === form && set.has(row.month) && (!channel || row.detail === channel)).map((row) => row.count))
	const submittedForms = forms.filter((form) => submissionsOf(form, current) > 0 || (compare && submissionsOf(form, earlier) > 0))
	const paymentsOf = (channel: string, set: Set<string>, field: 'count' | 'amount') =>
		sum(pick('payments', (row) => row.dimension === channel && set.has(row.month)).map((row) => row[field]))
	const sumOf = (figure: string, dimension: string, set: Set<string>, field: 'count' | 'amount') =>
		sum(pick(figure, (row) => row.dimension === dimension && set.has(row.month)).map((row) => row[field]))
	const withRows = (figure: string, keys: string[]) => {
		const seen = new Set(pick(figure, (row) => current.has(row.month) || (compare && earlier.has(row.month))).map((row) => row.dimension))
		return [...new Set([...keys, ...seen])].filter((key) => seen.has(key))
	}
	const tables: Table[] = [
		{
			key: 'submissions_by_form',
			rows: submittedForms.map((form) => ({
				key: form,
				cells: [
					submissionsOf(form, current, 'logged_in'),
					submissionsOf(form, current, 'anonymous'),
					submissionsOf(form, current),
					compare ? submissionsOf(form, earlier) : null,
				],
			})),
		},
		{
			key: 'payments_by_method',
			rows: PAYMENT_CHANNELS.map((channel) => ({
				key: channel,
				cells: [
					paymentsOf(channel, current, 'count'),
					paymentsOf(channel, current, 'amount'),
					compare ? paymentsOf(channel, earlier, 'count') : null,
					compare ? paymentsOf(channel, earlier, 'amount') : null,
				],
			})),
		},
		{
			// Applications filed per programme, the amount they asked for, and the previous period's count.
			key: 'grants_by_programme',
			rows: withRows('grant_applications', programmes).map((code) => ({
				key: code,
				cells: [
					sumOf('grant_applications', code, current, 'count'),
					sumOf('grant_applications', code, current, 'amount'),
					compare ? sumOf('grant_applications', code, earlier, 'count') : null,
				],
			})),
		},
		{
			// Conversations begun per agenda and the median first response, beside the previous period's.
			key: 'messages_by_agenda',
			rows: [...new Set([...withRows('messages', agendas), ...answeredAgendas])].map((agenda) => ({
				key: agenda,
				cells: [
					sumOf('messages', agenda, current, 'count'),
					hoursToDays(firstResponse.current[agenda]),
					compare ? sumOf('messages', agenda, earlier, 'count') : null,
					compare ? hoursToDays(firstResponse.previous[agenda]) : null,
				],
			})),
		},
	]
	return { charts, tables }
}
