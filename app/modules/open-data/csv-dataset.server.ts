// One shape for every open dataset published as "CSV with a CSV-W column description" (issue 17):
// the CSV, its CSV-W metadata, a JSON distribution and that JSON's schema, served from
// /otevrena-data/soubory/<file>.<ext>, and the two catalogue distributions that point at them. A
// dataset says only how to load its rows, its columns and how its JSON looks; the files, content
// types and URLs come from here; the catalogue's distribution records from csvDistributions
// (open-data-catalogue.ts), which names the same files.
import type { TenantDb } from '../db/tenant-db.server'
import { csvwMetadata, toCsv, type CsvColumn } from './csv'

export const CSV_DATASET_EXTENSIONS = ['csv', 'json', 'csv-metadata.json', 'schema.json'] as const
type Extension = (typeof CSV_DATASET_EXTENSIONS)[number]

export type CsvDatasetContext = { db: TenantDb; slug: string; origin: string; now: Date }

export type CsvDataset<Row extends Record<string, unknown>> = {
	/** The file name without extension, e.g. "sazby-poplatku". */
	file: string
	/** Title of the CSV in its CSV-W description (may name the year of `now`). */
	title: (now: Date) => { cs: string; en: string }
	columns: CsvColumn[]
	primaryKey?: string[]
	load: (context: CsvDatasetContext) => Promise<{ rows: Row[]; lastModified: Date | null }>
	/** The JSON distribution of the same rows. */
	json: (rows: Row[], now: Date) => unknown
	/** The JSON Schema (2020-12) of the JSON distribution, `id` being its own URL. */
	jsonSchema: (id: string) => unknown
	/** The CSV when the dataset writes its own (the statistics do); otherwise the columns of each row. */
	csv?: (rows: Row[]) => string
}

// The schemas change only with the code: the deployment's start is their last modification.
const SCHEMAS_SINCE = new Date()
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
const filesBase = (origin: string) => `${origin}/otevrena-data/soubory`

export function csvDatasetFiles(dataset: { file: string }) {
	return CSV_DATASET_EXTENSIONS.map((extension) => `${dataset.file}.${extension}`)
}

/** Which dataset and extension a file name means, or null. */
export function matchCsvDatasetFile<D extends { file: string }>(datasets: readonly D[], name: string): { dataset: D; extension: Extension } | null {
	for (const dataset of datasets) for (const extension of CSV_DATASET_EXTENSIONS) if (name === `${dataset.file}.${extension}`) return { dataset, extension }
	return null
}

/** One file of a CSV dataset: its body, content type and when its data last changed. */
export async function buildCsvDatasetFile<Row extends Record<string, unknown>>(dataset: CsvDataset<Row>, extension: Extension, context: CsvDatasetContext) {
	const base = filesBase(context.origin)
	if (extension === 'schema.json')
		return {
			body: json(dataset.jsonSchema(`${base}/${dataset.file}.schema.json`)),
			contentType: 'application/schema+json',
			lastModified: SCHEMAS_SINCE as Date | null,
		}
	const { rows, lastModified } = await dataset.load(context)
	if (extension === 'csv') return { body: dataset.csv ? dataset.csv(rows) : toCsv(dataset.columns, rows), contentType: 'text/csv; charset=utf-8', lastModified }
	if (extension === 'csv-metadata.json') {
		const metadata = csvwMetadata({
			csvUrl: `${base}/${dataset.file}.csv`,
			title: dataset.title(context.now),
			columns: dataset.columns,
			primaryKey: dataset.primaryKey,
		})
		return { body: json(metadata), contentType: 'application/csvm+json', lastModified }
	}
	return { body: json(dataset.json(rows, context.now)), contentType: 'application/json; charset=utf-8', lastModified }
}

const JSON_TYPES: Record<CsvColumn['datatype'], string> = { string: 'string', integer: 'integer', decimal: 'number', date: 'string', boolean: 'boolean' }

/**
 * A JSON Schema for a JSON distribution that is `{ [listKey]: rows }` with one property per column
 * (numbers as numbers; `nullable` columns may be null), for datasets whose JSON is the CSV's rows.
 */
export function rowsJsonSchema({
	id,
	title,
	listKey,
	columns,
	nullable = [],
}: {
	id: string
	title: string
	listKey: string
	columns: CsvColumn[]
	nullable?: string[]
}) {
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: id,
		title,
		type: 'object',
		required: [listKey],
		properties: {
			[listKey]: {
				type: 'array',
				items: {
					type: 'object',
					required: columns.map((column) => column.name),
					properties: Object.fromEntries(
						columns.map((column) => [
							column.name,
							{
								type: nullable.includes(column.name) ? [JSON_TYPES[column.datatype], 'null'] : JSON_TYPES[column.datatype],
								...(column.datatype === 'date' ? { format: 'date' } : {}),
							},
						]),
					),
				},
			},
		},
	}
}
