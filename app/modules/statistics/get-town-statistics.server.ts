import { LRUCache } from 'lru-cache'
import { getPool } from '../db/pool.server'
import type { TenantDb } from '../db/tenant-db.server'
import { pickText, type Locale, type LocalizedText } from '../i18n/locales'
import { computeFigures, type SummaryRow } from './compute-figures'
import { listTopics, topicName } from '../messages/topics.server'
import { getHistogramMedians, HISTOGRAM_FIGURES, type Medians } from './resolution-medians.server'
import { monthDate, previousPeriod } from './statistics-period'

/** `slug` names the town's schema for the one raw query (the resolution medians). */
type Options = { db: TenantDb; slug: string; period: { from: string; to: string; compare: boolean }; locale: Locale }

const toMonth = (date: Date) => date.toISOString().slice(0, 7)

// The figures change only when a refresh commits, so a page view keyed by the town, the period,
// the language and the refresh time is reused until the next refresh (one small query per view).
const cache = new LRUCache<string, Awaited<ReturnType<typeof readTownStatistics>>>({ max: 200 })

export async function getTownStatistics(options: Options) {
	const state = await options.db.statisticRefresh.findUnique({
		where: { id: 1 },
		select: { status: true, step: true, steps: true, refreshedAt: true, error: true },
	})
	const key = [options.slug, options.period.from, options.period.to, options.period.compare, options.locale, state?.refreshedAt?.toISOString() ?? 'never'].join(
		'|',
	)
	let figures = cache.get(key)
	if (!figures) cache.set(key, (figures = await readTownStatistics(options)))
	return {
		...figures,
		refresh: {
			status: state?.status ?? 'idle',
			step: state?.step ?? 0,
			steps: state?.steps ?? 0,
			refreshedAt: state?.refreshedAt?.toISOString() ?? null,
			error: state?.error ?? null,
		},
	}
}

/**
 * The town's statistics for a period (and the one before it), read from the summary table only:
 * a few hundred rows whatever the size of the town. Forms are named in the visitor's language.
 */
async function readTownStatistics({ db, slug, period, locale }: Options) {
	const earlier = previousPeriod(period)
	const none: Medians = { resolution: {}, first_response: {} }
	const [rows, before, forms, current, previous, topics, programmes] = await Promise.all([
		// The hour histograms stay in the database: their medians come from getHistogramMedians.
		db.statisticMonth.findMany({ where: { month: { gte: monthDate(earlier.from), lte: monthDate(period.to) }, figure: { notIn: [...HISTOGRAM_FIGURES] } } }),
		db.statisticMonth.aggregate({ _sum: { count: true }, where: { figure: 'registrations', month: { lt: monthDate(earlier.from) } } }),
		db.form.findMany({ select: { code: true, title: true }, orderBy: { code: 'asc' } }),
		getHistogramMedians({ pool: getPool(), slug, ...period }),
		period.compare ? getHistogramMedians({ pool: getPool(), slug, ...earlier }) : Promise.resolve(none),
		listTopics(db),
		db.grantProgramme.findMany({
			select: { code: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { name: true } } },
			orderBy: { code: 'asc' },
		}),
	])
	const summary: SummaryRow[] = rows.map((row) => ({
		figure: row.figure,
		month: toMonth(row.month),
		dimension: row.dimension,
		detail: row.detail,
		count: Number(row.count),
		amount: Number(row.amount),
	}))
	// Forms that no longer exist keep their code as the label.
	const formNames = new Map(forms.map((form) => [form.code, pickText(form.title as LocalizedText, locale)]))
	const codes = [
		...new Set([
			...forms.map((form) => form.code),
			...summary.filter((row) => row.figure === 'submissions').map((row) => row.dimension),
			...Object.keys(current).filter(Boolean),
		]),
	]
	const figures = computeFigures({
		rows: summary,
		period,
		registeredBefore: Number(before._sum.count ?? 0),
		forms: codes,
		resolution: { current: current.resolution, previous: previous.resolution },
		firstResponse: { current: current.first_response, previous: previous.first_response },
		agendas: topics.map((topic) => topic.code),
		programmes: programmes.map((programme) => programme.code),
	})
	// Agendas and programmes that no longer exist keep their code as the label.
	const agendaCodes = [
		...new Set([
			...topics.map((topic) => topic.code),
			...summary.filter((row) => row.figure === 'messages').map((row) => row.dimension),
			...Object.keys(current.first_response).filter(Boolean),
		]),
	]
	return {
		...figures,
		formNames: Object.fromEntries(codes.map((code) => [code, formNames.get(code) ?? code])),
		agendaNames: Object.fromEntries(agendaCodes.map((code) => [code, topicName(topics, code, locale)])),
		programmeNames: Object.fromEntries(programmes.map((programme) => [programme.code, programme.versions[0]?.name ?? programme.code])),
	}
}
export type TownStatistics = Awaited<ReturnType<typeof getTownStatistics>>
