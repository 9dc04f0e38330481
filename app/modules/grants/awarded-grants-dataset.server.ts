// The awarded grants dataset (open data, /dotace/poskytnute): recipient, purpose, amount, programme,
// year. For a natural person only the name and municipality are published (zákon 250/2000 Sb. §10d
// and GDPR): never the birth date or street address.
import type { TenantDb } from '../db/tenant-db.server'
import type { CsvColumn } from '../open-data/csv'
import { rowsJsonSchema, type CsvDataset } from '../open-data/csv-dataset.server'

export const AWARDED_STATES = ['awarded', 'contracted', 'paid', 'settlement_filed', 'settlement_returned', 'settled']

export const AWARDED_GRANT_COLUMNS: CsvColumn[] = [
	{ name: 'recipient', titles: { cs: 'Příjemce', en: 'Recipient' }, datatype: 'string' },
	{ name: 'ico', titles: { cs: 'IČO', en: 'Company ID' }, datatype: 'string' },
	{ name: 'municipality', titles: { cs: 'Obec', en: 'Municipality' }, datatype: 'string' },
	{ name: 'purpose', titles: { cs: 'Účel', en: 'Purpose' }, datatype: 'string' },
	{ name: 'amount_czk', titles: { cs: 'Částka (Kč)', en: 'Amount (CZK)' }, datatype: 'decimal' },
	{ name: 'programme', titles: { cs: 'Program', en: 'Programme' }, datatype: 'string' },
	{ name: 'year', titles: { cs: 'Rok', en: 'Year' }, datatype: 'integer' },
	{ name: 'resolution', titles: { cs: 'Usnesení', en: 'Resolution' }, datatype: 'string' },
]

/** One published row; `amount` is the stored amount in haléře (pages format it), `amount_czk` the open-data value. */
export type AwardedGrantRow = {
	recipient: string
	ico: string | null
	municipality: string | null
	purpose: string
	amount: number
	amount_czk: string
	programme: string
	year: number
	resolution: string
}

export async function listAwardedGrants({
	db,
	page = 1,
	pageSize = 50,
}: {
	db: TenantDb
	page?: number
	pageSize?: number
}): Promise<{ rows: AwardedGrantRow[]; total: number; lastModified: Date | null }> {
	const where = { state: { in: AWARDED_STATES } }
	const [rows, total, latest] = await Promise.all([
		db.grantApplication.findMany({
			where,
			orderBy: [{ resolutionDate: 'desc' }, { number: 'asc' }],
			skip: (page - 1) * pageSize,
			take: pageSize,
			select: {
				applicantKind: true,
				applicantName: true,
				applicantIco: true,
				municipality: true,
				purpose: true,
				awardedAmount: true,
				resolutionDate: true,
				resolutionNumber: true,
				call: { select: { programmeVersion: { select: { name: true } } } },
			},
		}),
		db.grantApplication.count({ where }),
		db.grantApplication.aggregate({ where, _max: { decidedAt: true, updatedAt: true } }),
	])
	return {
		total,
		lastModified: latest._max.updatedAt ?? latest._max.decidedAt ?? null,
		rows: rows.map((a) => ({
			recipient: a.applicantName,
			ico: a.applicantKind === 'legal' ? a.applicantIco : null,
			municipality: a.municipality,
			purpose: a.purpose,
			amount: a.awardedAmount!,
			amount_czk: (a.awardedAmount! / 100).toFixed(2),
			programme: a.call.programmeVersion.name,
			year: a.resolutionDate!.getUTCFullYear(),
			resolution: a.resolutionNumber ?? '',
		})),
	}
}

/** The JSON distribution: the CSV's columns, the amount in Kč as a number. */
export function awardedGrantsJson(rows: AwardedGrantRow[]) {
	return {
		dotace: rows.map((row) =>
			Object.fromEntries(
				AWARDED_GRANT_COLUMNS.map((column) => [column.name, column.name === 'amount_czk' ? Number(row.amount_czk) : row[column.name as keyof AwardedGrantRow]]),
			),
		),
	}
}

/** Awarded grants as open data (/otevrena-data, the DCAT-AP-CZ catalogue), at most 10,000 rows a file. */
export const AWARDED_GRANTS_DATASET: CsvDataset<AwardedGrantRow> = {
	file: 'poskytnute-dotace',
	title: () => ({ cs: 'Poskytnuté dotace', en: 'Awarded grants' }),
	columns: AWARDED_GRANT_COLUMNS,
	load: ({ db }) => listAwardedGrants({ db, pageSize: 10_000 }),
	json: awardedGrantsJson,
	jsonSchema: (id) => rowsJsonSchema({ id, title: 'Poskytnuté dotace', listKey: 'dotace', columns: AWARDED_GRANT_COLUMNS, nullable: ['ico', 'municipality'] }),
}
