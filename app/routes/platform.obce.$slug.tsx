import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { titleMeta } from '~/components/office/meta'
import { HealthLevelBadge, HealthVerdict, useFormatWhen } from '~/components/platform/health-verdict'
import { AppError } from '~/modules/errors/app-error'
import { resources } from '~/modules/i18n/resources.server'
import { platformPage } from '~/modules/platform-auth/platform-page.server'
import { requireVendor } from '~/modules/platform-auth/require-vendor.server'
import { HEALTH_COLUMNS } from '~/modules/platform-health/health-rules'
import { getTownHealthDetail } from '~/modules/platform-health/list-town-health.server'
import { refreshTownHealthNow, resendStaffInvitations, setTownStatusFromConsole, vendorActor } from '~/modules/platform-health/town-actions.server'
import { SETTINGS_GROUPS } from '~/modules/town-settings/settings-groups'

const SlugSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/)
const NOTICES = ['refreshed', 'suspended', 'resumed', 'unchanged', 'resent', 'noHost', 'bad', 'settingsSaved', 'settingsUnchanged'] as const
const NoticeSchema = z.enum(NOTICES).nullable().catch(null)

// One town's health now and over time, and the vendor's actions on it (each audited in platform_audit).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const { locale, title } = await platformPage(request, 'vendor.console')
	await requireVendor(request, context)
	const slug = SlugSchema.safeParse(params.slug)
	const detail = slug.success ? await getTownHealthDetail(slug.data) : null
	if (!detail) throw data(null, { status: 404 })
	const search = new URL(request.url).searchParams
	return {
		title: `${detail.town.name} – ${resources[locale]['platform-health'].title} – ${title}`,
		...detail,
		notice: NoticeSchema.parse(search.get('hlaseni')),
		count: Number(search.get('pocet') ?? 0) || 0,
	}
}

const ActionSchema = z.object({ intent: z.enum(['refresh', 'suspend', 'resume', 'resend']) })

export async function action({ request, context, params }: ActionFunctionArgs) {
	const { vendor } = await requireVendor(request, context)
	const slug = SlugSchema.safeParse(params.slug)
	if (!slug.success) throw data(null, { status: 404 })
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	const back = (notice: (typeof NOTICES)[number], extra = '') => redirect(`/platform/obce/${slug.data}?hlaseni=${notice}${extra}`)
	if (!parsed.success) return back('bad')
	const actor = vendorActor(vendor)
	try {
		switch (parsed.data.intent) {
			case 'refresh':
				await refreshTownHealthNow(slug.data)
				return back('refreshed')
			case 'suspend':
				return back((await setTownStatusFromConsole({ slug: slug.data, status: 'suspended', actor })) ? 'suspended' : 'unchanged')
			case 'resume':
				return back((await setTownStatusFromConsole({ slug: slug.data, status: 'active', actor })) ? 'resumed' : 'unchanged')
			case 'resend':
				return back('resent', `&pocet=${await resendStaffInvitations({ slug: slug.data, actor })}`)
		}
	} catch (error) {
		if (error instanceof AppError && error.code === 'tenant_not_found') {
			if (parsed.data.intent === 'resend') return back('noHost')
			throw data(null, { status: 404 })
		}
		throw error
	}
}

export const meta = titleMeta
export const handle = { i18n: ['office', 'platform-health'] }

export default function TownHealthDetail() {
	const { town, samples, audit, notice, count } = useLoaderData<typeof loader>()
	const { t } = useTranslation('platform-health')
	const when = useFormatWhen()
	const button = 'rounded-town border-2 border-primary px-3 py-1 font-semibold'
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-[96rem] flex-1 px-4 py-10">
			<p className="mb-4">
				<Link to="/platform">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-2 text-3xl font-bold">{town.name}</h1>
			<p className="mb-2 font-mono">{town.slug}</p>
			{town.primaryHost ? (
				<p className="mb-2">
					{t('detail.hosts')}: {town.primaryHost}
				</p>
			) : null}
			<p className="mb-6 flex flex-wrap items-center gap-2" data-testid="town-level">
				<HealthLevelBadge level={town.level} />
				<span className="text-muted">
					{town.stale ? t(`reasons.${town.stale.reason}`, town.stale.values) : town.refreshedAt ? t('refreshedAt', { at: when(town.refreshedAt) }) : null}
				</span>
			</p>
			{notice ? (
				<p role="status" className="mb-6 rounded-town border border-muted p-3">
					{t(`actions.${notice}`, { count })}
				</p>
			) : null}
			<section aria-labelledby="health-now" className="mb-10">
				<h2 id="health-now" className="mb-3 text-2xl font-semibold">
					{t('detail.current')}
				</h2>
				{town.verdicts ? (
					<dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
						{HEALTH_COLUMNS.map((column) => (
							<div key={column} className="rounded-town border border-muted p-3" data-column={column}>
								<dt className="font-semibold">{t(`columns.${column}`)}</dt>
								<dd>
									<HealthVerdict verdict={town.verdicts![column]} />
								</dd>
							</div>
						))}
					</dl>
				) : (
					<p>{town.error ? t('figuresError', { error: town.error }) : t('noFigures')}</p>
				)}
			</section>
			<section aria-labelledby="health-actions" className="mb-10">
				<h2 id="health-actions" className="mb-3 text-2xl font-semibold">
					{t('actions.heading')}
				</h2>
				<div className="flex flex-wrap items-start gap-4">
					<Form method="post">
						<button type="submit" name="intent" value="refresh" className={button}>
							{t('actions.refresh')}
						</button>
					</Form>
					{town.status === 'active' ? (
						<Form method="post">
							<button type="submit" name="intent" value="suspend" className={button} aria-describedby="suspend-hint">
								{t('actions.suspend')}
							</button>
							<p id="suspend-hint" className="text-sm text-muted">
								{t('actions.suspendHint')}
							</p>
						</Form>
					) : (
						<Form method="post">
							<button type="submit" name="intent" value="resume" className={button}>
								{t('actions.resume')}
							</button>
						</Form>
					)}
					<Form method="post">
						<button type="submit" name="intent" value="resend" className={button}>
							{t('actions.resend')}
						</button>
					</Form>
				</div>
			</section>
			<section aria-labelledby="town-settings" className="mb-10">
				<h2 id="town-settings" className="mb-3 text-2xl font-semibold">
					{t('settings.heading')}
				</h2>
				<p className="mb-2">{t('settings.linksIntro')}</p>
				<ul className="flex flex-wrap gap-x-6 gap-y-2">
					{SETTINGS_GROUPS.map((group) => (
						<li key={group}>
							<Link to={`/platform/obce/${town.slug}/nastaveni/${group}`}>{t(`settings.groups.${group}`)}</Link>
						</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="health-history" className="mb-10">
				<h2 id="health-history" className="mb-3 text-2xl font-semibold">
					{t('detail.history')}
				</h2>
				{samples.length === 0 ? (
					<p>{t('detail.noHistory')}</p>
				) : (
					// Focusable so that a keyboard can scroll the wide table (axe: scrollable-region-focusable); a labelled region.
					// eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
					<div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="health-history">
						<table className="w-full border-collapse text-left align-top">
							<caption className="mb-2 text-left font-semibold">{t('detail.historyCaption', { count: samples.length })}</caption>
							<thead>
								<tr className="border-b border-muted">
									<th scope="col" className="p-2">
										{t('detail.at')}
									</th>
									{HEALTH_COLUMNS.map((column) => (
										<th key={column} scope="col" className="p-2">
											{t(`columns.${column}`)}
										</th>
									))}
								</tr>
							</thead>
							<tbody>
								{samples.map((sample) => (
									<tr key={sample.at} className="border-b border-muted/30 align-top">
										<th scope="row" className="whitespace-nowrap p-2 font-medium">
											{when(sample.at)}
										</th>
										{HEALTH_COLUMNS.map((column) => (
											<td key={column} className="p-2">
												<HealthVerdict verdict={sample.verdicts[column]} />
											</td>
										))}
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
			<section aria-labelledby="health-audit">
				<h2 id="health-audit" className="mb-3 text-2xl font-semibold">
					{t('detail.audit')}
				</h2>
				{audit.length === 0 ? (
					<p>{t('detail.auditEmpty')}</p>
				) : (
					<table className="w-full border-collapse text-left">
						<thead>
							<tr className="border-b border-muted">
								<th scope="col" className="p-2">
									{t('detail.at')}
								</th>
								<th scope="col" className="p-2">
									{t('detail.auditAction')}
								</th>
								<th scope="col" className="p-2">
									{t('detail.auditActor')}
								</th>
								<th scope="col" className="p-2">
									{t('detail.auditChanges')}
								</th>
							</tr>
						</thead>
						<tbody>
							{audit.map((row, index) => (
								<tr key={`${row.at}-${index}`} className="border-b border-muted/30">
									<td className="p-2">{when(row.at)}</td>
									<td className="p-2">{t(`auditActions.${row.action}`, { defaultValue: row.action })}</td>
									<td className="p-2">{row.actor}</td>
									<td className="p-2">
										{row.changes.length ? (
											<ul>
												{row.changes.map((change) => (
													<li key={change.setting}>
														{change.old === null && change.new === null ? (
															change.setting
														) : (
															<>
																<code className="font-mono">{change.setting}</code>: <del>{change.old ?? t('detail.auditNoValue')}</del> →{' '}
																<ins>{change.new ?? t('detail.auditNoValue')}</ins>
															</>
														)}
													</li>
												))}
											</ul>
										) : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
