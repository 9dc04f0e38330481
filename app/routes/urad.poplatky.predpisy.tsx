import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { readClaimFilters } from '~/modules/claims/claim-filters'
import { listClaims } from '~/modules/claims/list-claims.server'
import { resources } from '~/modules/i18n/resources.server'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'

const STATUSES = ['open', 'partly_paid', 'paid', 'overpaid', 'cancelled', 'written_off'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Claim', { request, context })
	const filters = readClaimFilters(new URL(request.url))
	const list = await listClaims({ db: user.db, ability: user.ability, filters })
	return { title: `${resources[page.locale]['fees-office'].claims.title} – ${page.townName}`, filters, page: Math.min(filters.page, list.pages), ...list }
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'fees-office'] }

export default function ClaimsPage() {
	const { claims, filters, page, pages, total } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('fees-office')
	const location = useLocation()
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	const exportSearch = new URLSearchParams(location.search)
	exportSearch.delete('page')
	const field = 'rounded-town border px-2 py-1'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('claims.title')}</h1>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t('claims.filters')}>
				<label>
					<span className="block text-sm font-medium">{t('claims.name')}</span>
					<input type="search" name="name" defaultValue={filters.name ?? ''} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('claims.vs')}</span>
					<input type="text" inputMode="numeric" name="vs" defaultValue={filters.vs ?? ''} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('claims.feeType')}</span>
					<input type="text" name="feeType" defaultValue={filters.feeType ?? ''} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('claims.year')}</span>
					<input type="number" name="year" min={2000} max={2100} defaultValue={filters.year ?? ''} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('claims.status')}</span>
					<select name="status" defaultValue={filters.status ?? ''} className={field}>
						<option value="">{t('claims.anyStatus')}</option>
						{STATUSES.map((s) => (
							<option key={s} value={s}>
								{t(`claims.statuses.${s}`)}
							</option>
						))}
					</select>
				</label>
				<SubmitButton>{t('claims.filter')}</SubmitButton>
			</Form>
			<p className="mb-3">
				{t('claims.count', { count: total })} <a href={`/urad/poplatky/predpisy.csv?${exportSearch.toString()}`}>{t('claims.export')}</a>
			</p>
			<table className="stack-table w-full text-left text-sm">
				<thead>
					<tr>
						<th scope="col">{t('claims.vs')}</th>
						<th scope="col">{t('claims.name')}</th>
						<th scope="col">{t('claims.feeType')}</th>
						<th scope="col">{t('claims.year')}</th>
						<th scope="col">{t('claims.amount')}</th>
						<th scope="col">{t('claims.paid')}</th>
						<th scope="col">{t('claims.due')}</th>
						<th scope="col">{t('claims.status')}</th>
					</tr>
				</thead>
				<tbody>
					{claims.map((c) => (
						<tr key={c.id}>
							<td data-label={t('claims.vs')}>
								<Link to={`/urad/poplatky/predpisy/${c.id}`}>{c.variableSymbol}</Link>
							</td>
							<td data-label={t('claims.name')}>{c.name}</td>
							<td data-label={t('claims.feeType')}>{c.feeType}</td>
							<td data-label={t('claims.year')}>
								{c.year}/{c.instalment}
							</td>
							<td data-label={t('claims.amount')}>{money(c.amount)}</td>
							<td data-label={t('claims.paid')}>{money(c.paidAmount)}</td>
							<td data-label={t('claims.due')}>{c.dueDate}</td>
							<td data-label={t('claims.status')}>{t(`claims.statuses.${c.status}`)}</td>
						</tr>
					))}
				</tbody>
			</table>
			<Pagination page={page} pages={pages} label={t('claims.pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
