import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { buildOpenDataFile, isOpenDataFile } from '~/modules/open-data/open-data-file.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The distributions of the fee-rate, form-catalogue and statistics datasets: CSV, JSON and CSV-W metadata.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const file = params.file ?? ''
	if (!isOpenDataFile(file)) throw data(null, { status: 404 })
	const built = await buildOpenDataFile({ db: getTenantDb(tenant), slug: tenant.slug, origin: new URL(request.url).origin, file })
	return cacheableResponse(request, { ...built, filename: file })
}
