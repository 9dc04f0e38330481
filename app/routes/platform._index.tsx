import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { Pagination } from '~/components/office/pagination'
import { HealthLevelBadge, HealthVerdict, useFormatWhen } from '~/components/platform/health-verdict'
import { resources } from '~/modules/i18n/resources.server'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { getMailCatcher } from '~/modules/mail/mail-catcher.server'
import { HEALTH_COLUMNS } from '~/modules/platform-health/health-rules'
import { HEALTH_QUERY_PARAMS, HEALTH_SORTS, HealthQuerySchema } from '~/modules/platform-health/health-query'
import { listTownHealth } from '~/modules/platform-health/list-town-health.server'
import { readPage } from '~/modules/http/page-param'

// The vendor console's home: the health of every town (decision 024). One query over the platform
// schema's summary table per page view; counts and states only, no citizen's data.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const { locale, title } = await platformPage(request, 'vendor.console')
	await requireVendor(request, context)
	const params = new URL(request.url).searchParams
	const query = HealthQuerySchema.parse({
		page: readPage(params),
		q: params.get('q') ?? '',
		sort: params.get(HEALTH_QUERY_PARAMS.sort) ?? 'problems',
		level: params.get(HEALTH_QUERY_PARAMS.level) ?? 'all',
	})
	const { towns, ...list } = await listTownHealth(query)
	// In the demo the console says where the e-mail went: the demo's mail catcher.
	return {
		title: `${resources[locale]['platform-health'].title} – ${title}`,
		hasDemoMailCatcher: getMailCatcher() !== null,
		query,
		...list,
		// The verdicts carry what the table shows; the raw figures stay on the server.
		towns: towns.map(({ figures: _figures, ...town }) => town),
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'platform-mail', 'platform-health'] }

const COLUMNS = HEALTH_COLUMNS

export default function PlatformConsole() {
	const { towns, total, page, pages, hasDemoMailCatcher, query } = useLoaderData<typeof loader>()
	const { t } = useTranslation('platform-health')
	const { t: tOffice } = useTranslation('office')
	const { t: tMail } = useTranslation('platform-mail')
	const when = useFormatWhen()
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-4 text-muted">{t('intro')}</p>
			<p className="mb-6 flex flex-wrap gap-6">
				<a href="/platform/statistiky">{tOffice('vendor.statisticsLink')}</a>
				<a href="/platform/tokeny">{t('tokens.link')}</a>
				<a href="/platform/obce/nova">{t('onboarding.link')}</a>
			</p>
			<Form method="get" className="mb-6 flex flex-wrap items-end gap-4">
				<div className="flex flex-col">
					<label htmlFor="health-q">{t('search.label')}</label>
					<input id="health-q" name="q" type="search" defaultValue={query.q} maxLength={100} className="rounded-town border border-muted px-2 py-1" />
				</div>
				<div className="flex flex-col">
					<label htmlFor="health-sort">{t('search.sort')}</label>
					<select id="health-sort" name={HEALTH_QUERY_PARAMS.sort} defaultValue={query.sort} className="rounded-town border border-muted px-2 py-1">
						{HEALTH_SORTS.map((sort) => (
							<option key={sort} value={sort}>
								{t(`sorts.${sort}`)}
							</option>
						))}
					</select>
				</div>
				<div className="flex flex-col">
					<label htmlFor="health-level">{t('search.level')}</label>
					<select id="health-level" name={HEALTH_QUERY_PARAMS.level} defaultValue={query.level} className="rounded-town border border-muted px-2 py-1">
						{(['all', 'red', 'amber', 'green'] as const).map((level) => (
							<option key={level} value={level}>
								{t(`levelFilter.${level}`)}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="rounded-town bg-primary px-4 py-1 font-semibold text-primary-contrast">
					{t('search.submit')}
				</button>
			</Form>
			<div className="overflow-x-auto">
				<table className="w-full border-collapse text-left align-top" data-testid="town-health">
					<caption className="mb-2 text-left font-semibold">{t('caption', { count: total })}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="p-2">
								{t('columns.town')}
							</th>
							{COLUMNS.map((column) => (
								<th key={column} scope="col" className="p-2">
									{t(`columns.${column}`)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{towns.length === 0 ? (
							<tr>
								<td colSpan={COLUMNS.length + 1} className="p-2">
									{t('empty')}
								</td>
							</tr>
						) : null}
						{towns.map((town) => (
							<tr key={town.slug} className="border-b border-muted/30 align-top" data-town={town.slug}>
								<th scope="row" className="p-2 font-medium">
									<Link to={`/platform/obce/${town.slug}`} aria-label={t('detailLink', { name: town.name })}>
										{town.name}
									</Link>
									<span className="block font-mono text-sm">{town.slug}</span>
									<span className="mt-1 block" data-testid="town-level">
										<HealthLevelBadge level={town.level} />
									</span>
									<span className="block text-sm text-muted">
										{town.stale
											? t(`reasons.${town.stale.reason}`, town.stale.values)
											: town.refreshedAt
												? t('refreshedAt', { at: when(town.refreshedAt) })
												: null}
									</span>
								</th>
								{town.verdicts ? (
									COLUMNS.map((column) => (
										<td key={column} className="p-2" data-column={column}>
											<HealthVerdict verdict={town.verdicts![column]} />
										</td>
									))
								) : (
									<td colSpan={COLUMNS.length} className="p-2">
										{town.error ? t('figuresError', { error: town.error }) : t('noFigures')}
									</td>
								)}
							</tr>
						))}
					</tbody>
				</table>
			</div>
			<Pagination page={page} pages={pages} label={t('pagination')} />
			{hasDemoMailCatcher ? (
				<section aria-labelledby="demo-mail-catcher" className="mt-10 rounded-town border border-muted p-4">
					<h2 id="demo-mail-catcher" className="mb-2 text-xl font-semibold">
						{tMail('console.heading')}
					</h2>
					<p className="mb-2">{tMail('console.text')}</p>
					<Link to="/platform/mail">{tMail('console.link')}</Link>
				</section>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
