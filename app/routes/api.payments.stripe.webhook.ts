import type { ActionFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { receiveStripeWebhook } from '~/modules/payments/receive-stripe-webhook.server'
import { afterSettled } from '~/modules/payments/send-payment-receipt.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'

// Stripe's webhook for this town. Express parses no bodies (server/create-app.ts), so the request
// reaches here with the raw bytes Stripe signed; they are verified with THIS town's signing secret.
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })
}

export async function loader() {
	return answer(405, { error: 'POST a signed Stripe event here' }, { Allow: 'POST' })
}

export async function action({ request, context }: ActionFunctionArgs) {
	if (request.method !== 'POST') return answer(405, { error: 'POST only' }, { Allow: 'POST' })
	const tenant = requireTenant(context)
	const db = getTenantDb(tenant)
	const rawBody = Buffer.from(await request.arrayBuffer())
	if (rawBody.length > 512 * 1024) return answer(413, { error: 'too large' })
	const result = await receiveStripeWebhook({ db, rawBody, signature: request.headers.get('stripe-signature') ?? undefined })
	await afterSettled({ db, townSlug: tenant.slug, townOrigin: townOrigin(tenant.primaryHost), outcome: result.body.outcome, paymentId: result.paymentId ?? null, log: console.warn })
	return answer(result.status, result.body)
}
