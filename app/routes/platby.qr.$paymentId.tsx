import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { electronicFormatIBAN, friendlyFormatIBAN } from 'ibantools'
import { useTranslation } from 'react-i18next'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { claimTitle } from '~/modules/claims/instalment-text.server'
import { isOnOrBefore } from '~/modules/claims/claim-balance'
import { pragueToday } from '~/modules/dates/prague-date'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { resources } from '~/modules/i18n/resources.server'
import { getMyQrPayment } from '~/modules/payments/get-my-qr-payment.server'
import { renderQrPlatbaSvg } from '~/modules/payments/qr/qr-image.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import type { loader as rootLoader } from '~/root'
import { claimDebtorName } from '~/modules/claims/claim-debtor'

export const handle = { i18n: ['payments'] }

export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const payment = await getMyQrPayment({ db: user.db, ability: user.ability, paymentId: params.paymentId ?? '' })
	if (!payment) throw data(null, { status: 404 })
	const qr = payment.qr
	return {
		title: resources[locale].payments.qr.title,
		payment: {
			id: payment.id,
			state: payment.state,
			variableSymbol: payment.variableSymbol!,
			amount: formatMoney(payment.amount, locale),
			discountUntil: payment.discountUntil ? formatDate(payment.discountUntil, locale) : null,
			isDiscountOver: payment.discountUntil !== null && !isOnOrBefore(pragueToday(), payment.discountUntil),
			claims: payment.claims.map((c) => ({
				id: c.id,
				label: claimTitle(c, locale),
				name: claimDebtorName(c),
			})),
		},
		// Only an open payment has a code. Generated here from our own SPAYD string: attributes only, no
		// script (qr-image.server.ts).
		code: qr
			? {
					svg: renderQrPlatbaSvg(qr.spayd),
					spayd: qr.spayd,
					iban: friendlyFormatIBAN(electronicFormatIBAN(qr.iban) ?? qr.iban) ?? qr.iban,
					message: qr.message,
				}
			: null,
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function QrPaymentPage() {
	const { payment, code } = useLoaderData<typeof loader>()
	const { t } = useTranslation('payments')
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-10">
			<p className="mb-2">
				<Link to="/platby">{t('detail.back')}</Link>
			</p>
			<h1 className="mb-4 text-3xl font-bold">{t('qr.title')}</h1>
			{code ? null : (
				<p className="mb-4 rounded-town border p-4 font-medium" data-testid="qr-state">
					{t(`qr.state.${payment.state === 'paid' || payment.state === 'cancelled' ? payment.state : 'closed'}`)}
				</p>
			)}
			{code ? (
				<>
					<p className="mb-6">{t('qr.intro')}</p>
					<div className="flex flex-wrap gap-8">
						<figure className="w-64">
							<div className="w-64" data-testid="qr-image" dangerouslySetInnerHTML={{ __html: code.svg }} />
							<figcaption className="mt-2 text-sm">
								<a href={`/platby/qr/${payment.id}/qr.png`} download={`qr-platba-${payment.variableSymbol}.png`}>
									{t('qr.download')}
								</a>
							</figcaption>
						</figure>
						<dl className="grid grid-cols-[auto_1fr] content-start gap-x-6 gap-y-1">
							<dt className="font-medium">{t('qr.account')}</dt>
							<dd data-testid="qr-iban">{code.iban}</dd>
							<dt className="font-medium">{t('qr.amount')}</dt>
							<dd data-testid="qr-amount">{payment.amount}</dd>
							<dt className="font-medium">{t('qr.vs')}</dt>
							<dd data-testid="qr-vs">{payment.variableSymbol}</dd>
							<dt className="font-medium">{t('qr.message')}</dt>
							<dd>{code.message}</dd>
						</dl>
					</div>
					<p className="my-6 rounded-town border p-4" data-testid="qr-discount-note">
						{payment.isDiscountOver
							? t('qr.discountOver', { date: payment.discountUntil })
							: payment.discountUntil
								? t('qr.discountKept', { date: payment.discountUntil })
								: t('qr.noDiscount')}
					</p>
				</>
			) : null}
			<h2 className="mb-2 text-2xl font-semibold">{t('qr.covers')}</h2>
			<ul className="mb-6 list-disc pl-6">
				{payment.claims.map((c) => (
					<li key={c.id}>
						<Link to={`/platby/${c.id}`}>{c.label}</Link> – {c.name}
					</li>
				))}
			</ul>
			{code ? (
				<details>
					<summary>{t('qr.spayd')}</summary>
					<code className="break-all">{code.spayd}</code>
				</details>
			) : null}
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
