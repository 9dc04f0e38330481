import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { listUnmatchedMovements, readMovementFilters } from '~/modules/bank-statements/list-unmatched-movements.server'
import { resources } from '~/modules/i18n/resources.server'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { useFormat } from '~/modules/i18n/use-format'
import { MOVEMENT_FILTER_PARAMS } from '~/modules/bank-statements/movement-filter-params'

export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.bank')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'BankMovement', { request, context })
	const url = new URL(request.url)
	const filters = readMovementFilters(url)
	const list = await listUnmatchedMovements({ db: user.db, ability: user.ability, filters })
	// The form shows what was typed (koruny), the query uses haléře.
	const typed = {
		from: filters.from ?? '',
		to: filters.to ?? '',
		min: filters.min !== undefined ? (url.searchParams.get(MOVEMENT_FILTER_PARAMS.min) ?? '') : '',
		max: filters.max !== undefined ? (url.searchParams.get(MOVEMENT_FILTER_PARAMS.max) ?? '') : '',
		vs: filters.vs ?? '',
	}
	return { title: `${resources[page.locale]['bank-office'].queue.title} – ${page.townName}`, typed, page: Math.min(filters.page, list.pages), ...list }
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'bank-office'] }

export default function UnmatchedQueuePage() {
	const { movements, typed, page, pages, total } = useLoaderData<typeof loader>()
	const { t, i18n } = useTranslation('bank-office')
	const money = (halere: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CZK' }).format(halere / 100)
	const format = useFormat()
	const field = 'rounded-town border px-2 py-1'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/urad/banka">{t('queue.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">{t('queue.title')}</h1>
			<p className="mb-6">{t('queue.intro')}</p>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-3" aria-label={t('queue.filters')}>
				<label>
					<span className="block text-sm font-medium">{t('queue.from')}</span>
					<input type="date" name={MOVEMENT_FILTER_PARAMS.from} defaultValue={typed.from} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('queue.to')}</span>
					<input type="date" name={MOVEMENT_FILTER_PARAMS.to} defaultValue={typed.to} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('queue.min')}</span>
					<input type="text" inputMode="decimal" name="min" defaultValue={typed.min} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('queue.max')}</span>
					<input type="text" inputMode="decimal" name="max" defaultValue={typed.max} className={field} />
				</label>
				<label>
					<span className="block text-sm font-medium">{t('queue.vs')}</span>
					<input type="text" inputMode="numeric" name="vs" defaultValue={typed.vs} className={field} />
				</label>
				<SubmitButton>{t('queue.filter')}</SubmitButton>
			</Form>
			<p className="mb-3">{t('queue.count', { count: total })}</p>
			{movements.length === 0 ? (
				<p>{t('queue.empty')}</p>
			) : (
				<table className="stack-table w-full text-left text-sm">
					<thead>
						<tr>
							<th scope="col">{t('queue.date')}</th>
							<th scope="col">{t('queue.amount')}</th>
							<th scope="col">{t('queue.kind')}</th>
							<th scope="col">{t('queue.vs')}</th>
							<th scope="col">{t('queue.counter')}</th>
							<th scope="col">{t('queue.message')}</th>
							<th scope="col">
								<span className="sr-only">{t('queue.resolve')}</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{movements.map((m) => (
							<tr key={m.id}>
								<td data-label={t('queue.date')}>{format.date(m.bookingDate)}</td>
								<td data-label={t('queue.amount')}>{money(m.amount)}</td>
								<td data-label={t('queue.kind')}>{t(`queue.kinds.${m.kind}`)}</td>
								<td data-label={t('queue.vs')}>{m.variableSymbol ?? '—'}</td>
								<td data-label={t('queue.counter')}>{[m.counterAccount, m.counterName].filter(Boolean).join(', ') || '—'}</td>
								<td data-label={t('queue.message')}>{m.message ?? ''}</td>
								<td>
									<Link to={`/urad/banka/pohyb/${m.id}`} aria-label={t('queue.resolveLabel', { amount: money(m.amount), date: format.date(m.bookingDate) })}>
										{t('queue.resolve')}
									</Link>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			<Pagination page={page} pages={pages} label={t('queue.pagination')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
