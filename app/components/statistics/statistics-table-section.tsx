import { useTranslation } from 'react-i18next'
import type { Table } from '~/modules/statistics/compute-figures'
import type { Unit } from '~/modules/statistics/statistics-figures'
import { formatFigure } from './format-figure'

const COLUMNS: Record<Table['key'], { keys: string[]; units: Unit[] }> = {
	submissions_by_form: { keys: ['loggedIn', 'anonymous', 'total', 'previousTotal'], units: ['count', 'count', 'count', 'count'] },
	payments_by_method: { keys: ['count', 'amount', 'previousCount', 'previousAmount'], units: ['count', 'czk', 'count', 'czk'] },
	grants_by_programme: { keys: ['applications', 'requested', 'previousApplications'], units: ['count', 'czk', 'count'] },
	messages_by_agenda: { keys: ['threads', 'firstResponse', 'previousThreads', 'previousFirstResponse'], units: ['count', 'days', 'count', 'days'] },
}

const FIRST_COLUMN: Record<Table['key'], string> = {
	submissions_by_form: 'form',
	payments_by_method: 'method',
	grants_by_programme: 'programme',
	messages_by_agenda: 'agenda',
}

type Names = { formNames: Record<string, string>; agendaNames?: Record<string, string>; programmeNames?: Record<string, string> }

/** A breakdown (submissions by form and channel, payments by method, grants by programme, messages by agenda) as a table with its CSV. */
export function StatisticsTableSection({
	table,
	formNames,
	agendaNames = {},
	programmeNames = {},
	csvHref,
	showPrevious,
}: Names & { table: Table; csvHref: string; showPrevious: boolean }) {
	const { t, i18n } = useTranslation('statistics')
	const { keys, units } = COLUMNS[table.key]
	const shown = keys.map((key, i) => ({ key, unit: units[i]!, i })).filter((column) => showPrevious || !column.key.startsWith('previous'))
	const title = t(`tables.${table.key}.title`)
	const names: Partial<Record<Table['key'], Record<string, string>>> = {
		submissions_by_form: formNames,
		grants_by_programme: programmeNames,
		messages_by_agenda: agendaNames,
	}
	const label = (key: string) => (table.key === 'payments_by_method' ? t(`channels.${key}`) : (names[table.key]?.[key] ?? key))
	return (
		<section
			aria-labelledby={`table-${table.key}-heading`}
			className="mb-10 rounded-town border border-muted/40 bg-surface p-4"
			data-testid={`table-${table.key}`}
		>
			<h2 id={`table-${table.key}-heading`} className="mb-1 text-2xl font-semibold">
				{title}
			</h2>
			<p className="mb-3 text-muted">{t(`tables.${table.key}.about`)}</p>
			{table.rows.length === 0 ? (
				<p>{t('empty')}</p>
			) : (
				<div className="overflow-x-auto">
					<table className="stack-table w-full border-collapse text-left">
						<caption className="sr-only">{title}</caption>
						<thead>
							<tr className="border-b border-muted">
								<th scope="col" className="p-2">
									{t(`columns.${FIRST_COLUMN[table.key]}`)}
								</th>
								{shown.map((column) => (
									<th key={column.key} scope="col" className="p-2 text-right">
										{t(`columns.${column.key}`)}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{table.rows.map((row) => (
								<tr key={row.key} className="border-b border-muted/30">
									<th scope="row" className="p-2 font-medium">
										{label(row.key)}
									</th>
									{shown.map((column) => (
										<td data-label={t(`columns.${column.key}`)} key={column.key} className="p-2 text-right tabular-nums">
											{formatFigure(row.cells[column.i] ?? null, column.unit, i18n.language, (days) => t('units.days', { value: days }))}
										</td>
									))}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<p className="mt-3">
				<a href={csvHref} download>
					{t('csv', { title })}
				</a>
			</p>
		</section>
	)
}
