import { createHash } from 'node:crypto'

/**
 * A cacheable open-data response: a strong ETag over the body and Last-Modified, answering a
 * matching If-None-Match (or, without one, an If-Modified-Since not older than Last-Modified) with
 * 304 and no body. Harvesters (NKOD) and browsers re-ask cheaply.
 */
export function cacheableResponse(
	request: Request,
	{ body, contentType, lastModified, filename }: { body: string | Uint8Array; contentType: string; lastModified: Date | null; filename?: string },
) {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body)
	const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`
	// HTTP dates have whole seconds.
	const modified = new Date(Math.floor((lastModified ?? new Date(0)).getTime() / 1000) * 1000)
	const headers = new Headers({
		ETag: etag,
		'Last-Modified': modified.toUTCString(),
		'Cache-Control': 'public, max-age=300, must-revalidate',
		'Access-Control-Allow-Origin': '*',
		Vary: 'Accept-Encoding',
	})
	const ifNoneMatch = request.headers.get('If-None-Match')
	const ifModifiedSince = request.headers.get('If-Modified-Since')
	const notModified = ifNoneMatch
		? ifNoneMatch
				.split(',')
				.map((tag) => tag.trim().replace(/^W\//, ''))
				.some((tag) => tag === etag || tag === '*')
		: ifModifiedSince
			? !Number.isNaN(Date.parse(ifModifiedSince)) && modified.getTime() <= Date.parse(ifModifiedSince)
			: false
	if (notModified) return new Response(null, { status: 304, headers })
	headers.set('Content-Type', contentType)
	headers.set('Content-Length', String(bytes.length))
	if (filename) headers.set('Content-Disposition', `inline; filename="${filename}"`)
	return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers })
}
