import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Notice, SubmitButton } from '~/components/office/form-field'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { PeriodForm } from '~/components/statistics/period-form'
import { RefreshPanel } from '~/components/statistics/refresh-panel'
import { StatisticsChartSection } from '~/components/statistics/statistics-chart-section'
import { StatisticsTableSection } from '~/components/statistics/statistics-table-section'
import { PublishForm } from '~/components/statistics/publish-form'
import { resources } from '~/modules/i18n/resources.server'
import { officePage, requestMeta } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { getPublishedFigures } from '~/modules/statistics/get-public-statistics.server'
import { getTownStatistics } from '~/modules/statistics/get-town-statistics.server'
import { monthLabels } from '~/modules/statistics/month-labels'
import { requestStatisticsRefresh } from '~/modules/statistics/request-statistics-refresh.server'
import { PUBLISHABLE } from '~/modules/statistics/statistics-figures'
import { FIGURE_PARAM, PERIOD_PARAMS, periodSearch, presetPeriods, readPeriod } from '~/modules/statistics/statistics-period'
import { PublishedStatisticsSchema, updatePublishedStatistics } from '~/modules/statistics/update-published-statistics.server'
import { useRefreshWhile } from '~/modules/progress/use-refresh-while'

// Town statistics for admins and auditors (issue 17, decision 017): figures from the summary table,
// a period chosen with a plain GET form, charts rendered on the server with a table and CSV each.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.statistics')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'StatisticMonth', { request, context })
	const url = new URL(request.url)
	const chosen = readPeriod(url.searchParams)
	const common = {
		title: `${resources[page.locale].statistics.office.title} – ${page.townName}`,
		presets: presetPeriods(),
		canRefresh: user.ability.can('update', 'StatisticMonth'),
		canPublish: user.ability.can('update', 'TownSettings'),
		published: await getPublishedFigures(user.db),
		publishable: [...PUBLISHABLE],
		notice: url.searchParams.get('ulozeno') ? 'saved' : url.searchParams.get('obnova') ? 'refreshRequested' : null,
	}
	if (!chosen.success) {
		const values = {
			from: url.searchParams.get(PERIOD_PARAMS.from) ?? '',
			to: url.searchParams.get(PERIOD_PARAMS.to) ?? '',
			compare: url.searchParams.get(PERIOD_PARAMS.compare) === 'on',
		}
		return data({ ...common, period: values, errors: chosen.errors, statistics: null, monthLabels: {} }, { status: 400 })
	}
	const statistics = await getTownStatistics({ db: user.db, slug: user.tenant.slug, period: chosen.period, locale: page.locale })
	return { ...common, period: chosen.period, errors: null, statistics, monthLabels: monthLabels(chosen.period, page.locale) }
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'statistics'] }

function backTo(request: Request, flag: string) {
	const url = new URL(request.url)
	const params = new URLSearchParams([...url.searchParams].filter(([key]) => Object.values<string>(PERIOD_PARAMS).includes(key)))
	params.set(flag, '1')
	return `/urad/statistiky?${params}`
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireOfficeStaff(request, context)
	const form = await request.formData()
	const intent = form.get('intent')
	if (intent === 'refresh') {
		await requirePermission(user, 'update', 'StatisticMonth', { request, context })
		await requestStatisticsRefresh({ db: user.db, tenantSlug: user.tenant.slug, by: user.me.id, ...requestMeta(context) })
		return redirect(backTo(request, 'obnova'))
	}
	await requirePermission(user, 'update', 'TownSettings', { request, context })
	const parsed = PublishedStatisticsSchema.safeParse({ intent, published: form.getAll('published').length ? form.getAll('published') : undefined })
	if (!parsed.success) return data({ error: 'publish.invalid' }, { status: 400 })
	await updatePublishedStatistics({ db: user.db, published: parsed.data.published, by: user.me.id, ...requestMeta(context) })
	return redirect(backTo(request, 'ulozeno'))
}

export default function StatisticsPage() {
	const { period, errors, statistics, monthLabels: labels, presets, canRefresh, canPublish, published, publishable, notice } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('statistics')
	const location = useLocation()
	const busy = statistics?.refresh.status === 'queued' || statistics?.refresh.status === 'running'
	// With JavaScript, the page follows a refresh under way by itself; without, the "check again" link does.
	useRefreshWhile(busy)
	const query = periodSearch(period)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('office.title')}</h1>
			<p className="mb-6 text-muted">{t('office.intro')}</p>
			{notice ? <Notice>{t(`office.notice.${notice}`)}</Notice> : null}
			<PeriodForm action="/urad/statistiky" period={period} errors={errors} presets={presets} />
			{statistics ? (
				<>
					<RefreshPanel
						refresh={statistics.refresh}
						canRefresh={canRefresh}
						action={`/urad/statistiky${location.search}`}
						checkHref={`/urad/statistiky?${query}`}
					/>
					{statistics.charts.map((chart) => (
						<StatisticsChartSection
							key={chart.key}
							chart={chart}
							formNames={statistics.formNames}
							agendaNames={statistics.agendaNames}
							monthLabels={labels}
							csvHref={`/urad/statistiky.csv?${query}&${FIGURE_PARAM}=${chart.key}`}
						/>
					))}
					{statistics.tables.map((table) => (
						<StatisticsTableSection
							key={table.key}
							table={table}
							formNames={statistics.formNames}
							agendaNames={statistics.agendaNames}
							programmeNames={statistics.programmeNames}
							showPrevious={period.compare}
							csvHref={`/urad/statistiky.csv?${query}&${FIGURE_PARAM}=${table.key}`}
						/>
					))}
				</>
			) : null}
			{canPublish ? (
				<Form method="post" action={`/urad/statistiky${location.search}`} className="mb-10">
					{actionData ? (
						<div role="alert" className="mb-4 rounded-town border-2 border-red-800 bg-red-50 p-3 font-medium text-red-900">
							{t(actionData.error)}
						</div>
					) : null}
					<PublishForm published={published} publishable={publishable} />
					<SubmitButton name="intent" value="publish">
						{t('publish.submit')}
					</SubmitButton>
				</Form>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
