import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { claimTitle } from '~/modules/claims/instalment-text.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { isLocale } from '~/modules/i18n/locales'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { listActiveProviders } from '~/modules/payments/gateway-credentials.server'
import { listMyClaims } from '~/modules/payments/list-my-claims.server'
import { startQrPayment } from '~/modules/payments/start-qr-payment.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { useRootData, type loader as rootLoader } from '~/root'
import { readPage } from '~/modules/http/page-param'

export const handle = { i18n: ['payments'] }

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const page = readPage(new URL(request.url).searchParams)
	const [list, providers] = await Promise.all([
		listMyClaims({ db: user.db, ability: user.ability, personId: user.actor.personId, page }),
		listActiveProviders(user.db),
	])
	const payable = list.claims.filter((c) => c.isPayable)
	return {
		locale,
		// What is due today on this page (with the discounts still available), and how many items.
		due: {
			count: payable.length,
			total: formatMoney(
				payable.reduce((sum, c) => sum + c.toPay, 0),
				locale,
			),
		},
		page,
		canPayByCard: providers.length > 0,
		hasNext: list.hasNext,
		title: resources[locale].payments.list.title,
		claims: list.claims.map((c) => ({
			id: c.id,
			status: c.status,
			variableSymbol: c.variableSymbol,
			name: c.name,
			isPayable: c.isPayable,
			isOverdue: c.isOverdue,
			label: claimTitle(c, locale),
			amount: formatMoney(c.amount, locale),
			toPay: c.isPayable ? formatMoney(c.toPay, locale) : null,
			toPayHalere: c.isPayable ? c.toPay : 0,
			hasDiscount: c.discount > 0,
			discountUntil: c.discountUntil ? formatDate(c.discountUntil, locale) : null,
			dueDate: formatDate(c.dueDate, locale),
			isExempt: c.amount === 0,
		})),
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const form = await request.formData()
	// Without JavaScript, "Sečíst vybrané" sends the ticks back: the page shows them ticked with their total.
	if (form.get('intent') === 'sum') return { error: null, selected: form.getAll('predpis').map(String) }
	return startQrPayment(user, form, locale)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function MyPayments() {
	const { claims, page, hasNext, canPayByCard, due, locale } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('payments')
	const returned = actionData && 'selected' in actionData ? (actionData.selected as string[]) : null
	const [selected, setSelected] = useState<Set<string>>(() => new Set(returned ?? []))
	const [shownFor, setShownFor] = useState(returned)
	if (returned && shownFor !== returned) {
		// A new answer from "Sečíst vybrané" (without JavaScript the page is simply rendered again).
		setShownFor(returned)
		setSelected(new Set(returned))
	}
	const ticked = claims.filter((c) => c.isPayable && selected.has(c.id))
	const tickedTotal = formatMoney(
		ticked.reduce((sum, c) => sum + c.toPayHalere, 0),
		isLocale(locale) ? locale : 'cs',
	)
	const toggle = (id: string, on: boolean) =>
		setSelected((current) => {
			const next = new Set(current)
			if (on) next.add(id)
			else next.delete(id)
			return next
		})
	const townType = useRootData()?.town?.type
	const hasPayable = claims.some((c) => c.isPayable)
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('list.title')}</h1>
			<p className="mb-6">{t('list.intro', { context: townType })}</p>
			<p className="mb-6">
				{t('list.payWithoutLoginHint')} <Link to="/zaplatit">{t('list.payWithoutLogin')}</Link>
			</p>
			<div role="alert">{actionData?.error ? <p className="mb-4 font-medium text-red-900">{t(actionData.error)}</p> : null}</div>
			{due.count ? (
				<p className="mb-4 text-lg" data-testid="due-total">
					{t('list.dueTotal', { count: due.count, amount: due.total })}
				</p>
			) : null}
			{claims.length === 0 ? (
				<p>{t('list.empty', { context: townType })}</p>
			) : (
				<Form method="post">
					<table className="stack-table w-full border-collapse text-left">
						<caption className="sr-only">{t('list.title')}</caption>
						<thead>
							<tr className="border-b border-muted">
								<th scope="col" className="py-2 pr-2">
									<span className="sr-only">{t('list.select')}</span>
								</th>
								<th scope="col" className="py-2 pr-4">
									{t('list.claim')}
								</th>
								<th scope="col" className="py-2 pr-4">
									{t('list.person')}
								</th>
								<th scope="col" className="py-2 pr-4">
									{t('list.amount')}
								</th>
								<th scope="col" className="py-2 pr-4">
									{t('list.dueDate')}
								</th>
								<th scope="col" className="py-2">
									{t('list.status')}
								</th>
							</tr>
						</thead>
						<tbody>
							{claims.map((c) => (
								<tr key={c.id} className="border-b border-muted align-top" data-testid="claim-row">
									<td className="py-2 pr-2">
										{c.isPayable ? (
											<input
												type="checkbox"
												name="predpis"
												value={c.id}
												id={`claim-${c.id}`}
												checked={selected.has(c.id)}
												onChange={(event) => toggle(c.id, event.currentTarget.checked)}
												aria-label={t('list.selectClaim', { label: c.label, name: c.name })}
												className="h-5 w-5"
											/>
										) : null}
									</td>
									<td className="py-2 pr-4" data-label={t('list.claim')}>
										<Link to={`/platby/${c.id}`}>{c.label}</Link>
										<div className="text-sm">
											{t('list.vs')} {c.variableSymbol}
										</div>
									</td>
									<td className="py-2 pr-4" data-label={t('list.person')}>
										{c.name}
									</td>
									<td className="py-2 pr-4" data-label={t('list.amount')}>
										{c.toPay && c.hasDiscount ? (
											<>
												<strong>{c.toPay}</strong> <span className="sr-only">({t('list.fullAmount', { amount: c.amount })})</span>
												<s aria-hidden="true">{c.amount}</s>
												<div className="text-sm">{t('list.discountUntil', { date: c.discountUntil })}</div>
											</>
										) : (
											<strong>{c.toPay ?? c.amount}</strong>
										)}
									</td>
									<td className="py-2 pr-4" data-label={t('list.dueDate')}>
										{c.dueDate}
										{c.isOverdue ? <div className="text-sm font-semibold text-red-900">{t('list.overdue')}</div> : null}
									</td>
									<td className="py-2" data-label={t('list.status')}>
										{c.isExempt ? t('status.exempt') : t(`status.${c.status}`)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
					{hasPayable ? (
						<p className="mt-6 text-lg font-semibold" aria-live="polite" data-testid="selected-total">
							{ticked.length ? t('list.selectedTotal', { count: ticked.length, amount: tickedTotal }) : t('list.nothingSelected')}
						</p>
					) : null}
					{hasPayable ? (
						<div className="mt-4 flex flex-wrap items-center gap-4">
							<button type="submit" name="intent" value="qr" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
								{t('list.payQr')}
							</button>
							{canPayByCard ? (
								// The same ticked claims, sent to the card flow: GET /platby/kartou?predpis=<id>&predpis=<id>.
								<button type="submit" formMethod="get" formAction="/platby/kartou" className="rounded-town border-2 border-primary px-4 py-2 font-semibold">
									{t('list.payCard')}
								</button>
							) : null}
							<button type="submit" name="intent" value="sum" className="rounded-town border-2 border-muted px-4 py-2 font-semibold">
								{t('list.sum')}
							</button>
							<span className="text-sm">{t('list.payHint')}</span>
						</div>
					) : null}
				</Form>
			)}
			{page > 1 || hasNext ? (
				<nav aria-label={t('list.pages')} className="mt-6 flex gap-4">
					{page > 1 ? <Link to={`?strana=${page - 1}`}>{t('list.previous')}</Link> : null}
					<span>{t('list.page', { page })}</span>
					{hasNext ? <Link to={`?strana=${page + 1}`}>{t('list.next')}</Link> : null}
				</nav>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
