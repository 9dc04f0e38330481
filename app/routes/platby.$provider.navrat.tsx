import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/general-error-boundary'
import { PaymentResult } from '~/components/payments/payment-result'
import { requireCitizen } from '~/modules/auth/current-user.server'
import { townPageMeta } from '~/modules/citizen/page-meta'
import { getRequestLocale } from '~/modules/i18n/locale.server'
import { findGateway } from '~/modules/payments/gateways/registry.server'
import { paymentResultView } from '~/modules/payments/payment-result-view.server'
import { settleCardReturn } from '~/modules/payments/settle-card-return.server'
import { requireTownProfile } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'
import type { loader as rootLoader } from '~/root'

export const handle = { i18n: ['card-payments'] }

// Back from a card gateway: /platby/gopay/navrat, /platby/stripe/navrat (the URLs the gateways were
// given). What the query string means is the gateway's business (gateways/<id>-gateway.server.ts).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const gateway = findGateway(params.provider)
	if (!gateway) throw new Response('Not found', { status: 404 })
	const user = await requireCitizen(request, context)
	const locale = await getRequestLocale(request, await requireTownProfile(context))
	const town = { slug: user.tenant.slug, origin: townOrigin(user.tenant.primaryHost) }
	const payment = await settleCardReturn({ db: user.db, ability: user.ability, gateway, url: new URL(request.url), town })
	return paymentResultView(payment, locale)
}

export const meta: MetaFunction<typeof loader, { root: typeof rootLoader }> = ({ data: page, matches }) => townPageMeta(page?.title, matches)

export default function CardPaymentReturn() {
	return <PaymentResult {...useLoaderData<typeof loader>()} />
}

export function ErrorBoundary() {
	return <GeneralErrorBoundary />
}
