import { toCsv } from '../inbox/to-csv'
import { csvResponse } from '../util/csv-response.server'
import type { Chart, Table } from './compute-figures'
import type { Unit } from './statistics-figures'

// CSV beside every chart and table. Headers are fixed machine names (the same in every language) so
// a spreadsheet or the open-data catalogue reads them alike; amounts are in Kč with two decimals.

/** A figure in its unit as CSV text: counts whole, Kč from haléře, shares and days with one decimal. */
export function csvValue(value: number | null, unit: Unit) {
	if (value === null) return ''
	if (unit === 'czk') return (value / 100).toFixed(2)
	if (unit === 'count') return String(value)
	return value.toFixed(1)
}

export function chartCsv(chart: Chart, formNames: Record<string, string>, agendaNames: Record<string, string> = {}) {
	const category = chart.categories
	const named = chart.categories === 'month' ? null : chart.categories === 'agenda' ? agendaNames : formNames
	const head = [
		category,
		...(named ? [`${category}_name`] : []),
		'unit',
		'value',
		...(chart.points.some((p) => p.previous !== null || p.previousKey) ? ['previous_month', 'previous_value'] : []),
	]
	const withPrevious = head.includes('previous_value')
	const rows = chart.points.map((point) => [
		point.key,
		...(named ? [named[point.key] ?? point.key] : []),
		chart.unit,
		csvValue(point.value, chart.unit),
		...(withPrevious ? [point.previousKey ?? '', csvValue(point.previous, chart.unit)] : []),
	])
	return toCsv([head, ...rows])
}

const TABLE_COLUMNS: Record<Table['key'], { head: string[]; units: Unit[] }> = {
	submissions_by_form: { head: ['form', 'form_name', 'logged_in', 'anonymous', 'total', 'previous_total'], units: ['count', 'count', 'count', 'count'] },
	payments_by_method: { head: ['method', 'count', 'amount_czk', 'previous_count', 'previous_amount_czk'], units: ['count', 'czk', 'count', 'czk'] },
	grants_by_programme: { head: ['programme', 'programme_name', 'applications', 'requested_czk', 'previous_applications'], units: ['count', 'czk', 'count'] },
	messages_by_agenda: {
		head: ['agenda', 'agenda_name', 'threads', 'first_response_days', 'previous_threads', 'previous_first_response_days'],
		units: ['count', 'days', 'count', 'days'],
	},
}

export function tableCsv(
	table: Table,
	formNames: Record<string, string>,
	names: { agendaNames?: Record<string, string>; programmeNames?: Record<string, string> } = {},
) {
	const { head, units } = TABLE_COLUMNS[table.key]
	const named = {
		submissions_by_form: formNames,
		grants_by_programme: names.programmeNames ?? {},
		messages_by_agenda: names.agendaNames ?? {},
		payments_by_method: null,
	}[table.key]
	const rows = table.rows.map((row) => [row.key, ...(named ? [named[row.key] ?? row.key] : []), ...row.cells.map((cell, i) => csvValue(cell, units[i]!))])
	return toCsv([head, ...rows])
}

/** A small CSV (one chart or table) through the office's CSV download helper. */
export function csvDownload(text: string, fileName: string) {
	return csvResponse(
		(async function* () {
			yield text
		})(),
		fileName,
	)
}

/** The public figures (listPublicStatisticsRows) as one CSV: figure, unit, category, label, value. */
export function publicStatisticsCsv(rows: { figure: string; unit: Unit; category: string; label: string; value: number | null }[]) {
	return toCsv([
		['figure', 'unit', 'category', 'label', 'value'],
		...rows.map((row) => [row.figure, row.unit, row.category, row.label, csvValue(row.value, row.unit)]),
	])
}
