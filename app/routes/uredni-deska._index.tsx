import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { BOARD_CATEGORIES } from '~/modules/board/board-categories'
import { loadPublicBoardPage } from '~/modules/board/public-board-page.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import type { loader as rootLoader } from '~/root'
import { PUBLIC_BOARD_PARAMS } from '~/modules/board/board-filter-params'

export const handle = { i18n: ['board', 'office'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	return loadPublicBoardPage(request, context)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function OfficialBoard() {
	const { documents, filters, total, page, pages, snapshot } = useLoaderData<typeof loader>()
	const { t } = useTranslation('board')
	const field = 'mt-1 rounded-town border border-muted bg-surface px-3 py-2'
	const tabHref = (tab: 'current' | 'archive') => (tab === 'archive' ? `/uredni-deska?${PUBLIC_BOARD_PARAMS.tab}=archive` : '/uredni-deska')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-6">{t('intro')}</p>
			<nav aria-label={t('tabs.label')} className="mb-6">
				<ul className="flex flex-wrap gap-4">
					{(['current', 'archive'] as const).map((tab) => (
						<li key={tab}>
							<Link to={tabHref(tab)} aria-current={filters.tab === tab ? 'page' : undefined} className={filters.tab === tab ? 'font-bold' : undefined}>
								{t(`tabs.${tab}`)}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			<Form method="get" role="search" aria-label={t('filters.label')} className="mb-6 flex flex-wrap items-end gap-3">
				{filters.tab === 'archive' ? <input type="hidden" name={PUBLIC_BOARD_PARAMS.tab} value="archive" /> : null}
				<div>
					<label htmlFor="board-q" className="block font-semibold">
						{t('filters.q')}
					</label>
					<input id="board-q" name="q" type="search" defaultValue={filters.q ?? ''} className={field} />
				</div>
				<div>
					<label htmlFor="board-category" className="block font-semibold">
						{t('filters.category')}
					</label>
					<select id="board-category" name={PUBLIC_BOARD_PARAMS.category} defaultValue={filters.category ?? ''} className={field}>
						<option value="">{t('filters.anyCategory')}</option>
						{BOARD_CATEGORIES.map((code) => (
							<option key={code} value={code}>
								{t(`categories.${code}`)}
							</option>
						))}
					</select>
				</div>
				<div>
					<label htmlFor="board-from" className="block font-semibold">
						{t('filters.from')}
					</label>
					<input id="board-from" name={PUBLIC_BOARD_PARAMS.from} type="date" defaultValue={filters.from ?? ''} className={field} />
				</div>
				<div>
					<label htmlFor="board-to" className="block font-semibold">
						{t('filters.to')}
					</label>
					<input id="board-to" name={PUBLIC_BOARD_PARAMS.to} type="date" defaultValue={filters.to ?? ''} className={field} />
				</div>
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('filters.submit')}
				</button>
				<Link to={tabHref(filters.tab)} className="py-2">
					{t('filters.reset')}
				</Link>
			</Form>
			<p role="status" className="mb-3">
				{total === 0 ? t('empty') : t('count', { count: total })}
			</p>
			{documents.length ? (
				<table className="stack-table w-full text-left">
					<caption className="sr-only">{t(`tabs.${filters.tab}`)}</caption>
					<thead>
						<tr>
							<th scope="col">{t('columns.title')}</th>
							<th scope="col">{t('columns.category')}</th>
							<th scope="col">{t('columns.reference')}</th>
							<th scope="col">{t('columns.postedFrom')}</th>
							<th scope="col">{t('columns.postedUntil')}</th>
							<th scope="col">{t('columns.attachments')}</th>
						</tr>
					</thead>
					<tbody>
						{documents.map((d) => (
							<tr key={d.id} className="border-t border-muted/30 align-top">
								<td data-label={t('columns.title')} className="py-2 pr-3">
									<Link to={`/uredni-deska/${d.id}`}>{d.title}</Link>
								</td>
								<td data-label={t('columns.category')} className="py-2 pr-3">
									{t(`categories.${d.category}`, { defaultValue: d.category })}
								</td>
								<td data-label={t('columns.reference')} className="py-2 pr-3">
									{d.referenceNumber ?? '—'}
								</td>
								<td data-label={t('columns.postedFrom')} className="py-2 pr-3">
									{d.postedFrom}
								</td>
								<td data-label={t('columns.postedUntil')} className="py-2 pr-3">
									{d.removedEarly ? t('removedEarly', { date: d.removedEarly }) : d.postedUntil}
								</td>
								<td data-label={t('columns.attachments')} className="py-2">
									{d.attachments}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			) : null}
			<Pagination page={page} pages={pages} label={t('pagination')} />
			<section aria-labelledby="snapshot-heading" className="mt-10 rounded-town border border-muted/50 bg-surface p-4">
				<h2 id="snapshot-heading" className="mb-2 text-xl font-semibold">
					{t('snapshot.title')}
				</h2>
				{snapshot ? (
					<>
						<p className="break-all">{t('snapshot.text', { date: snapshot.date, hash: snapshot.hash, count: snapshot.count })}</p>
						<p className="mt-2">
							<a href={`/uredni-deska/otisk/${snapshot.day}.txt`}>{t('snapshot.download')}</a>
						</p>
						<p className="mt-2">
							<Link to={`/uredni-deska/overeni?den=${snapshot.day}`}>{t('verify.link')}</Link>
						</p>
					</>
				) : (
					<p>{t('snapshot.none')}</p>
				)}
			</section>
			<p className="mt-6">
				<a href="/uredni-deska.jsonld">{t('openData')}</a>
			</p>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
