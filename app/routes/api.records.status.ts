import type { ActionFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { receiveStatusCallback } from '~/modules/delivery/receive-status-callback.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'
import { townOrigin } from '~/modules/tenancy/town-origin.server'

// Status callbacks from the town's records system (docs/api/records-system.openapi.yaml). Server to
// server: no session, no Origin header; the HMAC signature is the authentication.
// Plain Responses: a resource route's returned data() keeps status 200 without single fetch.
function answer(body: unknown, status: number, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } })
}

export async function loader() {
	return answer({ error: 'POST a signed status update here' }, 405, { Allow: 'POST' })
}

export async function action({ request, context }: ActionFunctionArgs) {
	if (request.method !== 'POST') return answer({ error: 'POST only' }, 405, { Allow: 'POST' })
	const tenant = requireTenant(context)
	const { status, body } = await receiveStatusCallback({ db: getTenantDb(tenant), townSlug: tenant.slug, townOrigin: townOrigin(tenant.primaryHost), request })
	return answer(body, status)
}
