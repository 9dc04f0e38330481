import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { titleMeta } from '~/components/office/meta'
import { OfficeErrorBoundary } from '~/components/office/office-error-boundary'
import { resources } from '~/modules/i18n/resources.server'
import { officePage } from '~/modules/staff/office-request.server'
import { requireOfficeStaff } from '~/modules/staff/require-office-staff.server'
import { requirePermission } from '~/modules/staff/require-permission.server'
import { formatDate } from '~/modules/i18n/format'
import { checkNiaRegistration } from '~/modules/tile/check-nia-registration.server'
import { TILE_PNG_SIZES } from '~/modules/tile/render-tile-logo.server'
import { tileTexts } from '~/modules/tile/tile-texts.server'

// /urad/dlazdice: what a town admin needs for the tile on the state Portál občana (decision 016).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const page = await officePage(request, context, 'nav.tile')
	const user = await requireOfficeStaff(request, context)
	await requirePermission(user, 'read', 'NiaSettings', { request, context })
	const check = await checkNiaRegistration({ tenant: user.tenant })
	return {
		title: `${resources[page.locale].tile.admin.title} – ${page.townName}`,
		entryUrl: `${page.origin}/portal-obcana`,
		metadataUrl: `${page.origin}/auth/nia/metadata`,
		texts: tileTexts({ name: page.profile.name, townType: page.profile.townType }),
		sizes: TILE_PNG_SIZES,
		// A date the check reports (the certificate's expiry) as a Czech date, not ISO (issue 19).
		check: {
			...check,
			checks: check.checks.map((item) => ({
				...item,
				actual: item.actual && /^\d{4}-\d{2}-\d{2}$/.test(item.actual) ? formatDate(item.actual, page.locale) : item.actual,
			})),
		},
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'tile'] }

export default function TilePage() {
	const { entryUrl, metadataUrl, texts, sizes, check } = useLoaderData<typeof loader>()
	const { t } = useTranslation('tile')
	const h2 = 'mb-2 mt-8 text-xl font-semibold'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<h1 className="mb-4 text-3xl font-bold">{t('admin.title')}</h1>
			<p className="mb-4">{t('admin.intro')}</p>
			<h2 className={h2}>{t('admin.entryHeading')}</h2>
			<p className="mb-2">
				<code data-testid="tile-entry-url" className="rounded-town bg-surface px-2 py-1">
					{entryUrl}
				</code>
			</p>
			<p>{t('admin.entryText', { loa: t(`admin.loa.${check.minimumLoa ?? 'unknown'}`) })}</p>
			<h2 className={h2}>{t('admin.textsHeading')}</h2>
			<dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
				{texts.map((text) => (
					<div key={text.locale} className="contents" lang={text.locale}>
						<dt className="font-semibold">
							{t('admin.name')} ({t(`admin.language.${text.locale}`)})
						</dt>
						<dd>{text.title}</dd>
						<dt className="font-semibold">
							{t('admin.description')} ({t(`admin.language.${text.locale}`)})
						</dt>
						<dd>{text.description}</dd>
					</div>
				))}
			</dl>
			<h2 className={h2}>{t('admin.logoHeading')}</h2>
			<p className="mb-3">{t('admin.logoText')}</p>
			<img src="/urad/dlazdice/logo/dlazdice-128.png" alt={t('admin.logoAlt')} width={128} height={128} className="mb-3 border border-muted/30" />
			<ul className="list-disc pl-6">
				<li>
					<a href="/urad/dlazdice/logo/dlazdice.svg" download>
						{t('admin.downloadSvg')}
					</a>
				</li>
				{sizes.map((size) => (
					<li key={size}>
						<a href={`/urad/dlazdice/logo/dlazdice-${size}.png`} download>
							{t('admin.downloadPng', { size })}
						</a>
					</li>
				))}
			</ul>
			<h2 className={h2}>{t('admin.stepsHeading')}</h2>
			<ol className="list-decimal pl-6">
				{(t('admin.steps', { returnObjects: true }) as string[]).map((step) => (
					<li key={step}>{step}</li>
				))}
			</ol>
			<h2 className={h2}>{t('admin.checkHeading')}</h2>
			<p className="mb-2">{t('admin.checkIntro')}</p>
			<p role="status" data-testid="nia-check-summary" className={`mb-3 font-semibold ${check.isReady ? '' : 'text-red-800'}`}>
				{check.isReady ? t('admin.ready') : t('admin.notReady')}
			</p>
			<ul className="grid gap-2">
				{check.checks.map((item) => (
					<li key={item.code} data-testid={`nia-check-${item.code}`}>
						<strong>{item.ok ? t('admin.ok') : t('admin.problem')}:</strong>{' '}
						{item.code === 'configured' && !item.ok ? t('admin.checks.configured_missing') : t(`admin.checks.${item.code}`)}
						{!item.ok && item.expected ? <div className="text-sm">{t('admin.expected', { value: item.expected })}</div> : null}
						{item.actual ? <div className="text-sm">{t('admin.actual', { value: item.actual })}</div> : null}
					</li>
				))}
			</ul>
			{check.checks[0]?.ok ? (
				<p className="mt-3">
					<a href={metadataUrl}>{t('admin.metadataLink')}</a>
				</p>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <OfficeErrorBoundary />
}
