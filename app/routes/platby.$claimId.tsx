import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { claimTitle } from '~/modules/claims/instalment-text.server'
import { claimBalance } from '~/modules/claims/claim-balance'
import { pragueToday } from '~/modules/dates/prague-date'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { pickText, type LocalizedText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { listActiveProviders } from '~/modules/payments/gateway-credentials.server'
import { claimMoneyNote } from '~/modules/payments/claim-money-note'
import { getMyClaim } from '~/modules/payments/get-my-claim.server'
import { startQrPayment } from '~/modules/payments/start-qr-payment.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { claimDebtorName } from '~/modules/claims/claim-debtor'

export const handle = { i18n: ['payments'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const claim = await getMyClaim({ db: user.db, ability: user.ability, claimId: params.claimId ?? '' })
	if (!claim) throw data(null, { status: 404 })
	const balance = claimBalance(claim, pragueToday())
	const money = (halere: number) => formatMoney(halere, locale)
	const label = pickText(claim.label as LocalizedText, locale)
	const payable = balance.isPayable
	const discount = balance.discountAvailable
	const texts = resources[locale].payments
	const canPayByCard = payable && (await listActiveProviders(user.db)).length > 0
	return {
		title: `${label} ${claim.year} – ${texts.detail.title}`,
		canPayByCard,
		claim: {
			id: claim.id,
			label: claimTitle(claim, locale),
			feeLabel: label,
			year: claim.year,
			status: claim.status,
			variableSymbol: claim.variableSymbol,
			name: claimDebtorName(claim),
			baseAmount: money(claim.baseAmount),
			reliefAmount: claim.reliefAmount > 0 ? money(claim.reliefAmount) : null,
			reliefCode: claim.reliefCode,
			amount: money(claim.amount),
			paidAmount: money(claim.paidAmount),
			discountGranted: claim.discountGranted > 0 ? money(claim.discountGranted) : null,
			remaining: money(balance.remaining),
			isPayable: payable,
			isExempt: claim.amount === 0,
			discountPercent: claim.discountPercent,
			discount: discount > 0 ? money(discount) : null,
			toPay: payable ? money(balance.payableNow) : null,
			discountUntil: claim.discountUntil ? formatDate(claim.discountUntil, locale) : null,
			note: claimMoneyNote(claim, balance),
			refundable: money(balance.refundable),
			dueDate: formatDate(claim.dueDate, locale),
			isOverdue: balance.isOverdue,
			events: claim.events.map((e) => ({ id: e.id, kind: e.kind, amount: e.amount === null ? null : money(e.amount), at: formatDate(e.at, locale) })),
			payments: claim.items.map((item) => ({
				id: item.payment.id,
				method: item.payment.method,
				state: item.payment.state,
				variableSymbol: item.payment.variableSymbol,
				isMine: item.payment.personId === user.actor.personId,
				amount: money(item.payment.amount),
				credited: money(item.amount + item.discount),
				at: formatDate(item.payment.paidAt ?? item.payment.createdAt, locale),
			})),
		},
	}
}

export async function action({ request, context, params }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const claim = await getMyClaim({ db: user.db, ability: user.ability, claimId: params.claimId ?? '' })
	if (!claim) throw data(null, { status: 404 })
	const form = new FormData()
	form.set('intent', String((await request.formData()).get('intent') ?? ''))
	form.append('predpis', claim.id)
	return startQrPayment(user, form, locale)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function ClaimDetail() {
	const { claim, canPayByCard } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const { t } = useTranslation('payments')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/platby">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">{claim.label}</h1>
			<div role="alert">{actionData?.error ? <p className="mb-4 font-medium text-red-900">{t(actionData.error)}</p> : null}</div>
			<dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
				<dt className="font-medium">{t('list.person')}</dt>
				<dd>{claim.name}</dd>
				<dt className="font-medium">{t('detail.vs')}</dt>
				<dd data-testid="claim-vs">{claim.variableSymbol}</dd>
				<dt className="font-medium">{t('list.status')}</dt>
				<dd>{claim.isExempt ? t('status.exempt') : t(`status.${claim.status}`)}</dd>
				<dt className="font-medium">{t('list.dueDate')}</dt>
				<dd>
					{claim.dueDate}
					{claim.isOverdue ? <strong className="ml-2 text-red-900">{t('list.overdue')}</strong> : null}
				</dd>
			</dl>
			<h2 className="mb-2 text-2xl font-semibold">{t('detail.breakdown')}</h2>
			<dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
				<dt className="font-medium">{t('detail.base')}</dt>
				<dd>{claim.baseAmount}</dd>
				{claim.reliefAmount ? (
					<>
						<dt className="font-medium">{t('detail.relief')}</dt>
						<dd>
							− {claim.reliefAmount} ({t(`reliefs.${claim.reliefCode}`, { defaultValue: t('reliefs.other', { code: claim.reliefCode }) })})
						</dd>
					</>
				) : null}
				<dt className="font-medium">{t('detail.amount')}</dt>
				<dd>{claim.amount}</dd>
				<dt className="font-medium">{t('detail.paid')}</dt>
				<dd>
					{claim.paidAmount}
					{claim.discountGranted ? ` + ${t('detail.discountGranted', { amount: claim.discountGranted })}` : ''}
				</dd>
				{claim.isPayable ? (
					<>
						<dt className="font-medium">{t('detail.remaining')}</dt>
						<dd>{claim.remaining}</dd>
					</>
				) : null}
			</dl>
			<p className="mb-6 rounded-town border p-4" data-testid="discount-note">
				{claim.note === 'discountApplies'
					? t('detail.discountApplies', {
							percent: claim.discountPercent,
							fee: claim.feeLabel,
							date: claim.discountUntil,
							amount: claim.toPay,
							discount: claim.discount,
						})
					: t(`detail.notes.${claim.note}`, {
							date: claim.discountUntil,
							discount: claim.discountGranted,
							remaining: claim.remaining,
							amount: claim.refundable,
						})}
			</p>
			{claim.isPayable ? (
				<Form method="post" className="mb-8 flex flex-wrap items-center gap-4">
					<button type="submit" name="intent" value="qr" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
						{t('detail.payQr', { amount: claim.toPay })}
					</button>
					{canPayByCard ? (
						<Link to={`/platby/kartou?predpis=${claim.id}`} className="rounded-town border-2 border-primary px-4 py-2 font-semibold">
							{t('detail.payCard', { amount: claim.toPay })}
						</Link>
					) : null}
				</Form>
			) : null}
			<h2 className="mb-2 text-2xl font-semibold">{t('detail.payments')}</h2>
			{claim.payments.length === 0 ? (
				<p className="mb-6">{t('detail.noPayments')}</p>
			) : (
				<ul className="mb-6 list-disc pl-6">
					{claim.payments.map((p) => (
						<li key={p.id}>
							{p.at}: {t(`methods.${p.method}`)}, {t(`paymentStates.${p.state}`)}, {p.amount}
							{p.variableSymbol ? `, ${t('list.vs')} ${p.variableSymbol}` : ''}
							{p.isMine && p.method === 'bank_transfer' && p.state === 'pending' ? (
								<>
									{' '}
									<Link to={`/platby/qr/${p.id}`}>{t('detail.showQr')}</Link>
								</>
							) : null}
						</li>
					))}
				</ul>
			)}
			<h2 className="mb-2 text-2xl font-semibold">{t('detail.history')}</h2>
			<ol className="list-decimal pl-6">
				{claim.events.map((e) => (
					<li key={e.id}>
						{e.at}: {t(`events.${e.kind}`)}
						{e.amount !== null ? ` (${e.amount})` : ''}
					</li>
				))}
			</ol>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
