import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { listAwardedGrants } from '~/modules/grants/awarded-grants-dataset.server'
import { formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { readPage } from '~/modules/http/page-param'

export const handle = { i18n: ['grants'] }
const PAGE_SIZE = 50

export async function loader({ request, context }: LoaderFunctionArgs) {
	const db = getTenantDb(requireTenant(context))
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const page = readPage(new URL(request.url).searchParams)
	const { rows, total } = await listAwardedGrants({ db, page, pageSize: PAGE_SIZE })
	return {
		title: resources[locale].grants.awarded.title,
		page,
		hasNext: page * PAGE_SIZE < total,
		rows: rows.map((r) => ({ ...r, amount: formatMoney(r.amount, locale) })),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function AwardedGrantsPage() {
	const { rows, page, hasNext } = useLoaderData<typeof loader>()
	const { t } = useTranslation('grants')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('awarded.title')}</h1>
			<p className="mb-4">{t('awarded.intro')}</p>
			<p className="mb-6 flex gap-4">
				<a href="/dotace/poskytnute.csv">{t('awarded.csv')}</a>
				<a href="/dotace/poskytnute.json">{t('awarded.json')}</a>
			</p>
			{rows.length === 0 ? (
				<p>{t('awarded.none')}</p>
			) : (
				<div className="overflow-x-auto">
					<table className="w-full text-left">
						<caption className="sr-only">{t('awarded.title')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('awarded.recipient')}</th>
								<th scope="col">{t('awarded.purpose')}</th>
								<th scope="col">{t('awarded.amount')}</th>
								<th scope="col">{t('awarded.programme')}</th>
								<th scope="col">{t('awarded.year')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r, i) => (
								<tr key={i} className="border-t border-muted/30">
									<td>
										{r.recipient}
										{r.ico ? `, ${t('awarded.ico')} ${r.ico}` : r.municipality ? `, ${r.municipality}` : ''}
									</td>
									<td>{r.purpose}</td>
									<td>{r.amount}</td>
									<td>{r.programme}</td>
									<td>{r.year}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<nav aria-label={t('awarded.pages')} className="mt-6 flex gap-4">
				{page > 1 ? <Link to={`?strana=${page - 1}`}>{t('awarded.previous')}</Link> : null}
				{hasNext ? <Link to={`?strana=${page + 1}`}>{t('awarded.next')}</Link> : null}
			</nav>
			<p className="mt-6">
				<Link to="/dotace">{t('public.title')}</Link>
			</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
