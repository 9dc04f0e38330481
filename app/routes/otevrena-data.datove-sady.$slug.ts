import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { buildDataset, DATASETS } from '~/modules/open-data/open-data-catalogue'
import { getOpenDataTown, getTownSettingsUpdatedAt } from '~/modules/open-data/town-open-data.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// A dataset record (DCAT-AP-CZ JSON-LD); its IRI is this URL, as the catalogue lists it.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const dataset = DATASETS.find((d) => d.slug === params.slug)
	if (!dataset) throw data(null, { status: 404 })
	const db = getTenantDb(tenant)
	const town = await getOpenDataTown(db, new URL(request.url).origin)
	if (!town.ico) throw data(null, { status: 404 })
	const body = `${JSON.stringify(buildDataset({ ...town, ico: town.ico }, dataset), null, 2)}\n`
	return cacheableResponse(request, { body, contentType: 'application/ld+json; charset=utf-8', lastModified: await getTownSettingsUpdatedAt(db) })
}
