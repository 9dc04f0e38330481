import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { findBoardSnapshotText } from '~/modules/board/verify-board-snapshot.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The canonical list a day's fingerprint (otisk dne) was computed from: its SHA-256 is the stored hash.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const day = /^(\d{4}-\d{2}-\d{2})\.txt$/.exec(params.file ?? '')?.[1]
	if (!day) throw data(null, { status: 404 })
	const snapshot = await findBoardSnapshotText({ db: getTenantDb(tenant), day })
	if (!snapshot) throw data(null, { status: 404 })
	return cacheableResponse(request, { body: snapshot.canonical, contentType: 'text/plain; charset=utf-8', lastModified: snapshot.createdAt })
}
