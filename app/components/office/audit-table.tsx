import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { AuditObject, AuditRow } from '~/modules/audit/audit-page.server'

function Named({ object }: { object: AuditObject }) {
	return object.href ? <Link to={object.href}>{object.text}</Link> : <>{object.text}</>
}

export function AuditTable({ entries }: { entries: AuditRow[] }) {
	const { t } = useTranslation('office')
	if (!entries.length) return <p>{t('audit.empty')}</p>
	return (
		<div className="overflow-x-auto">
			<table className="stack-table w-full border-collapse text-left text-sm">
				<caption className="sr-only">{t('audit.tableCaption')}</caption>
				<thead>
					<tr className="border-b border-muted">
						<th scope="col" className="p-2">
							{t('audit.at')}
						</th>
						<th scope="col" className="p-2">
							{t('audit.action')}
						</th>
						<th scope="col" className="p-2">
							{t('audit.outcome')}
						</th>
						<th scope="col" className="p-2">
							{t('audit.who')}
						</th>
						<th scope="col" className="p-2">
							{t('audit.ip')}
						</th>
						<th scope="col" className="p-2">
							{t('audit.details')}
						</th>
					</tr>
				</thead>
				<tbody>
					{entries.map((entry) => (
						<tr key={entry.id} className="border-b border-muted/30 align-top">
							<td data-label={t('audit.at')} className="whitespace-nowrap p-2">
								{entry.atText}
							</td>
							<td data-label={t('audit.action')} className="p-2">
								{t(`auditActions.${entry.action}`, { defaultValue: entry.action })}
							</td>
							<td data-label={t('audit.outcome')} className="p-2">
								{t(`outcomes.${entry.outcome}`, { defaultValue: entry.outcome })}
							</td>
							<td data-label={t('audit.who')} className="p-2">
								<Named object={entry.who} />
							</td>
							<td data-label={t('audit.ip')} className="p-2">
								{entry.ip ?? '—'}
							</td>
							<td data-label={t('audit.details')} className="p-2">
								{entry.subject ? (
									<span className="block">
										<Named object={entry.subject} />
									</span>
								) : null}
								{entry.details.map((detail) => (
									<span key={detail.label} className="block">
										{detail.label}: {detail.value}
									</span>
								))}
								{!entry.subject && !entry.details.length ? '—' : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
