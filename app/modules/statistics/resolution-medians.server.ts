import type pg from 'pg'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { monthDate } from './statistics-period'

/**
 * Median hours from submission to resolution per form ('' = all forms) over whole months, computed
 * in SQL from the hour histogram in statistic_month (summed over the months, then the middle one or
 * two positions of the cumulative count), so the page never carries thousands of buckets.
 */
export async function getResolutionMedians({ pool, slug, from, to }: { pool: pg.Pool; slug: string; from: string; to: string }) {
	const s = quoteIdent(tenantSchemaName(slug))
	const { rows } = await pool.query<{ form: string; median: string }>(
		`WITH h AS (
		   SELECT dimension AS form, detail::int AS hours, sum(count) AS n FROM ${s}.statistic_month
		    WHERE figure = 'resolution' AND month BETWEEN $1 AND $2 GROUP BY GROUPING SETS ((dimension, detail), (detail))),
		 c AS (
		   SELECT coalesce(form, '') AS form, hours, sum(n) OVER (PARTITION BY form ORDER BY hours) AS upto, sum(n) OVER (PARTITION BY form) AS total FROM h)
		 SELECT form, ((min(hours) FILTER (WHERE upto >= floor((total + 1) / 2))) + (min(hours) FILTER (WHERE upto >= floor(total / 2) + 1))) / 2.0 AS median
		   FROM c GROUP BY form`,
		[monthDate(from), monthDate(to)],
	)
	return Object.fromEntries(rows.map((row) => [row.form, Number(row.median)])) as Record<string, number>
}
