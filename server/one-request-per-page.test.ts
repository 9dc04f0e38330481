// patches/@remix-run+server-runtime: Remix hands every loader of a page the request itself when there is
// nothing to strip from its URL, so the loaders of one page share per-request answers (getCurrentUser).
import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'

type Loader = (args: { request: Request; context: unknown; params: unknown }) => unknown
type CallRouteLoader = (options: {
	loadContext: unknown
	loader: Loader
	params: unknown
	request: Request
	routeId: string
	singleFetch: boolean
}) => Promise<unknown>
const { callRouteLoader } = createRequire(import.meta.url)('@remix-run/server-runtime/dist/data.js') as { callRouteLoader: CallRouteLoader }

async function seenBy(request: Request) {
	let seen: Request | undefined
	await callRouteLoader({
		loadContext: {},
		params: {},
		request,
		routeId: 'root',
		singleFetch: true,
		loader: ({ request: received }) => {
			seen = received
			return null
		},
	})
	return seen!
}

describe('the request a loader receives', () => {
	test('is the request itself when its URL has no index or _routes parameter', async () => {
		const request = new Request('http://veseli.localhost/platby?strana=2', { headers: { cookie: 'portal_session=x' } })
		expect(await seenBy(request)).toBe(request)
	})

	test('loses the index and _routes parameters as before, keeping the rest', async () => {
		for (const url of ['http://veseli.localhost/platby?index&strana=2', 'http://veseli.localhost/platby.data?_routes=root&strana=2']) {
			const request = new Request(url, { headers: { cookie: 'portal_session=x' } })
			const seen = await seenBy(request)
			expect(seen).not.toBe(request)
			expect(new URL(seen.url).searchParams.get('strana')).toBe('2')
			expect(new URL(seen.url).searchParams.has('index') || new URL(seen.url).searchParams.has('_routes')).toBe(false)
			expect(seen.headers.get('cookie')).toBe('portal_session=x')
		}
	})
})
