// The evaluators' ranking of one programme version (issue 14): its applications by average weighted
// score, each evaluator's own total, and the budget line (who still fits under the programme's total).
// Grants admins, clerks and auditors (read GrantProgramme); an evaluator sees only their own assignments.
import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { Pagination } from '~/components/office/pagination'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { loadProgrammeRanking } from '~/modules/grants/rank-applications.server'
import { readPage } from '~/modules/http/page-param'
import { formatMoney } from '~/modules/i18n/format'
import { requirePermission } from '~/modules/staff/require-permission.server'

export const handle = { i18n: ['office', 'grants'] }
export const RANKING_PAGE_SIZE = 25

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { page, user, t } = await requireGrantsStaff(request, context)
	await requirePermission(user, 'read', 'GrantProgramme', { request, context })
	const found = await loadProgrammeRanking({ db: user.db, programmeVersionId: params.id ?? '' })
	if (!found) throw data(null, { status: 404 })
	const { version, ranking } = found
	const pages = Math.max(1, Math.ceil(ranking.rows.length / RANKING_PAGE_SIZE))
	const current = Math.min(pages, readPage(new URL(request.url).searchParams))
	const locale = page.locale
	const score = (value: number | null) => (value === null ? null : value.toLocaleString(locale, { maximumFractionDigits: 2 }))
	return {
		title: `${t.ranking.title} – ${version.name} – ${page.townName}`,
		version,
		page: current,
		pages,
		count: ranking.rows.length,
		canEditProgramme: user.ability.can('manage', 'GrantProgramme'),
		budget: formatMoney(ranking.totalBudget, locale),
		maxScore: score(ranking.maxScore),
		rows: ranking.rows.slice((current - 1) * RANKING_PAGE_SIZE, current * RANKING_PAGE_SIZE).map((r) => ({
			id: r.id,
			rank: r.rank,
			number: r.number,
			applicant: r.applicantName,
			state: r.state,
			score: score(r.score),
			evaluations: r.evaluations,
			evaluators: r.evaluators.map((e) => ({ ...e, total: score(e.total) })),
			requested: formatMoney(r.requestedAmount, locale),
			awarded: r.awardedAmount ? formatMoney(r.awardedAmount, locale) : null,
			cumulative: formatMoney(r.cumulative, locale),
			fitsBudget: r.fitsBudget,
		})),
	}
}

export const meta = titleMeta

export default function ProgrammeRankingPage() {
	const { version, rows, page, pages, count, budget, maxScore, canEditProgramme } = useLoaderData<typeof loader>()
	const { t } = useTranslation('grants')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
			<p className="mb-4 flex flex-wrap gap-4">
				<Link to="/urad/dotace">{t('office.backToList')}</Link>
				{canEditProgramme ? <Link to={`/urad/dotace/program/${version.id}`}>{t('ranking.backToProgramme')}</Link> : null}
			</p>
			<h1 className="mb-2 text-3xl font-bold">
				{t('ranking.title')}: {version.name}
			</h1>
			<p className="mb-6">{t('ranking.intro', { budget, maxScore, count })}</p>
			{rows.length === 0 ? (
				<p>{t('ranking.none')}</p>
			) : (
				<div className="overflow-x-auto">
					<table className="w-full text-left">
						<caption className="sr-only">{t('ranking.title')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('ranking.rank')}</th>
								<th scope="col">{t('ranking.application')}</th>
								<th scope="col">{t('ranking.average')}</th>
								<th scope="col">{t('ranking.evaluators')}</th>
								<th scope="col">{t('ranking.requested')}</th>
								<th scope="col">{t('ranking.cumulative')}</th>
								<th scope="col">{t('ranking.state')}</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.id} className="border-t border-muted/40 align-top">
									<td>{r.rank}.</td>
									<td>
										<Link to={`/urad/dotace/zadost/${r.id}`}>
											{r.number}: {r.applicant}
										</Link>
									</td>
									<td>{r.score ?? t('ranking.notScored')}</td>
									<td>
										<ul>
											{r.evaluators.map((e, i) => (
												<li key={i}>
													{e.name}: {e.total ?? (e.conflict ? t('office.conflict') : t('office.pending'))}
												</li>
											))}
										</ul>
									</td>
									<td>{r.requested}</td>
									<td>
										{r.cumulative}{' '}
										<span className={r.fitsBudget ? '' : 'font-semibold text-red-900'}>({t(r.fitsBudget ? 'ranking.fits' : 'ranking.overBudget')})</span>
									</td>
									<td>
										{t(`states.${r.state}`)}
										{r.awarded ? ` (${r.awarded})` : ''}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pagination page={page} pages={pages} label={t('ranking.pages')} />
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
