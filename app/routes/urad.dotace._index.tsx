import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { listContractDuties } from '~/modules/grants/contract.server'
import { listOfficeApplications, listOfficeProgrammeVersions } from '~/modules/grants/list-office-grants.server'
import { requireGrantsStaff } from '~/modules/grants/office-grants-guard.server'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { readPage } from '~/modules/http/page-param'

export const handle = { i18n: ['office', 'grants'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const { page, user } = await requireGrantsStaff(request, context)
	const pageNumber = readPage(new URL(request.url).searchParams)
	const canManage = user.ability.can('manage', 'GrantProgramme')
	const canWork = user.ability.can('update', 'GrantApplication')
	const [programmes, { applications, hasNext }, duties] = await Promise.all([
		user.ability.can('read', 'GrantProgramme') ? listOfficeProgrammeVersions({ db: user.db }) : [],
		listOfficeApplications({ db: user.db, ability: user.ability, page: pageNumber }),
		canWork ? listContractDuties({ db: user.db }) : [],
	])
	const locale = page.locale
	return {
		title: page.title,
		canManage,
		page: pageNumber,
		hasNext,
		programmes: programmes.map((p) => ({ id: p.id, code: p.programme.code, version: p.version, state: p.state, name: p.name })),
		applications: applications.map((a) => ({
			id: a.id,
			number: a.number,
			state: a.state,
			applicant: a.applicantName,
			programme: a.call.programmeVersion.name,
			requested: formatMoney(a.requestedAmount, locale),
		})),
		duties: duties.filter((d) => !d.doneOn).map((d) => ({ ...d, deadline: formatDate(d.deadline, locale), amount: formatMoney(d.amount, locale) })),
	}
}

export const meta = titleMeta

export default function OfficeGrants() {
	const { programmes, applications, duties, canManage, page, hasNext } = useLoaderData<typeof loader>()
	const { t } = useTranslation('grants')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-6 text-3xl font-bold">{t('office.title')}</h1>
			{programmes.length ? (
				<section className="mb-8">
					<h2 className="mb-2 text-xl font-bold">{t('office.programmes')}</h2>
					<ul className="space-y-1">
						{programmes.map((p) => (
							<li key={p.id}>
								<Link to={`/urad/dotace/program/${p.id}`}>
									{p.name} (v{p.version}, {t(`office.versionState.${p.state}`)})
								</Link>
								{p.state === 'published' ? (
									<>
										{' – '}
										<Link to={`/urad/dotace/program/${p.id}/poradi`} aria-label={`${t('ranking.link')}: ${p.name}`}>
											{t('ranking.link')}
										</Link>
									</>
								) : null}
							</li>
						))}
					</ul>
					{canManage ? (
						<p className="mt-3">
							<Link to="/urad/dotace/program/novy">{t('office.newProgramme')}</Link>
						</p>
					) : null}
				</section>
			) : canManage ? (
				<p className="mb-8">
					<Link to="/urad/dotace/program/novy">{t('office.newProgramme')}</Link>
				</p>
			) : null}
			{duties.length ? (
				<section className="mb-8">
					<h2 className="mb-2 text-xl font-bold">{t('office.duties')}</h2>
					<ul className="space-y-1">
						{duties.map((d, i) => (
							<li key={i}>
								{d.deadline}: {t(`office.duty.${d.duty}`)} – {d.number}, {d.recipient}, {d.amount}
							</li>
						))}
					</ul>
					<p className="mt-2">
						<a href="/urad/dotace/registr-smluv.xml">{t('office.registrExport')}</a>
					</p>
				</section>
			) : null}
			<section>
				<h2 className="mb-2 text-xl font-bold">{t('office.applications')}</h2>
				<p className="mb-2">
					<a href="/urad/dotace/vyplaty.csv">{t('office.payoutExport')}</a>
				</p>
				{applications.length === 0 ? <p>{t('office.noApplications')}</p> : null}
				<ul className="space-y-1">
					{applications.map((a) => (
						<li key={a.id}>
							<Link to={`/urad/dotace/zadost/${a.id}`}>
								{a.number}: {a.applicant}
							</Link>{' '}
							– {a.programme}, {a.requested}, <strong>{t(`states.${a.state}`)}</strong>
						</li>
					))}
				</ul>
				<nav aria-label={t('awarded.pages')} className="mt-4 flex gap-4">
					{page > 1 ? <Link to={`?strana=${page - 1}`}>{t('awarded.previous')}</Link> : null}
					{hasNext ? <Link to={`?strana=${page + 1}`}>{t('awarded.next')}</Link> : null}
				</nav>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
