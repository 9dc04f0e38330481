// RFC 4180 CSV (UTF-8, CRLF, quoted when needed) and its CSV on the Web (W3C CSV-W) description.

export type CsvColumn = {
	name: string
	titles: { cs: string; en: string }
	datatype: 'string' | 'integer' | 'decimal' | 'date' | 'boolean'
	description?: string
}

const cell = (value: unknown) => {
	const text = value === null || value === undefined ? '' : String(value)
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export function toCsv(columns: CsvColumn[], rows: Record<string, unknown>[]) {
	return [columns.map((c) => cell(c.name)), ...rows.map((row) => columns.map((c) => cell(row[c.name])))].map((line) => line.join(',')).join('\r\n') + '\r\n'
}

/** The CSV-W metadata document (tabular metadata, JSON-LD) for a CSV at `csvUrl`. */
export function csvwMetadata({
	csvUrl,
	title,
	columns,
	primaryKey,
}: {
	csvUrl: string
	title: { cs: string; en: string }
	columns: CsvColumn[]
	primaryKey?: string[]
}) {
	return {
		'@context': ['http://www.w3.org/ns/csvw', { '@language': 'cs' }],
		url: csvUrl,
		'dc:title': [
			{ '@value': title.cs, '@language': 'cs' },
			{ '@value': title.en, '@language': 'en' },
		],
		dialect: { encoding: 'utf-8', header: true, delimiter: ',', lineTerminators: ['\r\n'] },
		tableSchema: {
			columns: columns.map((column) => ({
				name: column.name,
				titles: { cs: column.titles.cs, en: column.titles.en },
				datatype: column.datatype,
				...(column.description ? { 'dc:description': column.description } : {}),
			})),
			...(primaryKey ? { primaryKey } : {}),
		},
	}
}
