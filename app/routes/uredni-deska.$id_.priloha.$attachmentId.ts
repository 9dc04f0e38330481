import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { readPublicBoardAttachment } from '~/modules/board/get-public-board-document.server'
import { getTenantDb } from '~/modules/db/tenant-db.server'
import { cacheableResponse } from '~/modules/open-data/http-cache.server'
import { requireTenant } from '~/modules/tenancy/require-town.server'

// A PDF attachment of a document on the board or in its archive: public, cacheable (it never changes).
export async function loader({ request, context, params }: LoaderFunctionArgs) {
	const tenant = requireTenant(context)
	const file = await readPublicBoardAttachment({ db: getTenantDb(tenant), documentId: params.id ?? '', attachmentId: params.attachmentId ?? '' })
	if (!file) throw data(null, { status: 404 })
	const response = cacheableResponse(request, { body: new Uint8Array(file.content), contentType: 'application/pdf', lastModified: file.createdAt })
	response.headers.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
	response.headers.set('X-Content-Type-Options', 'nosniff')
	return response
}
