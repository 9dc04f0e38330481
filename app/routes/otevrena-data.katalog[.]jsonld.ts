import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { buildCatalogue } from '~/modules/open-data/open-data-catalogue'
import { getOpenDataTown, getTownSettingsUpdatedAt } from '~/modules/open-data/town-open-data.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The town's open-data catalogue in DCAT-AP-CZ (JSON-LD) at a stable URL, for NKOD to harvest.
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const db = getTenantDb(tenant)
	const town = await getOpenDataTown(db, new URL(request.url).origin)
	if (!town.ico) throw data(null, { status: 404 })
	const body = `${JSON.stringify(buildCatalogue({ ...town, ico: town.ico }), null, 2)}\n`
	return cacheableResponse(request, { body, contentType: 'application/ld+json; charset=utf-8', lastModified: await getTownSettingsUpdatedAt(db) })
}
