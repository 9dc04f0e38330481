import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { CLAIM_FILTER_PARAMS, readClaimFilters } from '~/modules/claims/claim-filters'
import { listClaimFeeTypes, listClaims } from '~/modules/claims/list-claims.server'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { useFormat } from '~/modules/i18n/use-format'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { PAGE_PARAM } from '~/modules/http/page-param'

const STATUSES = ['open', 'partly_paid', 'paid', 'overpaid', 'cancelled', 'written_off'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Claim', { request, context })
	const filters = readClaimFilters(new URL(request.url))
	const [list, feeTypes] = await Promise.all([
		listClaims({ db: user.db, ability: user.ability, filters }),
		listClaimFeeTypes({ db: user.db, ability: user.ability }),
	])
	return {
		feeTypes: feeTypes.map((f) => ({ code: f.feeType, label: pickText(f.label, page.locale) || f.feeType })),
		title: `${resources[page.locale]['fees-office'].claims.title} – ${page.townName}`,
		filters,
		page: Math.min(filters.page, list.pages),
		...list,
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'fees-office'] }

export default function ClaimsPage() {
	const { claims, feeTypes, filters, page, pages, total } = useLoaderData<typeof loader>()
	const { t } = useTranslation('fees-office')
	const format = useFormat()
	const location = useLocation()
	const exportSearch = new URLSearchParams(location.search)
	exportSearch.delete(PAGE_PARAM)
	// max-w-full: a long fee name in the drop-down must not widen the page on a phone.
	const field = 'max-w-full rounded-town border px-2 py-1'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('claims.title')}</h1>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t('claims.filters')}>
				<label className="min-w-0 max-w-full">
					<span className="block text-sm font-medium">{t('claims.name')}</span>
					<input type="search" name={CLAIM_FILTER_PARAMS.name} defaultValue={filters.name ?? ''} className={field} />
				</label>
				<label className="min-w-0 max-w-full">
					<span className="block text-sm font-medium">{t('claims.vs')}</span>
					<input type="text" inputMode="numeric" name={CLAIM_FILTER_PARAMS.vs} defaultValue={filters.vs ?? ''} className={field} />
				</label>
				<label className="min-w-0 max-w-full">
					<span className="block text-sm font-medium">{t('claims.feeType')}</span>
					<select name={CLAIM_FILTER_PARAMS.feeType} defaultValue={filters.feeType ?? ''} className={field}>
						<option value="">{t('claims.anyFeeType')}</option>
						{feeTypes.map((f) => (
							<option key={f.code} value={f.code}>
								{f.label}
							</option>
						))}
					</select>
				</label>
				<label className="min-w-0 max-w-full">
					<span className="block text-sm font-medium">{t('claims.year')}</span>
					<input type="number" name={CLAIM_FILTER_PARAMS.year} min={2000} max={2100} defaultValue={filters.year ?? ''} className={field} />
				</label>
				<label className="min-w-0 max-w-full">
					<span className="block text-sm font-medium">{t('claims.status')}</span>
					<select name={CLAIM_FILTER_PARAMS.status} defaultValue={filters.status ?? ''} className={field}>
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
							<td data-label={t('claims.feeType')}>{format.text(c.label) || c.feeType}</td>
							<td data-label={t('claims.year')}>
								{c.year}
								{format.instalment(c) ? `, ${format.instalment(c)}` : ''}
							</td>
							<td data-label={t('claims.amount')}>{format.money(c.amount)}</td>
							<td data-label={t('claims.paid')}>{format.money(c.paidAmount)}</td>
							<td data-label={t('claims.due')}>{format.date(c.dueDate)}</td>
							{/* A 0 Kč claim is an exemption: "Osvobozeno", as the citizen sees it (issue 19). */}
							<td data-label={t('claims.status')}>
								{c.amount === 0 && c.status !== 'cancelled' ? t('claims.statuses.exempt') : t(`claims.statuses.${c.status}`)}
							</td>
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
