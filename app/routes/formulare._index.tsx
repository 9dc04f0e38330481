import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { listCatalogue } from '~/modules/forms/list-catalogue.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import { useRootData, type loader as rootLoader } from '~/root'

export const handle = { i18n: ['forms'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const query = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
	const groups = await listCatalogue({ db: getTenantDb(tenant), locale, query })
	return { groups, query, title: resources[locale].forms.catalogue.title }
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function Catalogue() {
	const { groups, query } = useLoaderData<typeof loader>()
	const townType = useRootData()?.town?.type
	const { t } = useTranslation('forms')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('catalogue.title')}</h1>
			<p className="mb-6">{t('catalogue.intro')}</p>
			<Form method="get" role="search" className="mb-8 flex flex-wrap items-end gap-3">
				<div>
					<label htmlFor="q" className="block font-semibold">
						{t('catalogue.search')}
					</label>
					<input id="q" name="q" type="search" defaultValue={query} className="mt-1 rounded-town border border-muted bg-surface px-3 py-2" />
				</div>
				<button type="submit" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('catalogue.searchButton')}
				</button>
			</Form>
			{groups.length === 0 ? <p role="status">{query ? t('catalogue.noResults', { q: query }) : t('catalogue.none', { context: townType })}</p> : null}
			{groups.map((group) => (
				<section key={group.lifeSituation} aria-labelledby={`ls-${group.lifeSituation}`} className="mb-8">
					<h2 id={`ls-${group.lifeSituation}`} className="mb-3 text-2xl font-semibold">
						{t(`lifeSituations.${group.lifeSituation}`, { defaultValue: t('lifeSituations.other') })}
					</h2>
					<ul className="grid gap-3">
						{group.forms.map((form) => (
							<li key={form.code} className="rounded-town border border-muted bg-surface p-4">
								<Link to={`/formulare/${form.code}`} className="text-lg font-semibold">
									{form.title}
								</Link>
								{form.description ? <p className="mt-1">{form.description}</p> : null}
								{form.isAnonymousAllowed ? <p className="mt-1 text-sm text-muted">{t('catalogue.anonymous')}</p> : null}
							</li>
						))}
					</ul>
				</section>
			))}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
