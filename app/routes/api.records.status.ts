import { data, type ActionFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { receiveStatusCallback } from '~/modules/delivery/receive-status-callback.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// Status callbacks from the town's records system (docs/api/records-system.openapi.yaml). Server to
// server: no session, no Origin header; the HMAC signature is the authentication.
export async function loader() {
	return data({ error: 'POST a signed status update here' }, { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request, context }: ActionFunctionArgs) {
	if (request.method !== 'POST') return data({ error: 'POST only' }, { status: 405, headers: { Allow: 'POST' } })
	const tenant = requireTenant(context)
	const { status, body } = await receiveStatusCallback({ db: getTenantDb(tenant), townSlug: tenant.slug, townOrigin: new URL(request.url).origin, request })
	return data(body, { status, headers: { 'Cache-Control': 'no-store' } })
}
