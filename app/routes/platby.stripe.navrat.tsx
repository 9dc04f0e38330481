import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { PaymentResult } from '~/components/payments/payment-result'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { cancelStripePayment } from '~/modules/payments/cancel-card-payment.server'
import { getMyPayment } from '~/modules/payments/get-my-payment.server'
import { paymentResultView } from '~/modules/payments/payment-result-view.server'
import { afterSettled } from '~/modules/payments/send-payment-receipt.server'
import { settleCardPayment } from '~/modules/payments/settle-card-payment.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['card-payments'] }

// Back from Stripe Checkout: ?session=<id> after paying, ?payment=<our id>&cancel=1 after Cancel.
// Either way the session is fetched from Stripe; the query string only names it.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const url = new URL(request.url)
	const sessionId = (url.searchParams.get('session') ?? '').slice(0, 200)
	const mine = sessionId
		? await getMyPayment({ db: user.db, ability: user.ability, provider: 'stripe', providerPaymentId: sessionId })
		: await getMyPayment({ db: user.db, ability: user.ability, paymentId: url.searchParams.get('payment') ?? '' })
	if (mine?.method === 'stripe' && mine.providerPaymentId && (mine.state === 'created' || mine.state === 'pending')) {
		const result = url.searchParams.has('cancel') && !sessionId
			? await cancelStripePayment({ db: user.db, providerPaymentId: mine.providerPaymentId })
			: await settleCardPayment({ db: user.db, provider: 'stripe', providerPaymentId: mine.providerPaymentId, source: 'return' })
		await afterSettled({ db: user.db, townSlug: user.tenant.slug, townOrigin: townOrigin(user.tenant.primaryHost), outcome: result.outcome, paymentId: mine.id, log: console.warn })
	}
	const payment = mine ? await getMyPayment({ db: user.db, ability: user.ability, paymentId: mine.id }) : null
	return paymentResultView(payment, locale)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function StripeReturn() {
	return <PaymentResult {...useLoaderData<typeof loader>()} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
