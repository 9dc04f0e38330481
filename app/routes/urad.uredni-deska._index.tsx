import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Notice, SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { BOARD_STATES } from '~/modules/board/board-states'
import { listOfficeBoard } from '~/modules/board/list-office-board.server'
import { requireBoardClerk } from '~/modules/board/office-board-guard.server'
import { formatDate } from '~/modules/i18n/format'
import { readPage } from '~/modules/http/page-param'
import { OFFICE_BOARD_STATE_PARAM } from '~/modules/board/board-filter-params'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { page, user, t } = await requireBoardClerk(request, context)
	const url = new URL(request.url)
	const state = url.searchParams.get(OFFICE_BOARD_STATE_PARAM)
	const list = await listOfficeBoard({ db: user.db, state, page: readPage(url.searchParams) })
	return {
		title: `${t.office.title} – ${page.townName}`,
		state: state ?? '',
		notice: url.searchParams.get('hlaseni') === 'posted' ? 'posted' : null,
		...list,
		documents: list.documents.map((d) => ({ ...d, postedFrom: formatDate(d.postedFrom, page.locale), postedUntil: formatDate(d.postedUntil, page.locale) })),
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'board'] }

export default function OfficeBoardPage() {
	const { documents, state, total, page, pages, notice } = useLoaderData<typeof loader>()
	const { t } = useTranslation('board')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('office.title')}</h1>
			{notice ? <Notice>{t('office.posted')}</Notice> : null}
			<p className="mb-6">
				<Link to="/urad/uredni-deska/nova" className="font-semibold">
					{t('office.new')}
				</Link>
			</p>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
				<label>
					<span className="block text-sm font-medium">{t('office.state')}</span>
					<select name={OFFICE_BOARD_STATE_PARAM} defaultValue={state} className="rounded-town border px-2 py-1">
						<option value="">{t('office.anyState')}</option>
						{BOARD_STATES.map((s) => (
							<option key={s} value={s}>
								{t(`states.${s}`)}
							</option>
						))}
					</select>
				</label>
				<SubmitButton>{t('office.filter')}</SubmitButton>
			</Form>
			<p className="mb-3">{t('office.count', { count: total })}</p>
			<table className="stack-table w-full text-left text-sm">
				<thead>
					<tr>
						<th scope="col">{t('columns.title')}</th>
						<th scope="col">{t('columns.reference')}</th>
						<th scope="col">{t('columns.postedFrom')}</th>
						<th scope="col">{t('columns.postedUntil')}</th>
						<th scope="col">{t('office.state')}</th>
						<th scope="col">{t('detail.version')}</th>
					</tr>
				</thead>
				<tbody>
					{documents.map((d) => (
						<tr key={d.id} className="border-t border-muted/30">
							<td data-label={t('columns.title')} className="py-1 pr-3">
								<Link to={`/urad/uredni-deska/${d.id}`}>{d.title}</Link>
							</td>
							<td data-label={t('columns.reference')} className="py-1 pr-3">
								{d.referenceNumber ?? '—'}
							</td>
							<td data-label={t('columns.postedFrom')} className="py-1 pr-3">
								{d.postedFrom}
							</td>
							<td data-label={t('columns.postedUntil')} className="py-1 pr-3">
								{d.postedUntil}
							</td>
							<td data-label={t('office.state')} className="py-1 pr-3">
								{t(`states.${d.state}`, { defaultValue: d.state })}
							</td>
							<td data-label={t('detail.version')} className="py-1">
								{d.version}
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<Pagination page={page} pages={pages} label={t('pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
