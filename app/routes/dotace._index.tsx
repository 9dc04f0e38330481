import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { listPublicGrantProgrammes } from '~/modules/grants/list-public-grants.server'
import { readCostCategories, readRequiredAttachments } from '~/modules/grants/programme-rules'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['grants'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const db = getTenantDb(requireTenant(context))
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const programmes = await listPublicGrantProgrammes({ db })
	return {
		title: resources[locale].grants.public.title,
		programmes: programmes.map((p) => ({
			id: p.id,
			name: p.name,
			purpose: p.purpose,
			conditions: p.conditions,
			eligible: p.eligibleApplicants,
			coFinancingPercent: p.coFinancingPercent,
			totalBudget: formatMoney(p.totalBudget, locale),
			maxGrant: formatMoney(p.maxGrant, locale),
			minGrant: p.minGrant ? formatMoney(p.minGrant, locale) : null,
			decisionDeadline: p.decisionDeadline ? formatDate(p.decisionDeadline, locale) : null,
			costCategories: readCostCategories(p.costCategories).map((c) => c.name),
			attachments: readRequiredAttachments(p.requiredAttachments).map((a) => a.name),
			calls: p.calls.map((c) => ({ ...c, opensOn: formatDate(c.opensOn, locale), closesOn: formatDate(c.closesOn, locale) })),
		})),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function GrantsPage() {
	const { programmes } = useLoaderData<typeof loader>()
	const { t } = useTranslation('grants')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('public.title')}</h1>
			<p className="mb-4">{t('public.intro')}</p>
			<p className="mb-6 flex flex-wrap gap-4">
				<Link to="/dotace/moje">{t('public.mine')}</Link>
				<Link to="/dotace/poskytnute">{t('public.awarded')}</Link>
			</p>
			{programmes.length === 0 ? <p>{t('public.none')}</p> : null}
			<ul className="space-y-6">
				{programmes.map((p) => (
					<li key={p.id} className="rounded-town border border-muted/40 bg-surface p-4">
						<h2 className="text-xl font-bold">{p.name}</h2>
						<p className="mt-1 whitespace-pre-line">{p.purpose}</p>
						<dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
							<dt className="font-semibold">{t('public.budget')}</dt>
							<dd>{p.totalBudget}</dd>
							<dt className="font-semibold">{t('public.maxGrant')}</dt>
							<dd>{p.minGrant ? `${p.minGrant} – ${p.maxGrant}` : p.maxGrant}</dd>
							<dt className="font-semibold">{t('public.eligible')}</dt>
							<dd>{t(`eligible.${p.eligible}`)}</dd>
							<dt className="font-semibold">{t('public.coFinancing')}</dt>
							<dd>{p.coFinancingPercent} %</dd>
							<dt className="font-semibold">{t('public.costCategories')}</dt>
							<dd>{p.costCategories.join(', ')}</dd>
							{p.attachments.length ? (
								<>
									<dt className="font-semibold">{t('public.attachments')}</dt>
									<dd>{p.attachments.join(', ')}</dd>
								</>
							) : null}
							{p.decisionDeadline ? (
								<>
									<dt className="font-semibold">{t('public.decisionDeadline')}</dt>
									<dd>{p.decisionDeadline}</dd>
								</>
							) : null}
						</dl>
						{p.conditions ? <p className="mt-3 whitespace-pre-line">{p.conditions}</p> : null}
						<h3 className="mt-4 font-semibold">{t('public.calls')}</h3>
						<ul className="mt-1 space-y-2">
							{p.calls.map((c) => (
								<li key={c.id}>
									{c.name}: {c.opensOn} – {c.closesOn} ({t(`phase.${c.phase}`)})
									{c.phase === 'open' ? (
										<>
											{' '}
											<Link to={`/dotace/vyzva/${c.id}`} className="font-semibold">
												{t('public.apply')}
											</Link>
										</>
									) : null}
								</li>
							))}
						</ul>
					</li>
				))}
			</ul>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
