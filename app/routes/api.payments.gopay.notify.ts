import type { LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { afterSettled } from '~/modules/payments/send-payment-receipt.server'
import { settleCardPayment } from '~/modules/payments/settle-card-payment.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'

// GoPay's notification: an unsigned GET ?id=<GoPay payment id> on every state change, retried until
// it gets 200. Never trusted: the status is re-queried with the town's credentials and applied
// through the inbox (a repeat changes nothing). 200 whenever we processed or can ignore it; 503 only
// when the gateway did not answer our query, so GoPay tries again.
function answer(status: number, outcome: string) {
	return new Response(JSON.stringify({ outcome }), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } })
}

export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const id = new URL(request.url).searchParams.get('id') ?? ''
	if (!/^\d{1,20}$/.test(id)) return answer(200, 'ignored')
	const db = getTenantDb(tenant)
	const result = await settleCardPayment({ db, provider: 'gopay', providerPaymentId: id, source: 'notification', dedupe: true })
	await afterSettled({ db, townSlug: tenant.slug, townOrigin: townOrigin(tenant.primaryHost), ...result, log: console.warn })
	return answer(result.outcome === 'gateway_unavailable' ? 503 : 200, result.outcome)
}
