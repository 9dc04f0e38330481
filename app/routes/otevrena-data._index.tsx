import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { catalogueUrl, DATASETS, datasetIri } from '~/modules/open-data/open-data-catalogue'
import { getOpenDataTown } from '~/modules/open-data/town-open-data.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['open-data'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const town = await getOpenDataTown(getTenantDb(tenant), new URL(request.url).origin)
	const language = locale === 'cs' ? 'cs' : 'en'
	return {
		title: resources[locale]['open-data'].title,
		isConfigured: Boolean(town.ico),
		catalogue: catalogueUrl(town.origin),
		datasets: DATASETS.map((dataset) => ({
			slug: dataset.slug,
			title: dataset.title[language],
			description: dataset.description[language],
			record: datasetIri(town.origin, dataset.slug),
			specification: dataset.specification ?? null,
			hasPersonalData: dataset.distributions.some((d) => d.personalData),
			distributions: dataset.distributions.map((d) => ({
				slug: d.slug,
				title: d.title[language],
				url: d.path,
				format: d.format.replace('_', '-'),
				schema: d.schemaPath ?? null,
			})),
		})),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function OpenDataPage() {
	const { datasets, catalogue, isConfigured } = useLoaderData<typeof loader>()
	const { t } = useTranslation('open-data')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-6">{t('intro')}</p>
			{isConfigured ? (
				<section aria-labelledby="catalogue-heading" className="mb-8 rounded-town border border-muted/50 bg-surface p-4">
					<h2 id="catalogue-heading" className="mb-2 text-xl font-semibold">
						{t('catalogue')}
					</h2>
					<p>{t('catalogueHelp')}</p>
					<p className="mt-1 break-all">
						<a href="/otevrena-data/katalog.jsonld">{catalogue}</a>
					</p>
				</section>
			) : (
				<p role="note" className="mb-8 rounded-town border-2 border-muted p-3">
					{t('notConfigured')}
				</p>
			)}
			<ul className="grid gap-6">
				{datasets.map((dataset) => (
					<li key={dataset.slug} className="rounded-town border border-muted bg-surface p-4">
						<h2 className="text-2xl font-semibold">{dataset.title}</h2>
						<p className="mt-1">{dataset.description}</p>
						<p className="mt-2 text-sm text-muted">{dataset.hasPersonalData ? t('termsBoard') : t('terms')}</p>
						<h3 className="mt-3 font-semibold">{t('downloads')}</h3>
						<ul className="list-disc pl-6">
							{dataset.distributions.map((d) => (
								<li key={d.slug}>
									<a href={d.url}>{d.title}</a> ({d.format})
									{d.schema ? (
										<>
											{', '}
											<a href={d.schema}>{d.format === 'CSV' ? t('schema') : t('jsonSchema')}</a>
										</>
									) : null}
								</li>
							))}
						</ul>
						{isConfigured ? (
							<p className="mt-2">
								<a href={`/otevrena-data/datove-sady/${dataset.slug}`}>{t('record')}</a>
							</p>
						) : null}
						{dataset.specification ? (
							<p className="mt-1">
								{t('spec')}: <a href={dataset.specification}>{dataset.specification}</a>
							</p>
						) : null}
					</li>
				))}
			</ul>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
