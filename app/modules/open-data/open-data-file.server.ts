import type { TenantDb } from '../db/tenant-db.server'
import { boardNow, pragueDay } from '../board/board-clock.server'
import { csvwMetadata, toCsv } from './csv'
import { FEE_RATE_COLUMNS, feeRatesJson, loadFeeRates } from './fee-rates-dataset.server'
import { FORM_CATALOGUE_COLUMNS, loadFormCatalogue } from './form-catalogue-dataset.server'
import { feeRatesJsonSchema, formCatalogueJsonSchema } from './json-schemas'

export const OPEN_DATA_FILES = [
	'sazby-poplatku.csv', 'sazby-poplatku.json', 'sazby-poplatku.csv-metadata.json', 'sazby-poplatku.schema.json',
	'katalog-formularu.csv', 'katalog-formularu.json', 'katalog-formularu.csv-metadata.json', 'katalog-formularu.schema.json',
] as const
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number]

export function isOpenDataFile(name: string): name is OpenDataFile {
	return (OPEN_DATA_FILES as readonly string[]).includes(name)
}

const SCHEMAS_SINCE = new Date()
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`

/** A distribution of the fee-rate or form-catalogue dataset: body, type and when its data last changed. */
export async function buildOpenDataFile({ db, origin, file, now = boardNow() }: { db: TenantDb; origin: string; file: OpenDataFile; now?: Date }) {
	const base = `${origin}/otevrena-data/soubory`
	// The schemas change only with the code: the deployment's start is their last modification.
	if (file === 'sazby-poplatku.schema.json') return { body: json(feeRatesJsonSchema(`${base}/${file}`)), contentType: 'application/schema+json', lastModified: SCHEMAS_SINCE }
	if (file === 'katalog-formularu.schema.json') return { body: json(formCatalogueJsonSchema(`${base}/${file}`)), contentType: 'application/schema+json', lastModified: SCHEMAS_SINCE }
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
