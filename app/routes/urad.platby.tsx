import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { resources } from '~/modules/i18n/resources.server'
import { listPayments } from '~/modules/payments/list-payments.server'
import { PAYMENT_FILTER_PARAMS, PAYMENT_FILTER_STATES, readPaymentFilters } from '~/modules/payments/payment-filters'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { PAGE_PARAM } from '~/modules/http/page-param'

const METHODS = ['gopay', 'stripe', 'bank_transfer', 'manual'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.home')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'Payment', { request, context })
	const filters = readPaymentFilters(new URL(request.url))
	const list = await listPayments({ db: user.db, ability: user.ability, filters })
	const money = (amount: number) => formatMoney(amount, page.locale)
	return {
		title: `${resources[page.locale]['card-payments'].office.title} – ${page.townName}`,
		filters,
		page: Math.min(filters.page, list.pages),
		pages: list.pages,
		total: list.total,
		payments: list.payments.map((p) => ({
			id: p.id,
			method: p.method,
			state: p.state,
			amount: money(p.amount),
			paid: money(p.paidAmount),
			refunded: p.refundedAmount ? money(p.refundedAmount) : '—',
			toRefund: p.overpaidAmount > p.refundedAmount ? money(p.overpaidAmount - p.refundedAmount) : null,
			createdAt: formatDate(p.createdAt, page.locale),
			payer: p.person ? `${p.person.givenName} ${p.person.familyName}` : '—',
			claims: p.items.map((i) => i.claim.variableSymbol).join(', '),
		})),
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'card-payments'] }

export default function PaymentsPage() {
	const { payments, filters, page, pages, total } = useLoaderData<typeof loader>()
	const { t } = useTranslation('card-payments')
	const location = useLocation()
	const exportSearch = new URLSearchParams(location.search)
	exportSearch.delete(PAGE_PARAM)
	const field = 'rounded-town border px-2 py-1'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('office.title')}</h1>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t('office.filters')}>
				<label>
					<span className="block text-sm font-medium">{t('office.state')}</span>
					<select name={PAYMENT_FILTER_PARAMS.state} defaultValue={filters.state ?? ''} className={field}>
						<option value="">{t('office.anyState')}</option>
						{PAYMENT_FILTER_STATES.map((s) => (
							<option key={s} value={s}>
								{t(`office.states.${s}`)}
							</option>
						))}
					</select>
				</label>
				<label>
					<span className="block text-sm font-medium">{t('office.provider')}</span>
					<select name={PAYMENT_FILTER_PARAMS.method} defaultValue={filters.method ?? ''} className={field}>
						<option value="">{t('office.anyProvider')}</option>
						{METHODS.map((m) => (
							<option key={m} value={m}>
								{t(`office.methods.${m}`)}
							</option>
						))}
					</select>
				</label>
				<label>
					<span className="block text-sm font-medium">{t('office.from')}</span>
					<input type="date" name={PAYMENT_FILTER_PARAMS.from} defaultValue={filters.from ?? ''} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('office.to')}</span>
					<input type="date" name={PAYMENT_FILTER_PARAMS.to} defaultValue={filters.to ?? ''} className={field} />
				</label>
				<SubmitButton>{t('office.filter')}</SubmitButton>
			</Form>
			<p className="mb-3">
				{t('office.count', { count: total })} <a href={`/urad/platby.csv?${exportSearch.toString()}`}>{t('office.export')}</a>
			</p>
			<table className="stack-table w-full text-left text-sm">
				<thead>
					<tr>
						<th scope="col">{t('office.created')}</th>
						<th scope="col">{t('office.payer')}</th>
						<th scope="col">{t('office.claims')}</th>
						<th scope="col">{t('office.provider')}</th>
						<th scope="col">{t('office.amount')}</th>
						<th scope="col">{t('office.paid')}</th>
						<th scope="col">{t('office.refunded')}</th>
						<th scope="col">{t('office.state')}</th>
					</tr>
				</thead>
				<tbody>
					{payments.map((p) => (
						<tr key={p.id}>
							<td data-label={t('office.created')}>
								<Link to={`/urad/platby/${p.id}`}>{p.createdAt}</Link>
							</td>
							<td data-label={t('office.payer')}>{p.payer}</td>
							<td data-label={t('office.claims')}>{p.claims}</td>
							<td data-label={t('office.provider')}>{t(`office.methods.${p.method}`)}</td>
							<td data-label={t('office.amount')}>{p.amount}</td>
							<td data-label={t('office.paid')}>{p.paid}</td>
							<td data-label={t('office.refunded')}>{p.refunded}</td>
							<td data-label={t('office.state')}>
								{t(`office.states.${p.state}`)}
								{p.toRefund ? <strong className="block">{t('office.toRefund', { amount: p.toRefund })}</strong> : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
			<Pagination page={page} pages={pages} label={t('office.pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
