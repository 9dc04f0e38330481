import type { TenantDb } from '../db/tenant-db.server'
import type { Locale } from '../i18n/locales'
import { getTownStatistics } from './get-town-statistics.server'
import { DEFAULT_PUBLISHED, PUBLISHABLE, type PublishableKey, type Unit } from './statistics-figures'
import { presetPeriods } from './statistics-period'

/** The figures the town publishes (town_settings.published_statistics), in the fixed order of PUBLISHABLE. */
export async function getPublishedFigures(db: TenantDb): Promise<PublishableKey[]> {
	const settings = await db.townSettings.findUnique({ where: { id: 1 }, select: { publishedStatistics: true } })
	const chosen = new Set(settings?.publishedStatistics ?? DEFAULT_PUBLISHED)
	return PUBLISHABLE.filter((key) => chosen.has(key))
}

/**
 * What /statistiky shows: the published charts over the last 12 months with the 12 before them.
 * Aggregates only (counts, sums, shares, medians per month or per form): never a person.
 */
export async function getPublicStatistics({ db, slug, locale, now = new Date() }: { db: TenantDb; slug: string; locale: Locale; now?: Date }) {
	const published = await getPublishedFigures(db)
	const period = { ...presetPeriods(now).last12, compare: true }
	const statistics = await getTownStatistics({ db, slug, period, locale })
	return {
		period,
		published,
		charts: statistics.charts.filter((chart) => (published as string[]).includes(chart.key)),
		formNames: statistics.formNames,
		refreshedAt: statistics.refresh.refreshedAt,
	}
}

export type PublicStatisticsRow = { figure: PublishableKey; unit: Unit; category: string; label: string; value: number | null }

/**
 * The public figures as flat rows (one per figure and month, or per figure and form), for the
 * open-data catalogue to publish as CSV (publicStatisticsCsv). Values are in the figure's unit:
 * counts, percent, days; amounts in haléře.
 */
export async function listPublicStatisticsRows({
	db,
	slug,
	locale = 'cs',
	now = new Date(),
}: {
	db: TenantDb
	slug: string
	locale?: Locale
	now?: Date
}): Promise<PublicStatisticsRow[]> {
	const { charts, formNames } = await getPublicStatistics({ db, slug, locale, now })
	return charts.flatMap((chart) =>
		chart.points.map((point) => ({
			figure: chart.key as PublishableKey,
			unit: chart.unit,
			category: point.key,
			label: chart.categories === 'form' ? (formNames[point.key] ?? point.key) : point.key,
			value: point.value,
		})),
	)
}
