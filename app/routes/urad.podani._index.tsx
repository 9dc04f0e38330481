import { type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { INBOX_FILTER_PARAMS, parseInboxFilter } from '~/modules/inbox/inbox-filter-schema'
import { inboxPage } from '~/modules/inbox/inbox-page.server'
import { listInbox } from '~/modules/inbox/list-inbox.server'
import { listInboxAssignees, listInboxForms } from '~/modules/inbox/list-inbox-choices.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { formatDateTime } from '~/modules/i18n/format'
import { pickText } from '~/modules/i18n/locales'
import { readPage } from '~/modules/http/page-param'

const STATUSES = ['submitted', 'delivered', 'assigned', 'in_progress', 'needs_info', 'answered', 'resolved', 'rejected', 'failed'] as const
const FIELD = 'w-full rounded-town border border-muted bg-surface px-3 py-2 text-ink'

// The clerk inbox: only the submissions of the clerk's agendas (CASL in the query), filters, search, 25 a page.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await inboxPage(request, context, 'inbox.title')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Submission', { request, context })
	const url = new URL(request.url)
	const filter = parseInboxFilter(url.searchParams)
	const requested = readPage(url.searchParams)
	const [list, forms, colleagues] = await Promise.all([
		listInbox({ db: user.db, ability: user.ability, filter, page: requested }),
		listInboxForms({ db: user.db }),
		listInboxAssignees({ db: user.db }),
	])
	return {
		title: page.title,
		search: url.search,
		values: Object.fromEntries(Object.entries(INBOX_FILTER_PARAMS).map(([key, param]) => [key, url.searchParams.get(param) ?? ''])),
		forms: forms.map((form) => ({ code: form.code, title: pickText(form.title, page.locale) })),
		colleagues,
		total: list.total,
		page: list.page,
		pages: list.pages,
		rows: list.rows.map((row) => ({
			id: row.id,
			number: row.number,
			status: row.status,
			form: pickText(row.formVersion.form.title, page.locale),
			applicant: row.person ? `${row.person.givenName} ${row.person.familyName}` : null,
			// Our clerk if one is assigned here, else the handler the records system reported (as the citizen sees it).
			assignee: row.assignedStaff?.name ?? (row.assigneeName ? [row.assigneeName, row.assigneeDepartment].filter(Boolean).join(', ') : null),
			referenceNumber: row.referenceNumber,
			submittedAt: formatDateTime(row.submittedAt, page.locale),
		})),
	}
}

export const meta = titleMeta

export default function InboxPage() {
	const { t } = useTranslation('forms-office')
	const data = useLoaderData<typeof loader>()
	const select = (name: keyof typeof INBOX_FILTER_PARAMS, label: string, options: { value: string; label: string }[]) => (
		<div>
			<label htmlFor={`filter-${name}`} className="mb-1 block font-medium">
				{label}
			</label>
			<select id={`filter-${name}`} name={INBOX_FILTER_PARAMS[name]} defaultValue={data.values[name]} className={FIELD}>
				<option value="">{t('inbox.all')}</option>
				{options.map((option) => (
					<option key={option.value} value={option.value}>
						{option.label}
					</option>
				))}
			</select>
		</div>
	)
	const input = (name: keyof typeof INBOX_FILTER_PARAMS, label: string, type: string) => (
		<div>
			<label htmlFor={`filter-${name}`} className="mb-1 block font-medium">
				{label}
			</label>
			<input id={`filter-${name}`} name={INBOX_FILTER_PARAMS[name]} type={type} defaultValue={data.values[name]} className={FIELD} />
		</div>
	)
	return (
		<main id="main" className="mx-auto max-w-6xl p-6">
			<h1 className="mb-6 text-2xl font-bold">{t('inbox.heading')}</h1>
			<Form method="get" aria-label={t('inbox.filters')} className="mb-6 grid gap-4 rounded-town border border-muted/30 bg-surface p-5 sm:grid-cols-3">
				{input('q', t('inbox.search'), 'search')}
				{select(
					'form',
					t('inbox.form'),
					data.forms.map((form) => ({ value: form.code, label: form.title })),
				)}
				{select(
					'status',
					t('inbox.status'),
					STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) })),
				)}
				{select('assignee', t('inbox.assignee'), [
					{ value: 'none', label: t('inbox.unassigned') },
					...data.colleagues.map((c) => ({ value: c.id, label: c.name })),
				])}
				{input('from', t('inbox.from'), 'date')}
				{input('to', t('inbox.to'), 'date')}
				<div className="flex items-end gap-4">
					<button type="submit" className="rounded-town bg-primary px-4 py-2 font-medium text-primary-contrast">
						{t('inbox.apply')}
					</button>
					<a href={`/urad/podani/export${data.search}`}>{t('inbox.export')}</a>
				</div>
			</Form>
			{data.rows.length === 0 ? (
				<p>{t('inbox.empty')}</p>
			) : (
				<table className="stack-table w-full text-left">
					<thead>
						<tr>
							<th scope="col">{t('inbox.number')}</th>
							<th scope="col">{t('inbox.form')}</th>
							<th scope="col">{t('inbox.applicant')}</th>
							<th scope="col">{t('inbox.status')}</th>
							<th scope="col">{t('inbox.assignee')}</th>
							<th scope="col">{t('inbox.submittedAt')}</th>
						</tr>
					</thead>
					<tbody>
						{data.rows.map((row) => (
							<tr key={row.id} className="border-t border-muted/30">
								<td data-label={t('inbox.number')}>
									<Link to={`/urad/podani/${row.id}`}>{row.number}</Link>
									{row.referenceNumber ? <span className="block text-sm">{t('inbox.referenceNumber', { number: row.referenceNumber })}</span> : null}
								</td>
								<td data-label={t('inbox.form')}>{row.form}</td>
								<td data-label={t('inbox.applicant')}>{row.applicant ?? t('inbox.anonymous')}</td>
								<td data-label={t('inbox.status')}>{t(`status.${row.status}`)}</td>
								<td data-label={t('inbox.assignee')}>{row.assignee ?? t('inbox.unassigned')}</td>
								<td data-label={t('inbox.submittedAt')}>{row.submittedAt}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<Pagination page={data.page} pages={data.pages} label={t('inbox.pages')} />
		</main>
	)
}

export const handle = { i18n: ['office', 'forms-office'] }

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
