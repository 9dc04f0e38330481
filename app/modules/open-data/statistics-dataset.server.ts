import type { TenantDb } from '../db/tenant-db.server'
import { listPublicStatisticsRows, type PublicStatisticsRow } from '../statistics/get-public-statistics.server'
import { csvValue, publicStatisticsCsv } from '../statistics/statistics-csv.server'
import type { CsvColumn } from './csv'
import type { CsvDataset } from './csv-dataset.server'
import { statisticsJsonSchema } from './json-schemas'

// The town's public statistics (issue 17, decision 017): only the figures the town chose to publish
// on /statistiky, over the last 12 months, as aggregates (counts, shares, medians, sums). No person.
// The CSV is the statistics module's own (publicStatisticsCsv); these columns describe it in CSV-W.

export const STATISTICS_COLUMNS: CsvColumn[] = [
	{
		name: 'figure',
		titles: { cs: 'Ukazatel', en: 'Figure' },
		datatype: 'string',
		description: 'users, active_users, submissions, resolution, payments_share, waste_share, discount, overdue_share',
	},
	{ name: 'unit', titles: { cs: 'Jednotka', en: 'Unit' }, datatype: 'string', description: 'count = počet, czk = Kč, percent = procenta, days = dny' },
	{ name: 'category', titles: { cs: 'Kategorie (měsíc RRRR-MM nebo kód formuláře)', en: 'Category (month YYYY-MM or form code)' }, datatype: 'string' },
	{ name: 'label', titles: { cs: 'Popisek kategorie', en: 'Category label' }, datatype: 'string' },
	{
		name: 'value',
		titles: { cs: 'Hodnota v jednotce řádku', en: 'Value in the row’s unit' },
		datatype: 'decimal',
		description: 'počty celé, Kč se dvěma desetinnými místy, procenta a dny s jedním; prázdná = bez dat',
	},
]

export async function loadPublicStatistics({
	db,
	slug,
	now,
}: {
	db: TenantDb
	slug: string
	now: Date
}): Promise<{ rows: PublicStatisticsRow[]; lastModified: Date | null }> {
	const [rows, refresh] = await Promise.all([
		listPublicStatisticsRows({ db, slug, locale: 'cs', now }),
		db.statisticRefresh.findUnique({ where: { id: 1 }, select: { refreshedAt: true } }),
	])
	return { rows, lastModified: refresh?.refreshedAt ?? null }
}

/** The JSON distribution: the same rows and values as the CSV (amounts in Kč), values as numbers. */
export function statisticsJson(rows: PublicStatisticsRow[]) {
	return {
		údaje: rows.map((row) => ({
			figure: row.figure,
			unit: row.unit,
			category: row.category,
			label: row.label,
			value: row.value === null ? null : Number(csvValue(row.value, row.unit)),
		})),
	}
}

/** The published figures; the CSV is the statistics module's own (the same file as /statistiky.csv). */
export const STATISTICS_DATASET: CsvDataset<PublicStatisticsRow> = {
	file: 'statistiky',
	title: () => ({ cs: 'Statistiky portálu občana za posledních 12 měsíců', en: 'Citizen portal statistics for the last 12 months' }),
	columns: STATISTICS_COLUMNS,
	primaryKey: ['figure', 'category'],
	load: ({ db, slug, now }) => loadPublicStatistics({ db, slug, now }),
	json: statisticsJson,
	jsonSchema: statisticsJsonSchema,
	csv: publicStatisticsCsv,
}
