import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { getPersonEmails } from '~/modules/citizen/get-person-contact.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { formatDate, formatMoney } from '~/modules/i18n/format'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { pickText } from '~/modules/i18n/locales'
import { resources } from '~/modules/i18n/resources.server'
import { CardPaymentError, cardPaymentErrorMessage, isCardPaymentErrorReason } from '~/modules/payments/card-payment-error'
import { findOpenQrPayments } from '~/modules/payments/find-open-qr-payments.server'
import { listActiveProviders } from '~/modules/payments/gateway-credentials.server'
import { CARD_PROVIDERS } from '~/modules/payments/providers/payment-provider'
import { quoteCardPayment } from '~/modules/payments/quote-card-payment.server'
import { startCardPayment } from '~/modules/payments/start-card-payment.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'
import type { loader as rootLoader } from '~/root'

// The card payment of one or more claims: /platby/kartou?predpis=<id>&predpis=<id>. The breakdown is
// computed on the server (never taken from the form); paying creates the payment and sends the
// browser to the town's gateway.
export const handle = { i18n: ['card-payments'] }

const StartSchema = z.object({
	claim: z.array(z.string().max(64)).min(1, 'no_claims').max(20, 'too_many_claims'),
	provider: z.enum(CARD_PROVIDERS, { error: 'provider_invalid' }),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const claimIds = new URL(request.url).searchParams.getAll('predpis')
	const providers = await listActiveProviders(user.db)
	const title = resources[locale]['card-payments'].start.title
	try {
		const quote = await quoteCardPayment({ db: user.db, ability: user.ability, claimIds, locale })
		const money = (amount: number) => formatMoney(amount, locale)
		const openQr = await findOpenQrPayments({ db: user.db, personId: user.actor.personId, claimIds: quote.lines.map((line) => line.claimId) })
		return {
			title,
			providers,
			error: null,
			openQr: openQr.map((p) => ({ id: p.id, variableSymbol: p.variableSymbol!, amount: money(p.amount), createdAt: formatDate(p.createdAt, locale) })),
			claimIds: quote.lines.map((line) => line.claimId),
			lines: quote.lines.map((line) => ({ ...line, base: money(line.base), discount: line.discount ? money(line.discount) : null, toPay: money(line.toPay) })),
			total: { base: money(quote.base), discount: quote.discount ? money(quote.discount) : null, toPay: money(quote.toPay) },
			discountUntil: quote.discountUntil ? formatDate(quote.discountUntil, locale) : null,
		}
	} catch (error) {
		if (!(error instanceof CardPaymentError)) throw error
		return { title, providers, error: cardPaymentErrorMessage(error.reason), openQr: [], claimIds: [], lines: [], total: null, discountUntil: null }
	}
}

export async function action({ request, context }: ActionFunctionArgs) {
	const user = await requireCitizen(request, context)
	const profile = await requireTownProfile(context)
	const locale = await getRequestLocale(request, profile)
	const submission = parseWithZod(await request.formData(), { schema: StartSchema })
	if (submission.status !== 'success') {
		const first = Object.values(submission.error ?? {}).flat()[0]
		return data({ error: cardPaymentErrorMessage(isCardPaymentErrorReason(first) ? first : 'no_claims') }, { status: 400 })
	}
	const person = await getPersonEmails({ db: user.db, personId: user.actor.personId })
	try {
		const { redirectUrl } = await startCardPayment({
			db: user.db,
			ability: user.ability,
			personId: user.actor.personId,
			claimIds: submission.value.claim,
			provider: submission.value.provider,
			locale,
			townSlug: user.tenant.slug,
			origin: townOrigin(user.tenant.primaryHost),
			email: person.notificationEmail ?? person.email,
			description: `${pickText(profile.name, locale)}: ${resources[locale]['card-payments'].start.title}`,
		})
		// Not a redirect: the page's CSP allows forms to post only to the town itself (form-action 'self'),
		// and browsers apply that to where a form's redirect leads. The page sends the browser on instead
		// (at once with JavaScript, by a refresh or the link without it).
		return data({ gatewayUrl: redirectUrl })
	} catch (error) {
		if (!(error instanceof CardPaymentError)) throw error
		return data({ error: cardPaymentErrorMessage(error.reason) }, { status: error.reason === 'gateway_unavailable' ? 503 : 400 })
	}
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function CardPayment() {
	const { lines, total, providers, error, claimIds, discountUntil, openQr } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const actionError = actionData && 'error' in actionData ? actionData.error : undefined
	const gatewayUrl = actionData && 'gatewayUrl' in actionData ? actionData.gatewayUrl : null
	const busy = useNavigation().state !== 'idle'
	const { t } = useTranslation('card-payments')
	const shownError = actionError ?? error
	useEffect(() => {
		if (gatewayUrl) window.location.assign(gatewayUrl)
	}, [gatewayUrl])
	if (gatewayUrl) {
		return (
			<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
				<meta httpEquiv="refresh" content={`0;url=${gatewayUrl}`} />
				<h1 className="mb-2 text-3xl font-bold">{t('start.title')}</h1>
				<p role="status" className="mb-4">
					{t('start.toGateway')}
				</p>
				<a href={gatewayUrl} data-testid="gateway-link" className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
					{t('start.continue')}
				</a>
			</main>
		)
	}
	return (
		<main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
			<h1 className="mb-2 text-3xl font-bold">{t('start.title')}</h1>
			{shownError ? (
				<p role="alert" className="mb-4 rounded-town border border-red-800 p-3 font-semibold text-red-800">
					{t(shownError)}
				</p>
			) : null}
			{total ? (
				<>
					<p className="mb-6">{t('start.intro')}</p>
					{openQr.length ? (
						<div role="note" className="mb-6 rounded-town border-2 border-amber-700 p-4" data-testid="open-qr-warning">
							<p className="font-semibold">{t('start.openQr.title')}</p>
							<ul className="list-disc pl-6">
								{openQr.map((p) => (
									<li key={p.id}>
										<Link to={`/platby/qr/${p.id}`}>{t('start.openQr.payment', { vs: p.variableSymbol, amount: p.amount, date: p.createdAt })}</Link>
									</li>
								))}
							</ul>
							<p>{t('start.openQr.advice')}</p>
						</div>
					) : null}
					<table className="mb-4 w-full border-collapse text-left">
						<caption className="sr-only">{t('start.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('start.claim')}</th>
								<th scope="col">{t('start.vs')}</th>
								<th scope="col" className="text-right">
									{t('start.base')}
								</th>
								<th scope="col" className="text-right">
									{t('start.discount')}
								</th>
								<th scope="col" className="text-right">
									{t('start.toPay')}
								</th>
							</tr>
						</thead>
						<tbody>
							{lines.map((line) => (
								<tr key={line.claimId}>
									<td>{line.label}</td>
									<td>{line.variableSymbol}</td>
									<td className="text-right">{line.base}</td>
									<td className="text-right">{line.discount ? `−${line.discount}` : '—'}</td>
									<td className="text-right">{line.toPay}</td>
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr className="font-bold">
								<th scope="row" colSpan={2}>
									{t('start.total')}
								</th>
								<td className="text-right">{total.base}</td>
								<td className="text-right">{total.discount ? `−${total.discount}` : '—'}</td>
								<td className="text-right" data-testid="to-pay">
									{total.toPay}
								</td>
							</tr>
						</tfoot>
					</table>
					{discountUntil ? <p className="mb-4">{t('start.discountNote', { date: discountUntil })}</p> : null}
					{providers.length === 0 ? (
						<p className="mb-4 font-semibold">{t('start.noProviders')}</p>
					) : (
						<Form method="post" className="mb-6">
							{claimIds.map((id) => (
								<input key={id} type="hidden" name="claim" value={id} />
							))}
							{providers.length === 1 ? (
								<input type="hidden" name="provider" value={providers[0]} />
							) : (
								<fieldset className="mb-4">
									<legend className="font-semibold">{t('start.provider')}</legend>
									{providers.map((provider, index) => (
										<label key={provider} className="block">
											<input type="radio" name="provider" value={provider} defaultChecked={index === 0} /> {t(`start.providers.${provider}`)}
										</label>
									))}
								</fieldset>
							)}
							<button type="submit" disabled={busy} className="rounded-town bg-primary px-4 py-2 font-semibold text-primary-contrast">
								{t('start.pay', { amount: total.toPay })}
							</button>
						</Form>
					)}
				</>
			) : null}
			<Link to="/platby">{t('start.back')}</Link>
		</main>
	)
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
