import type { TenantDb } from '../db/tenant-db.server'
import { boardNow } from '../board/board-clock.server'
import { AWARDED_GRANTS_DATASET } from '../grants/awarded-grants-dataset.server'
import { buildCsvDatasetFile, csvDatasetFiles, matchCsvDatasetFile, type CsvDataset } from './csv-dataset.server'
import { FEE_RATES_DATASET } from './fee-rates-dataset.server'
import { FORM_CATALOGUE_DATASET } from './form-catalogue-dataset.server'
import { STATISTICS_DATASET } from './statistics-dataset.server'

/** The datasets published as CSV with a CSV-W description (and the same rows as JSON), decision 028. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each dataset has its own row type; the helper keeps them apart
export const CSV_DATASETS: readonly CsvDataset<any>[] = [FEE_RATES_DATASET, FORM_CATALOGUE_DATASET, STATISTICS_DATASET, AWARDED_GRANTS_DATASET]

export const OPEN_DATA_FILES: readonly string[] = CSV_DATASETS.flatMap(csvDatasetFiles)
export type OpenDataFile = string

export function isOpenDataFile(name: string): name is OpenDataFile {
	return OPEN_DATA_FILES.includes(name)
}

/** A distribution of one of the CSV datasets: body, type and when its data last changed. */
export async function buildOpenDataFile({
	db,
	slug,
	origin,
	file,
	now = boardNow(),
}: {
	db: TenantDb
	slug: string
	origin: string
	file: OpenDataFile
	now?: Date
}) {
	const match = matchCsvDatasetFile(CSV_DATASETS, file)
	if (!match) throw new Error(`not an open-data file: ${file}`)
	return buildCsvDatasetFile(match.dataset, match.extension, { db, slug, origin, now })
}
