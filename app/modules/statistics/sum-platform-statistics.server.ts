import { getPool } from '../db/pool.server'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { listMonths, monthDate } from './statistics-period'

// The vendor console's statistics: counts only, summed over every active town. Vendor staff never
// see a town's personal data or money, so this reads just four count figures from each town's
// summary table.
const PLATFORM_FIGURES = ['registrations', 'active_users', 'submissions', 'payments'] as const
export type PlatformFigure = (typeof PLATFORM_FIGURES)[number]

/**
 * Deliberately reads across town schemas (one UNION ALL over their statistic_month tables, in the
 * platform's own request, with no town client): the vendor console has no town. Only counts leave it.
 */
async function unsafeSumCountsAcrossTowns(slugs: string[], from: string, to: string) {
	if (slugs.length === 0) return []
	const parts = slugs.map(
		(slug) => `SELECT figure, month, count FROM ${quoteIdent(tenantSchemaName(slug))}.statistic_month WHERE figure = ANY($1::text[]) AND month BETWEEN $2 AND $3`,
	)
	const { rows } = await getPool().query<{ figure: PlatformFigure; month: string; total: string }>(
		`SELECT figure, to_char(month, 'YYYY-MM') AS month, sum(count)::text AS total FROM (${parts.join(' UNION ALL ')}) t GROUP BY 1, 2`,
		[PLATFORM_FIGURES, monthDate(from), monthDate(to)],
	)
	return rows
}

export async function sumPlatformStatistics({ from, to }: { from: string; to: string }) {
	const { rows: towns } = await getPool().query<{ slug: string }>(`SELECT slug FROM platform.tenant WHERE status = 'active' ORDER BY slug`)
	const totals = await unsafeSumCountsAcrossTowns(towns.map((town) => town.slug), from, to)
	const value = (figure: PlatformFigure, month: string) => Number(totals.find((row) => row.figure === figure && row.month === month)?.total ?? 0)
	return {
		towns: towns.length,
		months: listMonths(from, to).map((month) => ({ month, ...Object.fromEntries(PLATFORM_FIGURES.map((figure) => [figure, value(figure, month)])) }) as { month: string } & Record<PlatformFigure, number>),
		figures: PLATFORM_FIGURES,
	}
}
