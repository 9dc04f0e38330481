// Parses an obligations CSV (documented in docs/fees/obligations-csv.md) into checked rows. Nothing
// touches the database here, so the preview and the import check exactly the same things.
import { parse } from 'csv-parse/sync'
import { z } from 'zod'

const DateSchema = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((d) => !Number.isNaN(Date.parse(d)))
const Optional = (schema: z.ZodType<string>) => z.preprocess((v) => (v === '' || v === undefined ? undefined : v), schema.optional())

export const ObligationRowSchema = z
	.object({
		obligation_id: z.string().min(1).max(100),
		resident_id: z.string().min(1).max(100),
		given_name: z.string().min(1).max(100),
		family_name: z.string().min(1).max(100),
		date_of_birth: DateSchema,
		disability: z.preprocess((v) => (v === '' || v === undefined ? 'none' : v), z.enum(['none', 'ztp', 'ztpp'])),
		fee_type: z.string().min(1),
		valid_from: DateSchema,
		valid_to: Optional(DateSchema),
		dog_name: Optional(z.string().max(100)),
		dog_chip: Optional(z.string().regex(/^\d{15}$/)),
		amount: Optional(z.string().regex(/^\d+(\.\d{1,2})?$/)),
	})
	.refine((row) => !row.valid_to || row.valid_to >= row.valid_from, { path: ['valid_to'], message: 'before_valid_from' })
export type ObligationRow = z.output<typeof ObligationRowSchema>

export const OBLIGATION_COLUMNS = [
	'obligation_id',
	'resident_id',
	'given_name',
	'family_name',
	'date_of_birth',
	'disability',
	'fee_type',
	'valid_from',
	'valid_to',
	'dog_name',
	'dog_chip',
	'amount',
] as const

export type RowError = { line: number; column: string; code: string }
export type ParsedCsv<Row> = { rows: (Row & { line: number })[]; errors: RowError[] }

/** Reads a CSV with a header row, comma or semicolon separated, UTF-8 with or without a BOM. */
export function readCsvRecords(text: string): { records: Record<string, string>[]; errors: RowError[] } {
	try {
		const records = parse(text, {
			columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
			delimiter: [';', ','],
			bom: true,
			trim: true,
			skip_empty_lines: true,
			relax_column_count: false,
		}) as Record<string, string>[]
		return { records, errors: [] }
	} catch (error) {
		const line = typeof error === 'object' && error && 'lines' in error && typeof error.lines === 'number' ? error.lines : 0
		return { records: [], errors: [{ line, column: '', code: 'csv_malformed' }] }
	}
}

export function parseObligationsCsv(text: string, feeTypes: { code: string; kind: 'waste' | 'dog' | 'custom' }[]): ParsedCsv<ObligationRow> {
	const { records, errors } = readCsvRecords(text)
	if (errors.length) return { rows: [], errors }
	if (records.length === 0) return { rows: [], errors: [{ line: 1, column: '', code: 'empty' }] }
	const missing = ['obligation_id', 'resident_id', 'given_name', 'family_name', 'date_of_birth', 'fee_type', 'valid_from'].filter((c) => !(c in records[0]!))
	if (missing.length) return { rows: [], errors: missing.map((column) => ({ line: 1, column, code: 'missing_column' })) }
	const kinds = new Map(feeTypes.map((f) => [f.code, f.kind]))
	const seen = new Set<string>()
	const rows: ParsedCsv<ObligationRow>['rows'] = []
	records.forEach((record, index) => {
		const line = index + 2 // the header is line 1
		const parsed = ObligationRowSchema.safeParse(record)
		if (!parsed.success) {
			for (const issue of parsed.error.issues)
				errors.push({ line, column: String(issue.path[0] ?? ''), code: issue.message === 'before_valid_from' ? 'before_valid_from' : 'invalid' })
			return
		}
		const row = parsed.data
		const kind = kinds.get(row.fee_type)
		if (!kind) errors.push({ line, column: 'fee_type', code: 'unknown_fee_type' })
		if (kind === 'dog' && !row.dog_name) errors.push({ line, column: 'dog_name', code: 'dog_name_required' })
		if (kind === 'custom' && !row.amount) errors.push({ line, column: 'amount', code: 'amount_required' })
		if (seen.has(row.obligation_id)) errors.push({ line, column: 'obligation_id', code: 'duplicate' })
		seen.add(row.obligation_id)
		rows.push({ ...row, line })
	})
	return { rows, errors }
}
