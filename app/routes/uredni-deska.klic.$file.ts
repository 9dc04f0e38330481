import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { boardPublicKey } from '~/modules/board/board-signature.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The town's public key for the board's signed snapshots (SPKI PEM), named by its id: enough to check
// a day's signature without the portal (decision 015).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const keyId = /^([0-9a-f]{16})\.pem$/.exec(params.file ?? '')?.[1]
	if (!keyId) throw data(null, { status: 404 })
	const key = await boardPublicKey(getTenantDb(tenant), keyId)
	if (!key) throw data(null, { status: 404 })
	return cacheableResponse(request, { body: key.publicKey, contentType: 'application/x-pem-file', lastModified: key.createdAt })
}
