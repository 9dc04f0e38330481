import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { boardCategoryNameCs } from '~/modules/board/board-category-names'
import { buildBoardOfn, loadCurrentBoardDocuments } from '~/modules/board/build-board-ofn.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { getOpenDataTown } from '~/modules/open-data/town-open-data.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// The board as open data: OFN "Úřední desky" JSON-LD (decision 015).
export async function loader({ request, context }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const db = getTenantDb(tenant)
	const town = await getOpenDataTown(db, new URL(request.url).origin)
	if (!town.ico) throw data(null, { status: 404 })
	const { documents, lastModified } = await loadCurrentBoardDocuments({ db })
	const body = `${JSON.stringify(buildBoardOfn({ origin: town.origin, ico: town.ico }, documents, boardCategoryNameCs), null, 2)}\n`
	return cacheableResponse(request, { body, contentType: 'application/ld+json; charset=utf-8', lastModified })
}
