import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { formatDate } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { getLegalPages } from '~/modules/legal/get-legal-pages.server'
import { PROJECT_AUDIT } from '~/modules/legal/project-audit'
import { requireTenant, requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['legal'] }

// /prohlaseni-o-pristupnosti: the accessibility statement in the structure of the template of
// vyhláška č. 523/2020 Sb., from the town's settings, the project's audit and the admin's edits.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const { accessibility } = await getLegalPages(getTenantDb(tenant))
	const ownItems = (accessibility.nonAccessible[locale] || accessibility.nonAccessible.cs)
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
	return {
		title: resources[locale].legal.accessibility.title,
		controller: pickText(profile.name, locale),
		url: new URL(request.url).origin,
		status: accessibility.status,
		method: accessibility.method,
		ownItems,
		known: PROJECT_AUDIT.known,
		outOfScope: PROJECT_AUDIT.outOfScope,
		preparedOn: formatDate(accessibility.preparedOn, locale),
		reviewedOn: formatDate(accessibility.reviewedOn, locale),
		projectAuditOn: formatDate(PROJECT_AUDIT.reviewedOn, locale),
		feedback: { email: accessibility.feedbackEmail || profile.contact.email, phone: profile.contact.phone, address: profile.contact.address },
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function AccessibilityStatement() {
	const page = useLoaderData<typeof loader>()
	const { t } = useTranslation('legal')
	const section = 'mb-6'
	const h2 = 'mb-2 text-xl font-semibold'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('accessibility.title')}</h1>
			<p className="mb-6">{t('accessibility.intro', { controller: page.controller, url: page.url })}</p>
			<section aria-labelledby="compliance" className={section}>
				<h2 id="compliance" className={h2}>
					{t('accessibility.complianceHeading')}
				</h2>
				<p data-testid="compliance-status">{t(`accessibility.status.${page.status}`)}</p>
			</section>
			{page.status === 'full' ? null : (
				<section aria-labelledby="non-accessible" className={section}>
					<h2 id="non-accessible" className={h2}>
						{t('accessibility.nonAccessibleHeading')}
					</h2>
					<p className="mb-2">{t('accessibility.nonAccessibleIntro')}</p>
					<h3 className="mt-3 font-semibold">{t('accessibility.nonComplianceHeading')}</h3>
					<ul className="list-disc pl-6">
						{page.known.map((key) => (
							<li key={key}>{t(`accessibility.known.${key}`)}</li>
						))}
						{page.ownItems.map((item, index) => (
							<li key={index}>{item}</li>
						))}
					</ul>
					<h3 className="mt-3 font-semibold">{t('accessibility.burdenHeading')}</h3>
					<p>{t('accessibility.burden')}</p>
					<h3 className="mt-3 font-semibold">{t('accessibility.outOfScopeHeading')}</h3>
					<ul className="list-disc pl-6">
						{page.outOfScope.map((key) => (
							<li key={key}>{t(`accessibility.outOfScope.${key}`)}</li>
						))}
					</ul>
				</section>
			)}
			<section aria-labelledby="preparation" className={section}>
				<h2 id="preparation" className={h2}>
					{t('accessibility.preparationHeading')}
				</h2>
				<p>{t('accessibility.prepared', { date: page.preparedOn })}</p>
				<p>{t(`accessibility.method.${page.method}`)}</p>
				<p>{t('accessibility.projectAudit', { date: page.projectAuditOn })}</p>
				<p>{t('accessibility.reviewed', { date: page.reviewedOn })}</p>
			</section>
			<section aria-labelledby="feedback" className={section}>
				<h2 id="feedback" className={h2}>
					{t('accessibility.feedbackHeading')}
				</h2>
				<p>{t('accessibility.feedback')}</p>
				<ul className="list-disc pl-6">
					<li>{t('accessibility.feedbackEmail', { email: page.feedback.email })}</li>
					<li>{t('accessibility.feedbackPhone', { phone: page.feedback.phone })}</li>
					<li>{t('accessibility.feedbackPost', { address: page.feedback.address })}</li>
				</ul>
			</section>
			<section aria-labelledby="enforcement" className={section}>
				<h2 id="enforcement" className={h2}>
					{t('accessibility.enforcementHeading')}
				</h2>
				<p>{t('accessibility.enforcement')}</p>
				<p>{t('accessibility.enforcementBody')}</p>
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
