import type { TenantDb } from '../db/tenant-db.server'
import { boardNow, pragueDay } from '../board/board-clock.server'
import { publicStatisticsCsv } from '../statistics/statistics-csv.server'
import { csvwMetadata, toCsv } from './csv'
import { FEE_RATE_COLUMNS, feeRatesJson, loadFeeRates } from './fee-rates-dataset.server'
import { FORM_CATALOGUE_COLUMNS, loadFormCatalogue } from './form-catalogue-dataset.server'
import { feeRatesJsonSchema, formCatalogueJsonSchema, statisticsJsonSchema } from './json-schemas'
import { loadPublicStatistics, STATISTICS_COLUMNS, statisticsJson } from './statistics-dataset.server'

export const OPEN_DATA_FILES = [
	'sazby-poplatku.csv', 'sazby-poplatku.json', 'sazby-poplatku.csv-metadata.json', 'sazby-poplatku.schema.json',
	'katalog-formularu.csv', 'katalog-formularu.json', 'katalog-formularu.csv-metadata.json', 'katalog-formularu.schema.json',
	'statistiky.csv', 'statistiky.json', 'statistiky.csv-metadata.json', 'statistiky.schema.json',
] as const
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number]

export function isOpenDataFile(name: string): name is OpenDataFile {
	return (OPEN_DATA_FILES as readonly string[]).includes(name)
}

const SCHEMAS_SINCE = new Date()
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** A distribution of the fee-rate, form-catalogue or statistics dataset: body, type and when its data last changed. */
export async function buildOpenDataFile({ db, slug, origin, file, now = boardNow() }: { db: TenantDb; slug: string; origin: string; file: OpenDataFile; now?: Date }) {
	const base = `${origin}/otevrena-data/soubory`
	// The schemas change only with the code: the deployment's start is their last modification.
	if (file === 'sazby-poplatku.schema.json') return { body: json(feeRatesJsonSchema(`${base}/${file}`)), contentType: 'application/schema+json', lastModified: SCHEMAS_SINCE }
	if (file === 'katalog-formularu.schema.json') return { body: json(formCatalogueJsonSchema(`${base}/${file}`)), contentType: 'application/schema+json', lastModified: SCHEMAS_SINCE }
	if (file === 'statistiky.schema.json') return { body: json(statisticsJsonSchema(`${base}/${file}`)), contentType: 'application/schema+json', lastModified: SCHEMAS_SINCE }
	if (file.startsWith('statistiky')) {
		// The figures change when a statistics refresh commits (decision 017).
		const { rows, lastModified } = await loadPublicStatistics({ db, slug, now })
		if (file.endsWith('.csv')) return { body: publicStatisticsCsv(rows), contentType: 'text/csv; charset=utf-8', lastModified }
		if (file.endsWith('.csv-metadata.json')) {
			const metadata = csvwMetadata({ csvUrl: `${base}/statistiky.csv`, title: { cs: 'Statistiky portálu občana za posledních 12 měsíců', en: 'Citizen portal statistics for the last 12 months' }, columns: STATISTICS_COLUMNS, primaryKey: ['figure', 'category'] })
			return { body: json(metadata), contentType: 'application/csvm+json', lastModified }
		}
		return { body: json(statisticsJson(rows)), contentType: 'application/json; charset=utf-8', lastModified }
	}
	if (file.startsWith('sazby-poplatku')) {
		const year = Number(pragueDay(now).slice(0, 4))
		const { rows, lastModified } = await loadFeeRates({ db, year })
		if (file.endsWith('.csv')) return { body: toCsv(FEE_RATE_COLUMNS, rows), contentType: 'text/csv; charset=utf-8', lastModified }
		if (file.endsWith('.csv-metadata.json')) {
			const metadata = csvwMetadata({ csvUrl: `${base}/sazby-poplatku.csv`, title: { cs: `Sazby místních poplatků ${year}`, en: `Local fee rates ${year}` }, columns: FEE_RATE_COLUMNS, primaryKey: ['kod_poplatku'] })
			return { body: json(metadata), contentType: 'application/csvm+json', lastModified }
		}
		return { body: json(feeRatesJson(rows, year)), contentType: 'application/json; charset=utf-8', lastModified }
	}
	const { rows, lastModified } = await loadFormCatalogue({ db, origin })
	if (file.endsWith('.csv')) return { body: toCsv(FORM_CATALOGUE_COLUMNS, rows), contentType: 'text/csv; charset=utf-8', lastModified }
	if (file.endsWith('.csv-metadata.json')) {
		const metadata = csvwMetadata({ csvUrl: `${base}/katalog-formularu.csv`, title: { cs: 'Katalog elektronických formulářů', en: 'Catalogue of online forms' }, columns: FORM_CATALOGUE_COLUMNS, primaryKey: ['kod'] })
		return { body: json(metadata), contentType: 'application/csvm+json', lastModified }
	}
	return { body: json({ formuláře: rows }), contentType: 'application/json; charset=utf-8', lastModified }
}
