import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { sessionCookieName } from '~/modules/auth/session.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { getEnv } from '~/modules/env/env.server'
import { getRequestLocale, localeCookie } from '~/modules/i18n/locale.server'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { getLegalPages } from '~/modules/legal/get-legal-pages.server'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['legal'] }

const PURPOSES = ['login', 'payments', 'forms', 'grants', 'messages'] as const

// /ochrana-osobnich-udaju: the town as controller, its DPO, each processing with its legal basis and
// retention, the citizen's rights and the (strictly necessary) cookies; the admin's edits on top.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const { privacy } = await getLegalPages(getTenantDb(tenant))
	const extra = (privacy.extra[locale] || privacy.extra.cs)
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter(Boolean)
	return {
		title: resources[locale].legal.privacy.title,
		controller: { name: pickText(profile.name, locale), ...profile.contact },
		dpo: privacy.dpoName || privacy.dpoEmail ? { name: privacy.dpoName, email: privacy.dpoEmail, phone: privacy.dpoPhone } : null,
		cookies: { session: sessionCookieName(getEnv().NODE_ENV === 'production'), language: localeCookie.name },
		extra,
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function PrivacyNotice() {
	const page = useLoaderData<typeof loader>()
	const { t } = useTranslation('legal')
	const { controller, dpo } = page
	const section = 'mb-6'
	const h2 = 'mb-2 text-xl font-semibold'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('privacy.title')}</h1>
			<p className="mb-6">{t('privacy.intro')}</p>
			<section aria-labelledby="controller" className={section}>
				<h2 id="controller" className={h2}>
					{t('privacy.controllerHeading')}
				</h2>
				<p>{t('privacy.controller', { name: controller.name, address: controller.address, email: controller.email, phone: controller.phone })}</p>
				{controller.dataBox ? <p>{t('privacy.dataBox', { dataBox: controller.dataBox })}</p> : null}
			</section>
			<section aria-labelledby="dpo" className={section}>
				<h2 id="dpo" className={h2}>
					{t('privacy.dpoHeading')}
				</h2>
				{dpo ? (
					<ul data-testid="dpo">
						{dpo.name ? <li>{t('privacy.dpo', { name: dpo.name })}</li> : null}
						{dpo.email ? <li>{t('privacy.dpoEmail', { email: dpo.email })}</li> : null}
						{dpo.phone ? <li>{t('privacy.dpoPhone', { phone: dpo.phone })}</li> : null}
					</ul>
				) : (
					<p>{t('privacy.dpoMissing', { email: controller.email })}</p>
				)}
			</section>
			<section aria-labelledby="purposes" className={section}>
				<h2 id="purposes" className={h2}>
					{t('privacy.purposesHeading')}
				</h2>
				<table className="stack-table w-full border-collapse text-left text-sm">
					<caption className="sr-only">{t('privacy.table.caption')}</caption>
					<thead>
						<tr className="border-b border-muted">
							<th scope="col" className="py-2 pr-3">
								{t('privacy.table.purpose')}
							</th>
							<th scope="col" className="py-2 pr-3">
								{t('privacy.table.data')}
							</th>
							<th scope="col" className="py-2 pr-3">
								{t('privacy.table.basis')}
							</th>
							<th scope="col" className="py-2">
								{t('privacy.table.retention')}
							</th>
						</tr>
					</thead>
					<tbody>
						{PURPOSES.map((purpose) => (
							<tr key={purpose} className="border-b border-muted align-top">
								<th scope="row" className="py-2 pr-3 font-semibold">
									{t(`privacy.purposes.${purpose}.purpose`)}
								</th>
								<td data-label={t('privacy.table.data')} className="py-2 pr-3">
									{t(`privacy.purposes.${purpose}.data`)}
								</td>
								<td data-label={t('privacy.table.basis')} className="py-2 pr-3">
									{t(`privacy.purposes.${purpose}.basis`)}
								</td>
								<td data-label={t('privacy.table.retention')} className="py-2">
									{t(`privacy.purposes.${purpose}.retention`)}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
			<section aria-labelledby="rights" className={section}>
				<h2 id="rights" className={h2}>
					{t('privacy.rightsHeading')}
				</h2>
				<ul className="list-disc pl-6">
					{(t('privacy.rights', { returnObjects: true }) as string[]).map((right) => (
						<li key={right}>{right}</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="cookies" className={section}>
				<h2 id="cookies" className={h2}>
					{t('privacy.cookiesHeading')}
				</h2>
				<p className="mb-2">{t('privacy.cookies')}</p>
				<ul className="list-disc pl-6">
					<li>{t('privacy.cookieList.session', { name: page.cookies.session })}</li>
					<li>{t('privacy.cookieList.language', { name: page.cookies.language })}</li>
				</ul>
			</section>
			{page.extra.length ? (
				<section aria-labelledby="extra" className={section}>
					<h2 id="extra" className={h2}>
						{t('privacy.extraHeading')}
					</h2>
					{page.extra.map((paragraph, index) => (
						<p key={index} className="mb-2 whitespace-pre-line">
							{paragraph}
						</p>
					))}
				</section>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
