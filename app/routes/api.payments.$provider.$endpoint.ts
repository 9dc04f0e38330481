import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { findGateway } from '~/modules/payments/gateways/registry.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'

// Every card gateway's notification or webhook for this town: /api/payments/gopay/notify (GET),
// /api/payments/stripe/webhook (POST), the URLs registered at the providers. The gateway verifies and
// applies it (gateways/<id>-gateway.server.ts); a credited payment's receipt goes out from there.
function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })
}

async function receive({ request, context, params }: LoaderFunctionArgs | ActionFunctionArgs) {
	const gateway = findGateway(params.provider)
	if (!gateway || params.endpoint !== gateway.notification.segment) return answer(404, { error: 'not found' })
	const { method } = gateway.notification
	if (request.method !== method) return answer(405, { error: `${method} only` }, { Allow: method })
	const tenant = requireTenant(context)
	const result = await gateway.handleNotification({ request, db: getTenantDb(tenant), town: { slug: tenant.slug, origin: townOrigin(tenant.primaryHost) } })
	return answer(result.status, result.body, result.headers)
}

export const loader = receive
export const action = receive
