import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { PaymentResult } from '~/components/payments/payment-result'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { getMyPayment } from '~/modules/payments/get-my-payment.server'
import { paymentResultView } from '~/modules/payments/payment-result-view.server'
import { afterSettled } from '~/modules/payments/send-payment-receipt.server'
import { settleCardPayment } from '~/modules/payments/settle-card-payment.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['card-payments'] }

// Back from GoPay with ?id=<GoPay payment id>. The id only says which payment to ask about: the state
// comes from GoPay's status endpoint, queried with the town's credentials.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const goPayId = (new URL(request.url).searchParams.get('id') ?? '').slice(0, 40)
	const mine = /^\d+$/.test(goPayId) ? await getMyPayment({ db: user.db, ability: user.ability, provider: 'gopay', providerPaymentId: goPayId }) : null
	if (mine && (mine.state === 'created' || mine.state === 'pending')) {
		const result = await settleCardPayment({ db: user.db, provider: 'gopay', providerPaymentId: goPayId, source: 'return' })
		await afterSettled({ db: user.db, townSlug: user.tenant.slug, townOrigin: townOrigin(user.tenant.primaryHost), ...result, log: console.warn })
	}
	const payment = mine ? await getMyPayment({ db: user.db, ability: user.ability, paymentId: mine.id }) : null
	return paymentResultView(payment, locale)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function GoPayReturn() {
	return <PaymentResult {...useLoaderData<typeof loader>()} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
