import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { listMyApplications } from '~/modules/grants/my-applications.server'
import { formatDate, formatTime } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['grants'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const applications = await listMyApplications({ db: user.db, ability: user.ability, personId: user.actor.personId })
	return {
		title: resources[locale].grants.mine.title,
		applications: applications.map((a) => ({
			id: a.id,
			number: a.number,
			state: a.state,
			applicant: a.applicantName,
			programme: a.call.programmeVersion.name,
			events: a.events.map((e) => ({ state: e.toState, message: e.message, at: `${formatDate(e.at, locale)} ${formatTime(e.at, locale)}` })),
		})),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function MyGrantApplications() {
	const { applications } = useLoaderData<typeof loader>()
	const [params] = useSearchParams()
	const notice = params.get('hlaseni')
	const { t } = useTranslation('grants')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('mine.title')}</h1>
			{notice === 'submitted' || notice === 'settlement' ? (
				<p role="status" className="mb-4 font-semibold">
					{t(`mine.notice.${notice}`)}
				</p>
			) : null}
			<p className="mb-6">
				<Link to="/dotace">{t('public.title')}</Link>
			</p>
			{applications.length === 0 ? <p>{t('mine.none')}</p> : null}
			<ul className="space-y-6">
				{applications.map((a) => (
					<li key={a.id} className="rounded-town border border-muted/40 bg-surface p-4">
						<h2 className="text-lg font-bold">
							<Link to={`/dotace/zadost/${a.id}`}>
								{a.number}: {a.programme}
							</Link>
						</h2>
						<p>
							{a.applicant} – <strong>{t(`states.${a.state}`)}</strong>
						</p>
						{a.state !== 'draft' ? (
							<p>
								<a href={`/dotace/zadost/${a.id}/potvrzeni.pdf`}>
									{t('pdf.link')}
									<span className="sr-only"> {a.number}</span>
								</a>
							</p>
						) : null}
						<h3 className="mt-2 font-semibold">{t('mine.timeline')}</h3>
						<ol className="ml-5 list-decimal">
							{a.events.map((e, i) => (
								<li key={i}>
									{e.at}: {t(`states.${e.state}`)}
									{e.message ? ` – ${e.message}` : ''}
								</li>
							))}
						</ol>
					</li>
				))}
			</ul>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
