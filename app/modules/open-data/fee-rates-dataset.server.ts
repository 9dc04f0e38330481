import { pragueDay } from '../board/board-clock.server'
import type { TenantDb } from '../db/tenant-db.server'
import { RulebookSchema } from '../fees/rulebook-schema'
import type { CsvColumn } from './csv'
import type { CsvDataset } from './csv-dataset.server'
import { feeRatesJsonSchema } from './json-schemas'

// The fee rates of a year, one row per fee (issue 17): rate, reliefs, e-payment discount, due dates.
// Only the town's rules: nothing about any resident.

export const FEE_RATE_COLUMNS: CsvColumn[] = [
	{ name: 'kod_poplatku', titles: { cs: 'Kód poplatku', en: 'Fee code' }, datatype: 'string' },
	{ name: 'nazev', titles: { cs: 'Název poplatku', en: 'Fee name (Czech)' }, datatype: 'string' },
	{ name: 'nazev_en', titles: { cs: 'Název poplatku anglicky', en: 'Fee name (English)' }, datatype: 'string' },
	{ name: 'rok', titles: { cs: 'Rok', en: 'Year' }, datatype: 'integer' },
	{ name: 'sazba_kc', titles: { cs: 'Sazba (Kč za rok)', en: 'Rate (CZK per year)' }, datatype: 'integer' },
	{ name: 'sazba_dalsi_pes_kc', titles: { cs: 'Sazba za druhého a dalšího psa (Kč)', en: 'Rate for each further dog (CZK)' }, datatype: 'integer' },
	{ name: 'sazba_senior_kc', titles: { cs: 'Sazba pro držitele-seniora (Kč)', en: 'Rate for a senior keeper (CZK)' }, datatype: 'integer' },
	{ name: 'strop_kc', titles: { cs: 'Zákonný strop (Kč)', en: 'Legal cap (CZK)' }, datatype: 'integer' },
	{
		name: 'ulevy',
		titles: { cs: 'Úlevy a osvobození', en: 'Reliefs and exemptions' },
		datatype: 'string',
		description: 'kód:procento:podmínka; oddělené středníkem',
	},
	{
		name: 'sleva_epay_procent',
		titles: { cs: 'Sleva při zaplacení přes portál do splatnosti (%)', en: 'Discount when paid through the portal by the due date (%)' },
		datatype: 'decimal',
	},
	{ name: 'splatnosti', titles: { cs: 'Splatnosti (MM-DD:procento)', en: 'Due dates (MM-DD:percent)' }, datatype: 'string' },
]

type FeeRateRow = {
	kod_poplatku: string
	nazev: string
	nazev_en: string
	rok: number
	sazba_kc: number
	sazba_dalsi_pes_kc: number | null
	sazba_senior_kc: number | null
	strop_kc: number | null
	ulevy: string
	sleva_epay_procent: number
	splatnosti: string
	reliefs: { code: string; kind: string; percent: number; condition: string }[]
	dueDates: { monthDay: string; percent: number }[]
}

export async function loadFeeRates({ db, year }: { db: TenantDb; year: number }): Promise<{ rows: FeeRateRow[]; lastModified: Date | null }> {
	const latest = await db.feeRuleVersion.findFirst({ orderBy: { version: 'desc' }, select: { rules: true, createdAt: true } })
	if (!latest) return { rows: [], lastModified: null }
	const parsed = RulebookSchema.safeParse(latest.rules)
	if (!parsed.success) return { rows: [], lastModified: latest.createdAt }
	const book = parsed.data
	const key = String(year)
	const rows = book.feeTypes
		.filter((fee) => fee.rates[key] !== undefined)
		.map((fee): FeeRateRow => {
			const reliefs = fee.reliefs.map((relief) => ({
				code: relief.code,
				kind: relief.kind,
				percent: relief.percent,
				condition:
					relief.kind === 'age_under'
						? `věk pod ${relief.under}`
						: relief.kind === 'age_at_least'
							? `věk alespoň ${relief.atLeast}`
							: `průkaz ${relief.statuses.join('/')}`,
			}))
			const dueDates = fee.instalments.map((i) => ({ monthDay: i.dueDate, percent: i.percent }))
			return {
				kod_poplatku: fee.code,
				nazev: fee.names.cs,
				nazev_en: fee.names.en,
				rok: year,
				sazba_kc: fee.rates[key] ?? 0,
				sazba_dalsi_pes_kc: fee.furtherDogRates?.[key] ?? null,
				sazba_senior_kc: fee.seniorDog?.rates[key] ?? null,
				strop_kc: fee.cap ?? null,
				ulevy: reliefs.map((r) => `${r.code}:${r.percent}:${r.condition}`).join('; '),
				sleva_epay_procent: book.discount?.feeTypes.includes(fee.code) ? book.discount.percent : 0,
				splatnosti: dueDates.map((d) => `${d.monthDay}:${d.percent}`).join('; '),
				reliefs,
				dueDates,
			}
		})
	return { rows, lastModified: latest.createdAt }
}

/** The JSON distribution: the same rows, with reliefs and due dates as lists. */
export function feeRatesJson(rows: FeeRateRow[], year: number) {
	return {
		rok: year,
		poplatky: rows.map((row) => ({
			kód: row.kod_poplatku,
			název: { cs: row.nazev, en: row.nazev_en },
			sazba_kč: row.sazba_kc,
			sazba_další_pes_kč: row.sazba_dalsi_pes_kc,
			sazba_senior_kč: row.sazba_senior_kc,
			strop_kč: row.strop_kc,
			úlevy: row.reliefs.map((r) => ({ kód: r.code, procento: r.percent, podmínka: r.condition })),
			sleva_při_platbě_přes_portál_procent: row.sleva_epay_procent,
			splatnosti: row.dueDates.map((d) => ({ den: d.monthDay, procento: d.percent })),
		})),
	}
}

const yearOf = (now: Date) => Number(pragueDay(now).slice(0, 4))

/** The fee rates of the current year (in Prague) as a CSV-with-CSV-W dataset. */
export const FEE_RATES_DATASET: CsvDataset<FeeRateRow> = {
	file: 'sazby-poplatku',
	title: (now) => ({ cs: `Sazby místních poplatků ${yearOf(now)}`, en: `Local fee rates ${yearOf(now)}` }),
	columns: FEE_RATE_COLUMNS,
	primaryKey: ['kod_poplatku'],
	load: ({ db, now }) => loadFeeRates({ db, year: yearOf(now) }),
	json: (rows, now) => feeRatesJson(rows, yearOf(now)),
	jsonSchema: feeRatesJsonSchema,
}
