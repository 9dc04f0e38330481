import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { listMySubmissions } from '~/modules/forms/list-my-submissions.server'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { pickText, type LocalizedText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { readPage } from '~/modules/http/page-param'

export const handle = { i18n: ['forms'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const page = readPage(new URL(request.url).searchParams)
	const list = await listMySubmissions({ db: user.db, ability: user.ability, personId: user.actor.personId, page })
	return {
		page,
		pageCount: list.pageCount,
		title: resources[locale].forms.mine.title,
		submissions: list.submissions.map((s) => ({
			...s,
			formTitle: pickText(s.formTitle as LocalizedText, locale),
			submittedAt: formatDate(s.submittedAt, locale),
		})),
		drafts: list.drafts.map((d) => ({ ...d, title: pickText(d.title as LocalizedText, locale), updatedAt: formatDate(d.updatedAt, locale) })),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function MySubmissions() {
	const { submissions, drafts, page, pageCount } = useLoaderData<typeof loader>()
	const { t } = useTranslation('forms')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('mine.title')}</h1>
			<p className="mb-6">{t('mine.intro')}</p>
			{drafts.length ? (
				<section aria-labelledby="drafts" className="mb-8">
					<h2 id="drafts" className="mb-2 text-2xl font-semibold">
						{t('mine.drafts')}
					</h2>
					<ul>
						{drafts.map((draft) => (
							<li key={draft.code}>
								<Link to={`/formulare/${draft.code}`}>{draft.title}</Link> <span className="text-muted">({t('mine.updatedAt', { at: draft.updatedAt })})</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{submissions.length === 0 ? (
				<p>
					{t('mine.empty')} <Link to="/formulare">{t('mine.toCatalogue')}</Link>
				</p>
			) : (
				<table className="stack-table w-full border-collapse text-left">
					<caption className="sr-only">{t('mine.title')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="py-2 pr-4">
								{t('mine.number')}
							</th>
							<th scope="col" className="py-2 pr-4">
								{t('mine.form')}
							</th>
							<th scope="col" className="py-2 pr-4">
								{t('mine.submittedAt')}
							</th>
							<th scope="col" className="py-2 pr-4">
								{t('mine.status')}
							</th>
							<th scope="col" className="py-2">
								{t('mine.reference')}
							</th>
						</tr>
					</thead>
					<tbody>
						{submissions.map((s) => (
							<tr key={s.number} className="border-b border-muted">
								<td data-label={t('mine.number')} className="py-2 pr-4">
									<Link to={`/podani/${s.number}`}>{s.number}</Link>
								</td>
								<td data-label={t('mine.form')} className="py-2 pr-4">
									{s.formTitle}
								</td>
								<td data-label={t('mine.submittedAt')} className="py-2 pr-4">
									{s.submittedAt}
								</td>
								<td data-label={t('mine.status')} className="py-2 pr-4">
									{t(`status.${s.status}`)}
								</td>
								<td data-label={t('mine.reference')} className="py-2">
									{s.referenceNumber ?? '—'}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
			{pageCount > 1 ? (
				<nav aria-label={t('mine.title')} className="mt-6 flex gap-4">
					{page > 1 ? <Link to={`?strana=${page - 1}`}>{t('fill.back')}</Link> : null}
					<span>
						{page} / {pageCount}
					</span>
					{page < pageCount ? <Link to={`?strana=${page + 1}`}>{t('fill.next')}</Link> : null}
				</nav>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
