import { getPool } from '../db/pool.server'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { listMonths, monthDate } from './statistics-period'

// The vendor console's statistics: counts only, summed over every active town. Vendor staff never
// see a town's personal data or money, so this reads just six count figures from each town's
// summary table (grant applications and message conversations included: counts only).
const PLATFORM_FIGURES = ['registrations', 'active_users', 'submissions', 'payments', 'grant_applications', 'messages'] as const
export type PlatformFigure = (typeof PLATFORM_FIGURES)[number]

/**
 * Deliberately reads across town schemas (UNION ALL over their statistic_month tables, in the
 * platform's own request, with no town client): the vendor console has no town. Only counts leave it.
 * Towns are read in chunks and summed here: one statement over thousands of schemas makes a huge plan
 * here, and under Citus schema-based sharding the towns of one statement live on different workers.
 */
const TOWNS_PER_STATEMENT = 200
async function unsafeSumCountsAcrossTowns(slugs: string[], from: string, to: string) {
	const totals = new Map<string, { figure: PlatformFigure; month: string; total: number }>()
	for (let start = 0; start < slugs.length; start += TOWNS_PER_STATEMENT) {
		const parts = slugs
			.slice(start, start + TOWNS_PER_STATEMENT)
			.map(
				(slug) =>
					`SELECT figure, month, count FROM ${quoteIdent(tenantSchemaName(slug))}.statistic_month WHERE figure = ANY($1::text[]) AND month BETWEEN $2 AND $3`,
			)
		const { rows } = await getPool().query<{ figure: PlatformFigure; month: string; total: string }>(
			`SELECT figure, to_char(month, 'YYYY-MM') AS month, sum(count)::text AS total FROM (${parts.join(' UNION ALL ')}) t GROUP BY 1, 2`,
			[PLATFORM_FIGURES, monthDate(from), monthDate(to)],
		)
		for (const row of rows) {
			const key = `${row.figure}|${row.month}`
			const entry = totals.get(key) ?? { figure: row.figure, month: row.month, total: 0 }
			entry.total += Number(row.total)
			totals.set(key, entry)
		}
	}
	return [...totals.values()]
}

export async function sumPlatformStatistics({ from, to }: { from: string; to: string }) {
	const { rows: towns } = await getPool().query<{ slug: string }>(`SELECT slug FROM platform.tenant WHERE status = 'active' ORDER BY slug`)
	const totals = await unsafeSumCountsAcrossTowns(
		towns.map((town) => town.slug),
		from,
		to,
	)
	const value = (figure: PlatformFigure, month: string) => Number(totals.find((row) => row.figure === figure && row.month === month)?.total ?? 0)
	return {
		towns: towns.length,
		months: listMonths(from, to).map(
			(month) =>
				({ month, ...Object.fromEntries(PLATFORM_FIGURES.map((figure) => [figure, value(figure, month)])) }) as { month: string } & Record<
					PlatformFigure,
					number
				>,
		),
		figures: PLATFORM_FIGURES,
	}
}
