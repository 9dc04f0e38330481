import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { resources } from '~/modules/i18n/resources.server'
import { listResidents } from '~/modules/residents/list-residents.server'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { formatDate } from '~/modules/i18n/format'
import { readPage } from '~/modules/http/page-param'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Resident', { request, context })
	const url = new URL(request.url)
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 100)
	const pageNumber = readPage(url.searchParams)
	const { total, rows, pages } = await listResidents({ db: user.db, ability: user.ability, q, page: pageNumber })
	return {
		title: `${resources[page.locale]['fees-office'].residents.title} – ${page.townName}`,
		q,
		page: pageNumber,
		pages,
		total,
		residents: rows.map((r) => ({
			id: r.id,
			name: `${r.givenName} ${r.familyName}`,
			born: formatDate(r.dateOfBirth, page.locale),
			household: r.household?.label ?? null,
			obligations: r._count.obligations,
		})),
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'fees-office'] }

export default function ResidentsPage() {
	const { residents, q, page, pages, total } = useLoaderData<typeof loader>()
	const { t } = useTranslation('fees-office')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('residents.title')}</h1>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3">
				<label>
					<span className="block text-sm font-medium">{t('residents.search')}</span>
					<input type="search" name="q" defaultValue={q} className="rounded-town border px-2 py-1" />
				</label>
				<SubmitButton>{t('claims.filter')}</SubmitButton>
			</Form>
			<p className="mb-3">{t('residents.count', { count: total })}</p>
			<table className="stack-table w-full text-left">
				<thead>
					<tr>
						<th scope="col">{t('claims.name')}</th>
						<th scope="col">{t('residents.born')}</th>
						<th scope="col">{t('residents.household')}</th>
						<th scope="col">{t('residents.obligations')}</th>
					</tr>
				</thead>
				<tbody>
					{residents.map((r) => (
						<tr key={r.id}>
							<td data-label={t('claims.name')}>
								<Link to={`/urad/poplatky/obyvatele/${r.id}`}>{r.name}</Link>
							</td>
							<td data-label={t('residents.born')}>{r.born}</td>
							<td data-label={t('residents.household')}>{r.household ?? '—'}</td>
							<td data-label={t('residents.obligations')}>{r.obligations}</td>
						</tr>
					))}
				</tbody>
			</table>
			<Pagination page={page} pages={pages} label={t('residents.pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
