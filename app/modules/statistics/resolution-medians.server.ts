import type pg from 'pg'
import { quoteIdent, tenantSchemaName } from '../db/schema-name'
import { monthDate } from './statistics-period'

/** Figures kept as an hour histogram (detail = whole hours): their medians come from here. */
export const HISTOGRAM_FIGURES = ['resolution', 'first_response'] as const
export type HistogramFigure = (typeof HISTOGRAM_FIGURES)[number]
export type Medians = Record<HistogramFigure, Record<string, number>>

/**
 * Median hours per dimension ('' = all) over whole months for each histogram figure: submission to
 * resolution per form, and first response per message agenda. Computed in SQL from the histogram in
 * statistic_month (summed over the months, then the middle one or two positions of the cumulative
 * count), so the page never carries thousands of buckets. One query for both figures.
 */
export async function getHistogramMedians({ pool, slug, from, to }: { pool: pg.Pool; slug: string; from: string; to: string }): Promise<Medians> {
	const s = quoteIdent(tenantSchemaName(slug))
	const { rows } = await pool.query<{ figure: HistogramFigure; dimension: string; median: string }>(
		`WITH h AS (
		   SELECT figure, dimension, detail::int AS hours, sum(count) AS n FROM ${s}.statistic_month
		    WHERE figure = ANY($3::text[]) AND month BETWEEN $1 AND $2 GROUP BY GROUPING SETS ((figure, dimension, detail), (figure, detail))),
		 c AS (
		   SELECT figure, coalesce(dimension, '') AS dimension, hours, sum(n) OVER (PARTITION BY figure, dimension ORDER BY hours) AS upto, sum(n) OVER (PARTITION BY figure, dimension) AS total FROM h)
		 SELECT figure, dimension, ((min(hours) FILTER (WHERE upto >= floor((total + 1) / 2))) + (min(hours) FILTER (WHERE upto >= floor(total / 2) + 1))) / 2.0 AS median
		   FROM c GROUP BY figure, dimension`,
		[monthDate(from), monthDate(to), HISTOGRAM_FIGURES],
	)
	const medians: Medians = { resolution: {}, first_response: {} }
	for (const row of rows) medians[row.figure][row.dimension] = Number(row.median)
	return medians
}

/** Median hours from submission to resolution per form ('' = all forms). */
export async function getResolutionMedians(options: { pool: pg.Pool; slug: string; from: string; to: string }) {
	return (await getHistogramMedians(options)).resolution
}
