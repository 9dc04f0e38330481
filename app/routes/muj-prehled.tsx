import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import type { ReactNode } from 'react'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { claimTitle } from '~/modules/claims/instalment-text.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { pickText, type Locale, type LocalizedText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import type { ClaimSummary } from '~/modules/overview/load-claims-area.server'
import { loadMyOverview } from '~/modules/overview/load-my-overview.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['overview', 'forms', 'messages', 'grants'] }

function showMoney(summary: ClaimSummary, locale: Locale) {
	return {
		toPay: summary.toPay > 0 ? formatMoney(summary.toPay, locale) : null,
		discount:
			summary.discount > 0 && summary.discountUntil
				? { amount: formatMoney(summary.discount, locale), until: formatDate(summary.discountUntil, locale) }
				: null,
		overdueCount: summary.overdueCount,
		next: summary.next.map((c) => ({
			id: c.id,
			isOverdue: c.isOverdue,
			toPay: formatMoney(c.toPay, locale),
			dueDate: formatDate(c.dueDate, locale),
			label: claimTitle(c, locale),
		})),
	}
}

// /muj-prehled: "what do I need to do", where the NIA login lands by default.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const overview = await loadMyOverview({ db: user.db, ability: user.ability, personId: user.actor.personId })
	return {
		title: resources[locale].overview.title,
		money: { ...showMoney(overview.money.total, locale), isPartial: overview.money.isPartial },
		qrPayments: overview.qrPayments.payments.map((p) => ({
			id: p.id,
			amount: formatMoney(p.amount, locale),
			variableSymbol: p.variableSymbol,
			createdAt: formatDate(p.createdAt, locale),
		})),
		submissions: {
			count: overview.submissions.count,
			items: overview.submissions.submissions.map((s) => ({
				number: s.number,
				status: s.status,
				formTitle: pickText(s.formTitle as LocalizedText, locale),
				submittedAt: formatDate(s.submittedAt, locale),
				lastEvent: s.lastEvent ? { kind: s.lastEvent.kind, status: s.lastEvent.status, at: formatDate(s.lastEvent.at, locale) } : null,
			})),
		},
		messages: {
			unread: overview.messages.unread,
			items: overview.messages.threads.map((m) => ({
				id: m.id,
				subject: m.subject,
				submissionNumber: m.submissionNumber,
				lastMessageAt: formatDate(m.lastMessageAt, locale),
			})),
		},
		notifications: {
			unread: overview.notifications.unread,
			items: overview.notifications.notifications.map((n) => ({
				id: n.id,
				kind: n.kind,
				params: n.params,
				link: n.link,
				createdAt: formatDate(n.createdAt, locale),
			})),
		},
		grants: {
			count: overview.grants.count,
			items: overview.grants.applications.map((a) => ({ ...a, returnDeadline: a.returnDeadline ? formatDate(a.returnDeadline, locale) : null })),
		},
		represented: overview.represented.map((r) => ({ ...r, money: showMoney(overview.money.represented[r.residentId]!, locale) })),
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

type Money = ReturnType<typeof showMoney>

function NextDue({ money, labelledBy }: { money: Money; labelledBy?: string }) {
	const { t } = useTranslation('overview')
	if (!money.next.length) return null
	return (
		<ul className="mt-2 grid gap-1" aria-labelledby={labelledBy}>
			{money.next.map((c) => (
				<li key={c.id} data-testid="overview-claim">
					<Link to={`/platby/${c.id}`}>{c.label}</Link>: <strong>{c.toPay}</strong>, {t('money.dueOn', { date: c.dueDate })}
					{c.isOverdue ? <span className="font-semibold text-red-900"> ({t('money.overdueLabel')})</span> : null}
				</li>
			))}
		</ul>
	)
}

/** One area of the overview: a card with its heading, its content and the links to the area's pages. */
function OverviewCard({ id, heading, links = [], children }: { id: string; heading: string; links?: { to: string; label: string }[]; children: ReactNode }) {
	return (
		<section aria-labelledby={`${id}-heading`} className="rounded-town border border-muted/30 bg-surface p-5 shadow-sm">
			<h2 id={`${id}-heading`} className="mb-2 text-xl font-semibold">
				{heading}
			</h2>
			{children}
			{links.length ? (
				<p className="mt-3 flex flex-wrap gap-4">
					{links.map((link) => (
						<Link key={link.to} to={link.to}>
							{link.label}
						</Link>
					))}
				</p>
			) : null}
		</section>
	)
}

export default function MyOverview() {
	const { money, qrPayments, submissions, messages, notifications, grants, represented } = useLoaderData<typeof loader>()
	const { t } = useTranslation('overview')
	const { t: tForms } = useTranslation('forms')
	const { t: tMessages } = useTranslation('messages')
	const { t: tGrants } = useTranslation('grants')
	const notificationText = (kind: string, params: Record<string, string>) =>
		tMessages(`notifications.kind.${kind}`, {
			...params,
			status: params.status ? tForms(`status.${params.status}`) : '',
			label: params.label ?? params.subject ?? '',
		})
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('title')}</h1>
			<p className="mb-6">{t('intro')}</p>
			<div className="grid gap-6 md:grid-cols-2">
				<OverviewCard id="money" heading={t('money.heading')} links={[{ to: '/platby', label: t('money.all') }]}>
					{money.toPay ? (
						<p className="text-lg" data-testid="overview-due-now">
							{t('money.dueNow', { amount: money.toPay })}
						</p>
					) : (
						<p data-testid="overview-due-now">{t('money.nothing')}</p>
					)}
					{money.discount ? <p>{t('money.discount', { date: money.discount.until, amount: money.discount.amount })}</p> : null}
					{money.overdueCount ? <p className="font-semibold text-red-900">{t('money.overdue', { count: money.overdueCount })}</p> : null}
					{money.next.length ? (
						<h3 id="next-due-heading" className="mt-3 font-semibold">
							{t('money.nextHeading')}
						</h3>
					) : null}
					<NextDue money={money} labelledBy="next-due-heading" />
					{money.isPartial ? <p className="mt-2 text-sm">{t('money.partial')}</p> : null}
				</OverviewCard>
				<OverviewCard
					id="submissions"
					heading={t('submissions.heading')}
					links={[
						{ to: '/podani', label: t('submissions.all') },
						{ to: '/formulare', label: t('submissions.newForm') },
					]}
				>
					{submissions.count ? <p>{t('submissions.count', { count: submissions.count })}</p> : <p>{t('submissions.none')}</p>}
					<ul className="mt-2 grid gap-2">
						{submissions.items.map((s) => (
							<li key={s.number} data-testid="overview-submission">
								<Link to={`/podani/${s.number}`}>
									{s.formTitle} ({s.number})
								</Link>
								: {tForms(`status.${s.status}`)}
								{s.lastEvent ? (
									<div className="text-sm">
										{t('submissions.lastEvent', {
											event: s.lastEvent.status
												? tForms(`status.${s.lastEvent.status}`)
												: tForms(`event.${s.lastEvent.kind}`, { defaultValue: s.lastEvent.kind }),
											date: s.lastEvent.at,
										})}
									</div>
								) : null}
							</li>
						))}
					</ul>
				</OverviewCard>
				<OverviewCard
					id="messages"
					heading={t('messages.heading')}
					links={[
						{ to: '/zpravy', label: t('messages.all') },
						{ to: '/zpravy/nova', label: t('messages.new') },
					]}
				>
					<p data-testid="overview-messages-unread">{messages.unread ? t('messages.unread', { count: messages.unread }) : t('messages.none')}</p>
					<ul className="mt-2 grid gap-1">
						{messages.items.map((m) => (
							<li key={m.id} data-testid="overview-message">
								<Link to={`/zpravy/${m.id}`}>{m.subject}</Link>
								{m.submissionNumber ? <span> ({m.submissionNumber})</span> : null}, {t('messages.lastMessage', { date: m.lastMessageAt })}
							</li>
						))}
					</ul>
				</OverviewCard>
				<OverviewCard id="notifications" heading={t('notifications.heading')} links={[{ to: '/oznameni', label: t('notifications.all') }]}>
					<p data-testid="overview-notifications-unread">
						{notifications.unread ? t('notifications.unread', { count: notifications.unread }) : t('notifications.none')}
					</p>
					<ul className="mt-2 grid gap-1">
						{notifications.items.map((n) => (
							<li key={n.id} data-testid="overview-notification">
								<Link to={n.link}>{notificationText(n.kind, n.params)}</Link>, {n.createdAt}
							</li>
						))}
					</ul>
				</OverviewCard>
				<OverviewCard
					id="grants"
					heading={t('grants.heading')}
					links={[
						{ to: '/dotace/moje', label: t('grants.all') },
						{ to: '/dotace', label: t('grants.calls') },
					]}
				>
					<p>{grants.count ? t('grants.count', { count: grants.count }) : t('grants.none')}</p>
					<ul className="mt-2 grid gap-2">
						{grants.items.map((a) => (
							<li key={a.id} data-testid="overview-grant">
								<Link to={`/dotace/zadost/${a.id}`}>
									{a.programme} ({a.number})
								</Link>
								: <strong>{tGrants(`states.${a.state}`)}</strong>
								<div className="text-sm">
									{t('grants.applicant', { name: a.applicant })}
									{a.needsAction ? (
										<span className="font-semibold"> – {a.returnDeadline ? t('grants.actionBy', { date: a.returnDeadline }) : t('grants.action')}</span>
									) : null}
								</div>
							</li>
						))}
					</ul>
				</OverviewCard>
				{qrPayments.length ? (
					<OverviewCard id="qr" heading={t('qr.heading')}>
						<p className="mb-2 text-sm">{t('qr.intro')}</p>
						<ul className="grid gap-1">
							{qrPayments.map((p) => (
								<li key={p.id} data-testid="overview-qr-payment">
									{t('qr.item', { amount: p.amount, vs: p.variableSymbol, date: p.createdAt })} – <Link to={`/platby/qr/${p.id}`}>{t('qr.open')}</Link>
								</li>
							))}
						</ul>
					</OverviewCard>
				) : null}
				{represented.length ? (
					<OverviewCard id="represented" heading={t('represented.heading')}>
						<ul className="grid gap-3">
							{represented.map((r) => (
								<li key={r.residentId} data-testid="overview-represented">
									<h3 className="font-semibold">
										{r.name}
										{r.relation ? <span className="font-normal"> ({r.relation})</span> : null}
									</h3>
									<p>{r.money.toPay ? t('represented.dueNow', { amount: r.money.toPay }) : t('represented.nothing')}</p>
									{r.money.discount ? (
										<p className="text-sm">{t('money.discount', { date: r.money.discount.until, amount: r.money.discount.amount })}</p>
									) : null}
									<NextDue money={r.money} />
								</li>
							))}
						</ul>
					</OverviewCard>
				) : null}
			</div>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
